package org.huian.cases;

import java.util.List;
import org.huian.security.Scope;

/** Filters of {@code GET /api/cases}, always narrowed by the caller's scope. */
public record CaseQuery(Scope scope, String streetCode, String level, String status, String sla) {

  void appendWhere(StringBuilder sql, List<Object> args) {
    scope.appendSql(sql, args, "");
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
