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
  /** 市级综治中心: reads every district, writes nothing. */
  public static final String CITY_CENTRE = "city-centre";
  /** Imports units and staff (besides camunda-admin). */
  public static final String UNIT_ADMIN = "unit-admin";
  /**
   * 流程设计人员: deploy and read models (processes, decisions, forms) in Modeler and Cockpit, and
   * read {@code /api/admin/definitions}; no case data, tasks, variables or instance history.
   */
  public static final String PROCESS_DESIGNERS = "process-designers";
  /**
   * 个人信息保护负责人: rights requests (export, erasure), the access log and the anonymisation
   * audit in {@code /api/privacy} (docs/privacy.md); sees no case through {@code /api/cases}.
   */
  public static final String PRIVACY_OFFICER = "privacy-officer";

  private final IdentityService identityService;
  private final Geography geography;

  ScopeResolver(IdentityService identityService, Geography geography) {
    this.identityService = identityService;
    this.geography = geography;
  }

  /** The tenants (districts) a user is a member of, directly or through their groups. */
  public List<String> tenantsOf(String userId) {
    return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
  }

  public List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  /** A member of the city centre who is neither an administrator nor a member of any unit: reads only. */
  public static boolean readOnly(List<String> groups) {
    return groups.contains(CITY_CENTRE) && !groups.contains(CAMUNDA_ADMIN);
  }

  /**
   * A process designer who belongs to no unit and is no administrator or city-centre member: sees
   * models only, never a case (a designer who also works in a unit keeps that unit's scope).
   */
  public boolean designerOnly(List<String> groups) {
    if (!groups.contains(PROCESS_DESIGNERS) || groups.contains(CAMUNDA_ADMIN) || groups.contains(CITY_CENTRE)) {
      return false;
    }
    return groups.stream().noneMatch(g -> UnitGroups.unitOf(geography, g).isPresent());
  }

  public Scope scopeOf(List<String> groups) {
    if (groups.contains(CAMUNDA_ADMIN) || groups.contains(CITY_CENTRE)) {
      return Scope.everything();
    }
    Set<String> districts = new HashSet<>();
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
        districts.add(unit.code());
        units.add(unit.code());
        geography.all(Level.STREET, unit.code()).forEach(s -> {
          streets.add(s.code());
          units.add(s.code());
        });
        continue;
      }
      units.add(unit.code());
      switch (unit.level()) {
        case STREET -> streets.add(unit.code());
        case COMMUNITY -> communities.add(unit.code());
        case GRID -> grids.add(unit.code());
        default -> { }
      }
    }
    return new Scope(false, Set.copyOf(districts), Set.copyOf(streets), Set.copyOf(communities), Set.copyOf(grids), Set.copyOf(units));
  }
}
