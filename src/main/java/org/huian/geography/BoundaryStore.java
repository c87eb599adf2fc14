package org.huian.geography;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code unit_boundaries} table: one GeoJSON FeatureCollection per district, with its box. */
@Repository
class BoundaryStore {

  /** What is known of a district's boundaries without reading the file. */
  record Summary(String districtCode, int features, UnitBoundaries.Box box, Instant importedAt) {}

  private final JdbcClient jdbc;

  BoundaryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Summary> summaries() {
    return jdbc.sql("SELECT district_code, feature_count, lat_min, lat_max, lon_min, lon_max, imported_at FROM unit_boundaries")
        .query((rs, n) -> new Summary(rs.getString(1), rs.getInt(2),
            new UnitBoundaries.Box(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)),
            rs.getTimestamp(7).toInstant()))
        .list();
  }

  Optional<String> geojson(String districtCode) {
    return jdbc.sql("SELECT geojson FROM unit_boundaries WHERE district_code = ?").param(districtCode)
        .query(String.class).optional();
  }

  /** A fingerprint of the table that changes with every import or removal. */
  String version() {
    return jdbc.sql("SELECT COUNT(*) || '@' || COALESCE(CAST(MAX(imported_at) AS VARCHAR(40)), '-') FROM unit_boundaries")
        .query(String.class).single();
  }

  /** Imports run under the units lock, so two imports of one district cannot interleave. */
  void lock() {
    jdbc.sql("SELECT name FROM huian_lock WHERE name = 'units' FOR UPDATE").query(String.class).single();
  }

  /** The district's previous feature count, 0 when it had none. */
  int replace(String districtCode, BoundaryFile.Checked file, String by, Instant now) {
    int before = jdbc.sql("SELECT feature_count FROM unit_boundaries WHERE district_code = ?").param(districtCode)
        .query(Integer.class).optional().orElse(0);
    delete(districtCode);
    UnitBoundaries.Box b = file.box();
    jdbc.sql("""
        INSERT INTO unit_boundaries (district_code, geojson, feature_count, lat_min, lat_max, lon_min, lon_max, imported_by, imported_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(districtCode, file.geojson(), file.features(), b.latMin(), b.latMax(), b.lonMin(), b.lonMax(), by, Timestamp.from(now))
        .update();
    return before;
  }

  int delete(String districtCode) {
    return jdbc.sql("DELETE FROM unit_boundaries WHERE district_code = ?").param(districtCode).update();
  }
}
