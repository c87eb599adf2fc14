package org.huian.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.huian.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the dialogue repositories share: the readable-number counters and the column and scope
 * helpers (SQL that runs on H2 and PostgreSQL alike).
 */
@Component
class DialogueJdbc {

  private final JdbcClient jdbc;

  DialogueJdbc(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next readable number of a kind; the UPDATE locks the counter row until the transaction ends. */
  long next(String kind) {
    jdbc.sql("UPDATE dialogue_counters SET next_value = next_value + 1 WHERE name = ?").param(kind).update();
    return jdbc.sql("SELECT next_value - 1 FROM dialogue_counters WHERE name = ?").param(kind).query(Long.class).single();
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String c) throws SQLException {
    OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static LocalDate date(ResultSet rs, String c) throws SQLException {
    return rs.getObject(c, LocalDate.class);
  }

  /** Limits a query to the streets of the caller's scope. */
  static void streetFilter(StringBuilder sql, List<Object> args, Scope scope, String column) {
    if (scope.all()) {
      return;
    }
    if (scope.streets().isEmpty()) {
      sql.append(" AND 1=0");
      return;
    }
    sql.append(" AND ").append(column).append(" IN (")
        .append(String.join(", ", scope.streets().stream().map(s -> "?").toList())).append(")");
    args.addAll(scope.streets());
  }

  /** Limits a query to the units of the caller's scope. */
  static void unitFilter(StringBuilder sql, List<Object> args, Scope scope, String column) {
    if (scope.all()) {
      return;
    }
    if (scope.units().isEmpty()) {
      sql.append(" AND 1=0");
      return;
    }
    sql.append(" AND ").append(column).append(" IN (")
        .append(String.join(", ", scope.units().stream().map(s -> "?").toList())).append(")");
    args.addAll(scope.units());
  }
}
