package org.huian.security;

import java.util.Set;
import org.huian.cases.CaseRow;

/**
 * What a user may see: everything (district and administrators), or the cases located in, or
 * handled by, the units they belong to.
 */
public record Scope(
    boolean all, Set<String> streets, Set<String> communities, Set<String> grids, Set<String> units) {

  public static Scope everything() {
    return new Scope(true, Set.of(), Set.of(), Set.of(), Set.of());
  }

  public boolean canSee(CaseRow c) {
    return all
        || streets.contains(c.streetCode())
        || (c.communityCode() != null && communities.contains(c.communityCode()))
        || (c.gridId() != null && grids.contains(c.gridId()))
        || (c.unitCode() != null && units.contains(c.unitCode()));
  }
}
