package org.huian.geography;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code units} table: the unit tree as imported. */
@Repository
class UnitStore {

  private final JdbcClient jdbc;

  UnitStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Unit> all() {
    return jdbc.sql("SELECT code, name, short_name, level, parent_code, district_code, sort, retired FROM units")
        .query((rs, n) -> new Unit(rs.getString("code"), rs.getString("name"), Level.valueOf(rs.getString("level")),
            rs.getString("parent_code"), rs.getString("district_code"), rs.getString("short_name"), rs.getInt("sort"),
            rs.getBoolean("retired")))
        .list();
  }

  Map<String, String> casePrefixes() {
    Map<String, String> prefixes = new LinkedHashMap<>();
    jdbc.sql("SELECT code, case_prefix FROM units WHERE level = 'DISTRICT' AND case_prefix IS NOT NULL")
        .query(rs -> {
          prefixes.put(rs.getString(1), rs.getString(2));
        });
    return prefixes;
  }

  /** A fingerprint of the table that changes with every import that changed something. */
  String version() {
    return jdbc.sql("SELECT COUNT(*) || '@' || COALESCE(CAST(MAX(updated_at) AS VARCHAR(40)), '-') FROM units")
        .query(String.class).single();
  }

  void lock() {
    jdbc.sql("SELECT name FROM huian_lock WHERE name = 'units' FOR UPDATE").query(String.class).single();
  }

  void insert(Unit u, String casePrefix, Instant now) {
    jdbc.sql("""
        INSERT INTO units (code, name, short_name, level, parent_code, district_code, sort, retired, case_prefix, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(u.code(), u.name(), u.shortName(), u.level().name(), u.parentCode(), u.districtCode(), u.sort(),
            u.retired(), casePrefix, Timestamp.from(now))
        .update();
  }

  void update(Unit u, Instant now) {
    jdbc.sql("""
        UPDATE units SET name = ?, short_name = ?, parent_code = ?, district_code = ?, sort = ?, retired = ?, updated_at = ?
        WHERE code = ?""")
        .params(u.name(), u.shortName(), u.parentCode(), u.districtCode(), u.sort(), u.retired(), Timestamp.from(now), u.code())
        .update();
  }

  void setCasePrefix(String districtCode, String prefix, Instant now) {
    jdbc.sql("UPDATE units SET case_prefix = ?, updated_at = ? WHERE code = ?")
        .params(prefix, Timestamp.from(now), districtCode).update();
  }
}
