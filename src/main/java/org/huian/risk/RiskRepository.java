package org.huian.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.huian.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to the grid reports and the subject keys (SQL for H2 and PostgreSQL alike). */
@Repository
public class RiskRepository {

  private final JdbcClient jdbc;
  private final boolean postgres;
  private final DataFieldMaxValueIncrementer reportNumbers;
  private final DataFieldMaxValueIncrementer clusterNumbers;
  private final DataFieldMaxValueIncrementer orderNumbers;

  RiskRepository(JdbcClient jdbc, org.huian.config.Database database) {
    this.jdbc = jdbc;
    this.postgres = database.postgres();
    this.reportNumbers = database.sequence("grid_report_no_seq");
    this.clusterNumbers = database.sequence("risk_cluster_no_seq");
    this.orderNumbers = database.sequence("supervision_order_no_seq");
  }

  public boolean postgres() {
    return postgres;
  }

  /**
   * SQL for a timestamp column's epoch seconds as a double. PostgreSQL 14's {@code EXTRACT} answers
   * {@code numeric}, slow over a million rows, so {@code date_part} there.
   */
  public String epochSeconds(String column) {
    return postgres ? "date_part('epoch', " + column + ")" : "CAST(EXTRACT(EPOCH FROM " + column + ") AS DOUBLE PRECISION)";
  }

  public long nextReportSequence() {
    return reportNumbers.nextLongValue();
  }

  public long nextClusterSequence() {
    return clusterNumbers.nextLongValue();
  }

  public long nextOrderSequence() {
    return orderNumbers.nextLongValue();
  }

  static final String INSERT_REPORT = """
      INSERT INTO grid_reports (report_no, source, external_ref, request_hash, kind, category, grid_id,
        community_code, street_code, description, severity, tags, lat, lon, occurred_at, received_at,
        reported_by, subject_name, subject_code, subject_phone, subject_address, case_no)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  static Object[] reportArgs(GridReport r) {
    return new Object[] {r.reportNo(), r.source().name(), r.externalRef(), r.requestHash(), r.kind().name(), r.category(),
        r.gridId(), r.communityCode(), r.streetCode(), r.description(), r.severity(),
        r.tags().isEmpty() ? null : String.join(",", r.tags()), r.lat(), r.lon(), ts(r.occurredAt()), ts(r.receivedAt()),
        r.reportedBy(), r.subjectName(), r.subjectCode(), r.subjectPhone(), r.subjectAddress(), r.caseNo()};
  }

  public void insert(GridReport r) {
    jdbc.sql(INSERT_REPORT).params(Arrays.asList(reportArgs(r))).update();
  }

  public void linkCase(String reportNo, String caseNo) {
    jdbc.sql("UPDATE grid_reports SET case_no = ? WHERE report_no = ?").params(caseNo, reportNo).update();
  }

  public Optional<GridReport> find(String reportNo) {
    return jdbc.sql("SELECT * FROM grid_reports WHERE report_no = ?").param(reportNo).query(RiskRepository::report).optional();
  }

  public Optional<GridReport> findByExternalRef(String source, String externalRef) {
    return jdbc.sql("SELECT * FROM grid_reports WHERE source = ? AND external_ref = ?").params(source, externalRef)
        .query(RiskRepository::report).optional();
  }

  /** Reports the scope may see, newest first, optionally of one grid, street or case. */
  public List<GridReport> list(Scope scope, String streetCode, String gridId, String caseNo, int page, int size) {
    StringBuilder sql = new StringBuilder("SELECT * FROM grid_reports WHERE 1=1");
    List<Object> args = new ArrayList<>();
    where(sql, args, scope, streetCode, gridId, caseNo);
    sql.append(" ORDER BY received_at DESC, report_no DESC LIMIT ").append(size).append(" OFFSET ").append((long) page * size);
    return jdbc.sql(sql.toString()).params(args).query(RiskRepository::report).list();
  }

  public long count(Scope scope, String streetCode, String gridId, String caseNo) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM grid_reports WHERE 1=1");
    List<Object> args = new ArrayList<>();
    where(sql, args, scope, streetCode, gridId, caseNo);
    return jdbc.sql(sql.toString()).params(args).query(Long.class).single();
  }

  private static void where(StringBuilder sql, List<Object> args, Scope scope, String streetCode, String gridId, String caseNo) {
    if (streetCode != null) {
      sql.append(" AND street_code = ?");
      args.add(streetCode);
    }
    if (gridId != null) {
      sql.append(" AND grid_id = ?");
      args.add(gridId);
    }
    if (caseNo != null) {
      sql.append(" AND case_no = ?");
      args.add(caseNo);
    }
    scope.appendAreaSql(sql, args, "");
  }

  static GridReport report(ResultSet rs, int row) throws SQLException {
    String tags = rs.getString("tags");
    return new GridReport(rs.getString("report_no"), ReportSource.valueOf(rs.getString("source")), rs.getString("external_ref"),
        rs.getString("request_hash"), ReportKind.valueOf(rs.getString("kind")), rs.getString("category"),
        rs.getString("grid_id"), rs.getString("community_code"), rs.getString("street_code"), rs.getString("description"),
        rs.getInt("severity"), tags == null ? List.of() : List.of(tags.split(",")),
        (Double) rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), instant(rs, "occurred_at"),
        instant(rs, "received_at"), rs.getString("reported_by"), rs.getString("subject_name"), rs.getString("subject_code"),
        rs.getString("subject_phone"), rs.getString("subject_address"), rs.getString("case_no"));
  }

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
