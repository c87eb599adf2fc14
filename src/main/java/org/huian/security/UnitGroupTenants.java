package org.huian.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/**
 * A group's tenant is the district its unit lies in: the unit of the group (the unit's own group,
 * an area group such as {@code <street code>-legal}, a leaders group, a grid), then up its lineage
 * to the unit of level {@link Level#DISTRICT}, whose 12-digit code is the tenant id.
 * Groups of no known unit ({@code camunda-admin}) belong to no tenant.
 */
@Component
public class UnitGroupTenants implements GroupTenants {

  private final Geography geography;

  public UnitGroupTenants(Geography geography) {
    this.geography = geography;
  }

  @Override
  public Set<String> tenantsOf(Collection<String> groupIds) {
    Set<String> tenants = new TreeSet<>();
    for (String groupId : groupIds) {
      if (groupId == null) {
        continue;
      }
      UnitGroups.unitOf(geography, groupId).ifPresent(unit -> geography.lineage(unit).stream()
          .filter(u -> u.level() == Level.DISTRICT)
          .map(Unit::code)
          .forEach(tenants::add));
    }
    return tenants;
  }
}
