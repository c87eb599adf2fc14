package org.huian.cases;

import java.util.List;
import org.huian.security.Scope;

/** Filters of {@code GET /api/cases}, always narrowed by the caller's scope. */
public record CaseQuery(Scope scope, String streetCode, String level, String status, String sla) {

  void appendWhere(StringBuilder sql, List<Object> args) {
    if (!scope.all()) {
      sql.append(" AND (");
      boolean first = true;
      for (var entry : List.of(
          new Object[] {"street_code", scope.streets()},
          new Object[] {"community_code", scope.communities()},
          new Object[] {"grid_id", scope.grids()},
          new Object[] {"unit_code", scope.units()})) {
        @SuppressWarnings("unchecked")
        var codes = (java.util.Set<String>) entry[1];
        if (codes.isEmpty()) {
          continue;
        }
        sql.append(first ? "" : " OR ").append(entry[0]).append(" IN (");
        sql.append(String.join(", ", codes.stream().map(c -> "?").toList())).append(")");
        args.addAll(codes);
        first = false;
      }
      if (first) {
        sql.append("1=0");
      }
      sql.append(")");
    }
    if (streetCode != null) {
      sql.append(" AND street_code = ?");
      args.add(streetCode);
    }
    if (level != null) {
      sql.append(" AND level = ?");
      args.add(level);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status);
    }
    if (sla != null) {
      sql.append(" AND sla = ?");
      args.add(sla);
    }
  }
}
