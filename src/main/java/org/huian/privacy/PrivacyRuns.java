package org.huian.privacy;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The audit of anonymisation: {@code privacy_runs} (one row per run or request) and {@code privacy_anonymised}. */
@Repository
class PrivacyRuns {

  enum Kind { RETENTION, ERASURE }

  enum Status { RUNNING, COMPLETED, PARTIAL, FAILED, ABANDONED, REFUSED }

  /** A run as the audit API shows it. */
  public record Run(long id, String kind, String requestedBy, String subject, String reason, String status, Instant cutoff,
      String node, Instant startedAt, Instant finishedAt, int batches, int casesAnonymised, int casesRefused,
      int reportsAnonymised, int outboxAnonymised, int rowsChanged, int historyRowsChanged, int attachmentsPurged,
      int accessLogPurged, String lastItem, String detail) {}

  /** Counts a batch adds to its run. */
  record Progress(int cases, int reports, int outbox, int rows, int historyRows, int photos, int accessLog, String lastItem) {}

  private final JdbcClient jdbc;

  PrivacyRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long start(Kind kind, String by, String subject, String reason, Instant cutoff, String node, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO privacy_runs (kind, requested_by, subject, reason, status, cutoff, node, started_at, heartbeat_at) "
            + "VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)")
        .params(kind.name(), by, subject, reason, ts(cutoff), node, ts(now), ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void progress(long run, Progress p, Instant now) {
    jdbc.sql("UPDATE privacy_runs SET batches = batches + 1, cases_anonymised = cases_anonymised + ?, "
            + "reports_anonymised = reports_anonymised + ?, outbox_anonymised = outbox_anonymised + ?, rows_changed = rows_changed + ?, "
            + "history_rows_changed = history_rows_changed + ?, attachments_purged = attachments_purged + ?, "
            + "access_log_purged = access_log_purged + ?, last_item = COALESCE(?, last_item), heartbeat_at = ? WHERE id = ?")
        .params(p.cases(), p.reports(), p.outbox(), p.rows(), p.historyRows(), p.photos(), p.accessLog(), p.lastItem(), ts(now), run)
        .update();
  }

  void finish(long run, Status status, int refused, String detail, Instant now) {
    jdbc.sql("UPDATE privacy_runs SET status = ?, cases_refused = ?, detail = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?")
        .params(status.name(), refused, detail == null ? null : detail.substring(0, Math.min(2000, detail.length())), ts(now), ts(now), run)
        .update();
  }

  void mark(String itemKind, String itemRef, long run, Kind reason, CaseAnonymiser.Result result, Instant now) {
    jdbc.sql("INSERT INTO privacy_anonymised (item_kind, item_ref, run_id, reason, anonymised_at, rows_changed, history_rows_changed) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(itemKind, itemRef, run, reason.name(), ts(now), result.rows(), result.historyRows())
        .update();
  }

  boolean anonymised(String itemKind, String itemRef) {
    return jdbc.sql("SELECT COUNT(*) FROM privacy_anonymised WHERE item_kind = ? AND item_ref = ?")
        .params(itemKind, itemRef).query(Long.class).single() > 0;
  }

  Run get(long id) {
    return jdbc.sql("SELECT * FROM privacy_runs WHERE id = ?").param(id).query(PrivacyRuns::map).single();
  }

  List<Run> latest(int limit) {
    return jdbc.sql("SELECT * FROM privacy_runs ORDER BY id DESC LIMIT ?").param(limit).query(PrivacyRuns::map).list();
  }

  private static Run map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Run(rs.getLong("id"), rs.getString("kind"), rs.getString("requested_by"), rs.getString("subject"),
        rs.getString("reason"), rs.getString("status"), instant(rs, "cutoff"), rs.getString("node"), instant(rs, "started_at"),
        instant(rs, "finished_at"), rs.getInt("batches"), rs.getInt("cases_anonymised"), rs.getInt("cases_refused"),
        rs.getInt("reports_anonymised"), rs.getInt("outbox_anonymised"), rs.getInt("rows_changed"), rs.getInt("history_rows_changed"),
        rs.getInt("attachments_purged"), rs.getInt("access_log_purged"), rs.getString("last_item"), rs.getString("detail"));
  }

  static java.time.OffsetDateTime ts(Instant i) {
    return i == null ? null : java.time.OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
  }

  static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
