package org.huian.security;

import java.util.ArrayList;
import java.util.List;
import org.huian.geography.Level;
import org.huian.geography.Unit;

/**
 * The roles a staff file may give, and the Camunda groups each means in a unit of a given level:
 * the unit's own group (its cases in {@code /api}) plus the functional area or leaders group
 * whose tasks the person works. A role that a unit of that level does not have is refused.
 */
public enum StaffRole {
  /** 办理人员: a district or street centre's every functional area; a community's or grid's own group. */
  HANDLER("办理人员"),
  /** 领导: approves complexity requests, receives supervision orders (not at a grid). */
  LEADER("领导"),
  /** 网格员: only at a grid. */
  GRID_WORKER("网格员"),
  RECEPTION("群众接待"),
  MEDIATOR("调解员"),
  DISPATCH("指挥调度"),
  PSYCHOLOGICAL("心理服务"),
  LEGAL("法律服务"),
  PETITION("信访接待"),
  REGISTRATION("登记受理");

  private final String nameZh;

  StaffRole(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }

  /** The groups this role gives in the unit, or {@code null} when the unit's level has no such role. */
  public List<String> groups(Unit unit) {
    List<String> groups = new ArrayList<>();
    groups.add(unit.code());
    Level level = unit.level();
    String area = switch (this) {
      case HANDLER -> {
        UnitGroups.areas(level).forEach(a -> groups.add(UnitGroups.areaGroup(unit.code(), a)));
        yield "";
      }
      case LEADER -> level == Level.GRID ? null : UnitGroups.LEADERS;
      case GRID_WORKER -> level == Level.GRID ? "" : null;
      case MEDIATOR -> level == Level.GRID ? null : UnitGroups.areas(level).contains("mediation") ? "mediation" : "";
      case RECEPTION -> level == Level.DISTRICT ? "reception" : null;
      case PSYCHOLOGICAL -> level == Level.DISTRICT ? "psychological" : null;
      case DISPATCH -> UnitGroups.areas(level).contains("dispatch") ? "dispatch" : null;
      case LEGAL -> level == Level.STREET ? "legal" : null;
      case PETITION -> level == Level.STREET ? "petitions" : null;
      case REGISTRATION -> level == Level.STREET ? "registration" : null;
    };
    if (area == null) {
      return null;
    }
    if (!area.isEmpty()) {
      groups.add(UnitGroups.areaGroup(unit.code(), area));
    }
    return groups;
  }
}
