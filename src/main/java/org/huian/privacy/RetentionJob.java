package org.huian.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly retention job ({@code huian.privacy.cron}, 02:30 Beijing time): anonymises the cases
 * closed longer than {@code huian.privacy.closed-cases} ago (except those under legal hold), the
 * grid reports older than {@code huian.privacy.grid-reports} that never became a case, and the
 * units' notifications older than {@code huian.privacy.outbox}, and deletes access-log entries
 * older than {@code huian.privacy.access-log}.
 *
 * <p>A Spring scheduler, not a Camunda timer process: it has no human step and no business state,
 * and as a BPMN it would become one of the designers' deployable models (bundles, deployment guard,
 * tenants) that a designer could change or break. Camunda's guarantees it needs are had here
 * directly: one node at a time (the {@code privacy-retention} row of {@code huian_lock} guards the
 * claim, a run's heartbeat shows it alive), one transaction per batch, and a checkpoint
 * ({@code privacy_anonymised}, and {@code privacy_runs.last_item}): a run that dies leaves every
 * committed batch done and the next run goes on with the rest. Idempotent: an item is anonymised
 * once; a second run finds nothing to do.
 */
@Component
public class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  /** A run whose heartbeat is older than this is taken for dead. */
  static final java.time.Duration STALE = java.time.Duration.ofMinutes(15);

  /** What a run did (its audit row). */
  public record Outcome(boolean ran, PrivacyRuns.Run run) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final CaseAnonymiser anonymiser;
  private final PrivacyRuns runs;
  private final LegalHolds holds;
  private final PrivacyProperties properties;
  private final String node;

  RetentionJob(JdbcClient jdbc, TransactionTemplate transaction, CaseAnonymiser anonymiser, PrivacyRuns runs, LegalHolds holds,
      PrivacyProperties properties, @Value("${huian.cluster.node-name:}") String node) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.anonymiser = anonymiser;
    this.runs = runs;
    this.holds = holds;
    this.properties = properties;
    this.node = node == null || node.isBlank() ? hostName() : node;
  }

  @Scheduled(cron = "${huian.privacy.cron:0 30 2 * * *}", zone = "${huian.privacy.zone:Asia/Shanghai}")
  void nightly() {
    try {
      Outcome o = run("scheduler", Integer.MAX_VALUE);
      if (o.ran()) {
        log.info("retention run {}: {} cases, {} grid reports, {} notifications anonymised, {} held, {} access-log entries deleted",
            o.run().id(), o.run().casesAnonymised(), o.run().reportsAnonymised(), o.run().outboxAnonymised(), o.run().casesRefused(),
            o.run().accessLogPurged());
      }
    } catch (RuntimeException e) {
      log.error("retention run failed; the next run resumes after the last committed batch", e);
    }
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The moment before which a period ended, in the configured zone's calendar. */
  Instant before(java.time.Period period, Instant now) {
    return ZonedDateTime.ofInstant(now, properties.zone()).minus(period).toInstant();
  }

  /**
   * Runs the job now; stops after {@code maxBatches} batches (status PARTIAL) so an operator can
   * spread a first, large run over several nights. Answers {@code ran=false} when another node's run is alive.
   */
  public Outcome run(String by, int maxBatches) {
    Instant now = now();
    Instant caseCutoff = before(properties.closedCases(), now);
    Long claimed = transaction.execute(s -> {
      jdbc.sql("SELECT name FROM huian_lock WHERE name = 'privacy-retention' FOR UPDATE").query(String.class).single();
      long alive = jdbc.sql("SELECT COUNT(*) FROM privacy_runs WHERE kind = 'RETENTION' AND status = 'RUNNING' AND heartbeat_at > ?")
          .param(PrivacyRuns.ts(now.minus(STALE))).query(Long.class).single();
      if (alive > 0) {
        return null;
      }
      jdbc.sql("UPDATE privacy_runs SET status = 'ABANDONED', finished_at = ? WHERE kind = 'RETENTION' AND status = 'RUNNING'")
          .param(PrivacyRuns.ts(now)).update();
      return runs.start(PrivacyRuns.Kind.RETENTION, by, null, null, caseCutoff, node, now);
    });
    if (claimed == null) {
      return new Outcome(false, null);
    }
    long run = claimed;
    int batches = 0;
    try {
      LocalDate holdsAfter = holds.holdsAfter(now);
      boolean more = true;
      while (more && batches < maxBatches) {
        more = Boolean.TRUE.equals(transaction.execute(s -> caseBatch(run, caseCutoff, holdsAfter)));
        batches += more ? 1 : 0;
      }
      Instant reportCutoff = before(properties.gridReports(), now);
      more = batches < maxBatches;
      while (more && batches < maxBatches) {
        more = Boolean.TRUE.equals(transaction.execute(s -> reportBatch(run, reportCutoff)));
        batches += more ? 1 : 0;
      }
      boolean complete = batches < maxBatches;
      if (complete) {
        transaction.executeWithoutResult(s -> housekeeping(run, now));
      }
      int held = jdbc.sql("SELECT COUNT(*) FROM cases c WHERE c.closed_at IS NOT NULL AND c.closed_at < :cutoff AND "
              + LegalHolds.notHeld().substring(4) + " AND NOT EXISTS (SELECT 1 FROM privacy_anonymised a "
              + "WHERE a.item_kind = 'CASE' AND a.item_ref = c.case_no)")
          .param("cutoff", PrivacyRuns.ts(caseCutoff)).param("holdsAfter", holdsAfter).query(Long.class).single().intValue();
      runs.finish(run, complete ? PrivacyRuns.Status.COMPLETED : PrivacyRuns.Status.PARTIAL, held,
          complete ? null : "在 " + maxBatches + " 批后暂停，下次运行从检查点继续", now());
    } catch (RuntimeException e) {
      runs.finish(run, PrivacyRuns.Status.FAILED, 0, e.toString(), now());
      throw e;
    }
    return new Outcome(true, runs.get(run));
  }

  /** One batch of cases in one transaction; false when none was left. */
  private boolean caseBatch(long run, Instant cutoff, LocalDate holdsAfter) {
    List<String> due = jdbc.sql("SELECT c.case_no FROM cases c WHERE c.closed_at IS NOT NULL AND c.closed_at < :cutoff AND "
            + LegalHolds.notHeld() + " AND NOT EXISTS (SELECT 1 FROM privacy_anonymised a WHERE a.item_kind = 'CASE' "
            + "AND a.item_ref = c.case_no) ORDER BY c.closed_at, c.case_no LIMIT :n")
        .param("cutoff", PrivacyRuns.ts(cutoff)).param("holdsAfter", holdsAfter).param("n", properties.batchSize())
        .query(String.class).list();
    return anonymise(run, "CASE", due, anonymiser::anonymiseCase);
  }

  private boolean reportBatch(long run, Instant cutoff) {
    List<String> due = jdbc.sql("SELECT g.report_no FROM grid_reports g WHERE g.case_no IS NULL AND g.occurred_at < :cutoff "
            + "AND NOT EXISTS (SELECT 1 FROM privacy_anonymised a WHERE a.item_kind = 'GRID_REPORT' AND a.item_ref = g.report_no) "
            + "ORDER BY g.occurred_at, g.report_no LIMIT :n")
        .param("cutoff", PrivacyRuns.ts(cutoff)).param("n", properties.batchSize())
        .query(String.class).list();
    return anonymise(run, "GRID_REPORT", due, anonymiser::anonymiseReport);
  }

  /** Anonymises the due items of one batch, marks each and moves the checkpoint; false when none was due. */
  private boolean anonymise(long run, String kind, List<String> due, java.util.function.Function<String, CaseAnonymiser.Result> anonymise) {
    if (due.isEmpty()) {
      return false;
    }
    int rows = 0;
    int history = 0;
    int photos = 0;
    for (String ref : due) {
      CaseAnonymiser.Result r = anonymise.apply(ref);
      runs.mark(kind, ref, run, PrivacyRuns.Kind.RETENTION, r, now());
      rows += r.rows();
      history += r.historyRows();
      photos += r.photos();
    }
    boolean cases = kind.equals("CASE");
    runs.progress(run, new PrivacyRuns.Progress(cases ? due.size() : 0, cases ? 0 : due.size(), 0, rows, history, photos, 0,
        kind + ":" + due.get(due.size() - 1)), now());
    return true;
  }

  /** Units' notifications past their period lose recipient and text; old access-log entries go. */
  private void housekeeping(long run, Instant now) {
    int outbox = jdbc.sql("UPDATE notification_outbox SET recipient = ?, subject = ?, body = ?, last_error = NULL "
            + "WHERE case_no IS NULL AND created_at < ? AND status IN ('SENT', 'DEAD') AND recipient <> ?")
        .params(Redaction.REMOVED, Redaction.REMOVED, Redaction.REMOVED, PrivacyRuns.ts(before(properties.outbox(), now)), Redaction.REMOVED)
        .update();
    int accessLog = jdbc.sql("DELETE FROM privacy_access_log WHERE accessed_at < ?")
        .param(PrivacyRuns.ts(before(properties.accessLog(), now))).update();
    runs.progress(run, new PrivacyRuns.Progress(0, 0, outbox, outbox, 0, 0, accessLog, null), now);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }
}
