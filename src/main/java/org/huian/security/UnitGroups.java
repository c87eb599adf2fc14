package org.huian.security;

import java.util.List;
import java.util.Optional;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;

/**
 * How units map to Camunda groups. A unit's own group id is its code; a functional area of a
 * district or street centre is {@code <code>-<area>}; the leaders (supervisors) of a district,
 * street or community are {@code <code>-leaders}. A grid's supervisor is its community's leaders.
 */
public final class UnitGroups {

  public static final String LEADERS = "leaders";
  /** 群众接待、调解服务、指挥调度、心理服务 */
  public static final List<String> DISTRICT_AREAS = List.of("reception", "mediation", "dispatch", "psychological");
  /** 登记受理、信访接待、法律服务、调解工作、指挥调度 */
  public static final List<String> STREET_AREAS = List.of("registration", "petitions", "legal", "mediation", "dispatch");

  private UnitGroups() {}

  public static String areaGroup(String unitCode, String area) {
    return area == null || area.isBlank() ? unitCode : unitCode + "-" + area;
  }

  public static String leadersGroup(String unitCode) {
    return unitCode + "-" + LEADERS;
  }

  public static List<String> areas(Level level) {
    return switch (level) {
      case DISTRICT -> DISTRICT_AREAS;
      case STREET -> STREET_AREAS;
      default -> List.of();
    };
  }

  public static String areaNameZh(String area) {
    return switch (area) {
      case "reception" -> "群众接待";
      case "mediation" -> "调解";
      case "dispatch" -> "指挥调度";
      case "psychological" -> "心理服务";
      case "registration" -> "登记受理";
      case "petitions" -> "信访接待";
      case "legal" -> "法律服务";
      case LEADERS -> "领导";
      default -> area;
    };
  }

  /** The group that supervises a unit's handlers (approves complexity requests). */
  public static String supervisorGroup(Geography geography, Unit unit) {
    Unit owner = unit.level() == Level.GRID ? geography.parent(unit) : unit;
    return leadersGroup(owner.code());
  }

  /** The unit a group belongs to: the unit itself, or the unit of an area or leaders group. */
  public static Optional<Unit> unitOf(Geography geography, String groupId) {
    Optional<Unit> direct = geography.find(groupId);
    if (direct.isPresent()) {
      return direct;
    }
    int dash = groupId.indexOf('-');
    if (dash == 12) {
      Optional<Unit> owner = geography.find(groupId.substring(0, dash));
      String suffix = groupId.substring(dash + 1);
      if (owner.isPresent()
          && (suffix.equals(LEADERS) || areas(owner.get().level()).contains(suffix))) {
        return owner;
      }
    }
    return Optional.empty();
  }
}
