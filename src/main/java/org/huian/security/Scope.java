package org.huian.security;

import java.util.List;
import java.util.Set;

/**
 * What a user may see: everything (administrators and the city centre), whole districts (a
 * district centre sees every case of its district, through the district's streets), or the cases
 * located in, or handled by, the units they belong to.
 *
 * @param districts the districts seen whole; their streets are in {@code streets} and the
 *     district centres themselves in {@code units}, so the SQL limits need nothing else
 */
public record Scope(boolean all, Set<String> districts, Set<String> streets, Set<String> communities,
    Set<String> grids, Set<String> units) {

  public Scope(boolean all, Set<String> streets, Set<String> communities, Set<String> grids, Set<String> units) {
    this(all, Set.of(), streets, communities, grids, units);
  }

  public static Scope everything() {
    return new Scope(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** Whether the scope covers at least one district whole (a district centre, the city, an administrator). */
  public boolean wholeDistrict() {
    return all || !districts.isEmpty();
  }

  /** Whether the scope covers this district whole. */
  public boolean coversDistrict(String districtCode) {
    return all || districts.contains(districtCode);
  }

  /**
   * Appends {@code AND (...)} limiting rows of the {@code cases} table (alias {@code c}, or none
   * when {@code alias} is empty) to what this scope may see; nothing for everything.
   */
  public void appendSql(StringBuilder sql, List<Object> args, String alias) {
    append(sql, args, alias, true);
  }

  /**
   * The same limit for a table located by {@code street_code}, {@code community_code} and
   * {@code grid_id} only (grid reports, linked-risk clusters): the rows in the scope's areas.
   */
  public void appendAreaSql(StringBuilder sql, List<Object> args, String alias) {
    append(sql, args, alias, false);
  }

  private void append(StringBuilder sql, List<Object> args, String alias, boolean handlingUnit) {
    if (all) {
      return;
    }
    String p = alias.isEmpty() ? "" : alias + ".";
    sql.append(" AND (1=0");
    in(sql, args, p + "street_code", streets);
    in(sql, args, p + "community_code", communities);
    in(sql, args, p + "grid_id", grids);
    if (handlingUnit) {
      in(sql, args, p + "unit_code", units);
    }
    sql.append(")");
  }

  /** Whether a unit's area lies within this scope (a unit of the scope or one below it). */
  public boolean covers(String streetCode, String communityCode, String gridId) {
    return all
        || streets.contains(streetCode)
        || (communityCode != null && communities.contains(communityCode))
        || (gridId != null && grids.contains(gridId));
  }

  private static void in(StringBuilder sql, List<Object> args, String column, Set<String> values) {
    if (!values.isEmpty()) {
      sql.append(" OR ").append(column).append(" IN (")
          .append(String.join(", ", values.stream().map(v -> "?").toList())).append(")");
      args.addAll(values);
    }
  }

  public boolean canSee(Placed c) {
    return all
        || streets.contains(c.streetCode())
        || (c.communityCode() != null && communities.contains(c.communityCode()))
        || (c.gridId() != null && grids.contains(c.gridId()))
        || (c.unitCode() != null && units.contains(c.unitCode()));
  }
}
