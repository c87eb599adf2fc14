package org.huian.geography;

/**
 * An organisational unit of the funnel: a district centre, a street (or town) centre, a community
 * (or village) office or a micro-grid. Its code doubles as the id of its Camunda group.
 *
 * @param districtCode the district the unit belongs to (its own code for a district); the
 *     district is also the unit's Camunda tenant
 * @param shortName the name maps and tiles show ({@code 安定门}); the name when none was given
 * @param retired a retired unit takes no new cases; its open cases stay until someone moves them
 */
public record Unit(String code, String name, Level level, String parentCode, String districtCode,
    String shortName, int sort, boolean retired) {

  public Unit {
    shortName = shortName == null || shortName.isBlank() ? name : shortName;
  }

  /** A unit as the older code built them: active, no short name, no order. */
  public Unit(String code, String name, Level level, String parentCode) {
    this(code, name, level, parentCode, null, name, 0, false);
  }
}
