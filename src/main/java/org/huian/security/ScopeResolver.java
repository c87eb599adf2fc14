package org.huian.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/** Turns a user's Camunda groups into the set of cases they may see. */
@Component
public class ScopeResolver {

  public static final String CAMUNDA_ADMIN = "camunda-admin";

  private final IdentityService identityService;
  private final Geography geography;

  ScopeResolver(IdentityService identityService, Geography geography) {
    this.identityService = identityService;
    this.geography = geography;
  }

  public List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  public Scope scopeOf(List<String> groups) {
    if (groups.contains(CAMUNDA_ADMIN)) {
      return Scope.everything();
    }
    Set<String> streets = new HashSet<>();
    Set<String> communities = new HashSet<>();
    Set<String> grids = new HashSet<>();
    Set<String> units = new HashSet<>();
    for (String group : groups) {
      Unit unit = UnitGroups.unitOf(geography, group).orElse(null);
      if (unit == null) {
        continue;
      }
      if (unit.level() == Level.DISTRICT) {
        return Scope.everything();
      }
      units.add(unit.code());
      switch (unit.level()) {
        case STREET -> streets.add(unit.code());
        case COMMUNITY -> communities.add(unit.code());
        case GRID -> grids.add(unit.code());
        default -> { }
      }
    }
    return new Scope(false, Set.copyOf(streets), Set.copyOf(communities), Set.copyOf(grids), Set.copyOf(units));
  }
}
