package org.huian.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deadline storm: the level deadlines of 10,000 open street-level cases fall due at the same
 * moment (their {@code Timer_LevelDeadline} jobs get the same due date in {@code ACT_RU_JOB}).
 * Measured: seconds until every one of them has escalated (its {@code escalations} row exists and
 * its level is DISTRICT), counted from the due moment, so the job executor's idle wait is
 * included. Checked: each case escalated exactly once, no incident. Also reported: the time
 * until the follow-up work (the asynchronous escalation notice, which enters the district level)
 * is done too.
 *
 * <p>Baseline: the bare engine with its default job executor settings, 10,000 interrupting timers
 * of the trivial process due at once, twice on fresh timers (the faster round counts); its executor is started right after the due date is set
 * (so it has no idle wait to lose).
 */
final class DeadlineStormBench implements BenchmarkStep {

  static final long TIMEOUT_MS = 3_600_000;
  static final int BARE_ROUNDS = 2;

  /** What the storm cost in the database, counted by {@link #app}. */
  private CaseCosts.Costs costs;

  @Override
  public String name() {
    return "deadline storm";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int count = ctx.config.scaled(10_000, 100);
    // The bare engine's storm time varied five-fold between back-to-back runs on a quiet machine
    // (1,000 timers in 4.9 s, then in 25.1 s), so it runs twice on fresh timers (intake gave it
    // twice as many instances) and the faster round is the baseline: the stronger baseline.
    List<Double> bareRounds = new ArrayList<>();
    for (int round = 0; round < BARE_ROUNDS; round++) {
      bareRounds.add(Latencies.round(bare(ctx, count)));
    }
    double bareSeconds = bareRounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("baselineRoundsSeconds", bareRounds);
    double appSeconds = app(ctx, count, details);
    details.put("cases", count);
    details.put("seconds", Latencies.round(appSeconds));
    details.put("baselineSeconds", Latencies.round(bareSeconds));
    details.put("baselineEngine", ctx.bare.describe());
    ctx.report.addRatio(name(), "escalation rate (cases/s vs bare timers/s)", count / appSeconds, count / bareSeconds,
        "/s", 1.5, details);
    ctx.report.add(new BenchReport.Figure(name(), "seconds until all escalated", Latencies.round(appSeconds), "s",
        Latencies.round(bareSeconds), "s", null, null, null, null));

    System.out.print(costs.table("storm costs (until the follow-up is done)", "escalations"));
    Map<String, Object> d = costs.details("escalations");
    ctx.report.add(name(), "rows per escalation", costs.rowsPer(), "rows", null, d);
    ctx.report.add(name(), "transactions per escalation", costs.commitsPer(), "transactions", null,
        Map.of("benchmarkCommitsLeftOut", 1, "decisionInstancesPerEscalation", d.get("decisionInstancesPer")));
    if (costs.feelTotalPer() != null) {
      ctx.report.add(name(), "FEEL evaluations per escalation", costs.feelTotalPer(), "evaluations", null, Map.of("byKind", costs.feelPer()));
    } else {
      System.out.println("[bench] " + name() + " / FEEL evaluations per escalation: absent (" + CaseCosts.FEEL_METRIC
          + " is not exported by the application)");
    }
  }

  static double bare(BenchContext ctx, int count) throws Exception {
    try (Connection c = ctx.db.bare()) {
      long before = BenchContext.count(c, "SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_");
      Timestamp due = new Timestamp(System.currentTimeMillis() - 1000);
      int updated;
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE act_ru_job SET duedate_ = ? WHERE id_ IN (SELECT id_ FROM act_ru_job WHERE type_ = 'timer' ORDER BY id_ LIMIT ?)")) {
        ps.setTimestamp(1, due);
        ps.setInt(2, count);
        updated = ps.executeUpdate();
      }
      if (updated != count) {
        throw new IllegalStateException("only " + updated + " bare timers to make due, wanted " + count);
      }
      long started = System.nanoTime();
      ctx.bare.jobExecutor().start();
      long left;
      do {
        Thread.sleep(200);
        left = BenchContext.count(c, "SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'timer' AND duedate_ <= ?", due);
        checkTimeout(started, "bare storm", left);
      } while (left > 0);
      double seconds = (System.nanoTime() - started) / 1e9;
      ctx.bare.jobExecutor().shutdown();
      long after = BenchContext.count(c, "SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_");
      if (before - after != count) {
        throw new IllegalStateException("bare storm ended " + (before - after) + " instances, wanted " + count);
      }
      System.out.printf("[bench] bare storm: %d timers in %.1f s%n", count, seconds);
      return seconds;
    }
  }

  private double app(BenchContext ctx, int count, Map<String, Object> details) throws Exception {
    try (Connection c = ctx.db.app()) {
      // polls roll back, so that they are not counted as the application's transactions (CaseCosts)
      c.setAutoCommit(false);
      List<String> caseNos = streetCases(c, count);
      if (caseNos.size() != count) {
        throw new IllegalStateException("only " + caseNos.size() + " open street-level cases, wanted " + count);
      }
      Array cases = c.createArrayOf("varchar", caseNos.toArray());
      CaseCosts.Snapshot costsBefore = CaseCosts.snapshot(ctx, ctx.app);
      Timestamp due = new Timestamp(System.currentTimeMillis());
      List<String> jobs = makeDue(c, cases, due);
      if (jobs.size() != count) {
        throw new IllegalStateException("found " + jobs.size() + " deadline timers for " + count + " cases");
      }
      long started = System.nanoTime();
      long firstSeen = awaitEscalated(c, cases, count, started, "storm");
      double seconds = (System.nanoTime() - started) / 1e9;
      awaitFollowUp(c, started, "storm follow-up");
      double settled = (System.nanoTime() - started) / 1e9;
      checkEscalatedOnce(c, cases, count, "storm");
      // the one commit of the benchmark in the window: the due-date UPDATE
      CaseCosts.Costs costs = CaseCosts.between(costsBefore, CaseCosts.snapshot(ctx, ctx.app), count, 1);
      details.put("firstEscalationAfterSeconds", firstSeen < 0 ? null : Latencies.round((firstSeen - started) / 1e9));
      details.put("secondsUntilFollowUpDone", Latencies.round(settled));
      details.put("checked", "each case escalated exactly once (escalations), level DISTRICT, a district handling task, no incident");
      System.out.printf("[bench] storm: %d cases escalated in %.1f s, follow-up done after %.1f s%n", count, seconds, settled);
      this.costs = costs;
      return seconds;
    }
  }

  /** The open street-level cases, oldest number first. */
  static List<String> streetCases(Connection c, int count) throws SQLException {
    List<String> caseNos = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT case_no FROM cases WHERE level = 'STREET' AND closed_at IS NULL ORDER BY case_no LIMIT ?")) {
      ps.setInt(1, count);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          caseNos.add(rs.getString(1));
        }
      }
    }
    rollback(c);
    return caseNos;
  }

  /**
   * Gives the {@code Timer_LevelDeadline} jobs of the cases the due date {@code due} (a Java
   * timestamp: both JVMs write {@code DUEDATE_} in Asia/Shanghai, the server runs in UTC) and
   * commits; returns the ids of the jobs.
   */
  static List<String> makeDue(Connection c, Array cases, Timestamp due) throws SQLException {
    List<String> jobs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE act_ru_job SET duedate_ = ? WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_LevelDeadline') "
            + "AND process_instance_id_ IN (SELECT process_instance_id FROM cases WHERE case_no = ANY(?)) RETURNING id_")) {
      ps.setTimestamp(1, due);
      ps.setArray(2, cases);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          jobs.add(rs.getString(1));
        }
      }
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
    return jobs;
  }

  /** Waits until every case has its DEADLINE escalation; returns when the first was seen (System.nanoTime(), -1: none seen before all). */
  static long awaitEscalated(Connection c, Array cases, int count, long started, String what) throws Exception {
    long escalated;
    long firstSeen = -1;
    do {
      Thread.sleep(200);
      escalated = poll(c, "SELECT COUNT(*) FROM escalations WHERE reason = 'DEADLINE' AND case_no = ANY(?)", cases);
      if (escalated > 0 && firstSeen < 0) {
        firstSeen = System.nanoTime();
      }
      checkTimeout(started, what, count - escalated);
    } while (escalated < count);
    return firstSeen;
  }

  /**
   * Waits until no job of Huian's is due any more (the asynchronous follow-up of the escalations
   * done); the trivial instances of {@link EngineRestBaseline} are left out.
   */
  static void awaitFollowUp(Connection c, long started, String what) throws Exception {
    long dueJobs;
    do {
      // timestamps without time zone as both JVMs (Asia/Shanghai) write them, so no SQL now()
      dueJobs = poll(c, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= ?) "
          + "AND " + NOT_REST_BASELINE, new Timestamp(System.currentTimeMillis()));
      if (dueJobs > 0) {
        Thread.sleep(200);
      }
      checkTimeout(started, what, dueJobs);
    } while (dueJobs > 0);
  }

  /** Jobs and incidents of Huian's, not of the trivial process {@link EngineRestBaseline} started in the application. */
  static final String NOT_REST_BASELINE = "(process_def_key_ IS NULL OR process_def_key_ <> '" + EngineRestBaseline.PROCESS_KEY + "')";

  /** Each case escalated exactly once, is at DISTRICT, has one district handling task; no incident of Huian's. */
  static void checkEscalatedOnce(Connection c, Array cases, int count, String what) throws SQLException {
    long twice = poll(c, "SELECT COUNT(*) FROM (SELECT case_no FROM escalations WHERE reason = 'DEADLINE' "
        + "AND case_no = ANY(?) GROUP BY case_no HAVING COUNT(*) <> 1) x", cases);
    long atDistrict = poll(c, "SELECT COUNT(*) FROM cases WHERE level = 'DISTRICT' AND case_no = ANY(?)", cases);
    long incidents = poll(c, "SELECT COUNT(*) FROM act_ru_incident WHERE proc_def_id_ IS NULL OR proc_def_id_ NOT IN "
        + "(SELECT id_ FROM act_re_procdef WHERE key_ = ?)", EngineRestBaseline.PROCESS_KEY);
    long handling = poll(c, "SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
        + "WHERE t.task_def_key_ = 'Task_HandleCase' AND e.business_key_ = ANY(?)", cases);
    long handlingNotOne = poll(c, "SELECT COUNT(*) FROM (SELECT e.business_key_ FROM act_ru_task t JOIN act_ru_execution e "
        + "ON e.id_ = t.proc_inst_id_ WHERE t.task_def_key_ = 'Task_HandleCase' AND e.business_key_ = ANY(?) "
        + "GROUP BY e.business_key_ HAVING COUNT(*) <> 1) x", cases);
    if (twice != 0 || atDistrict != count || incidents != 0 || handling != count || handlingNotOne != 0) {
      throw new IllegalStateException(what + " result wrong: " + twice + " cases not escalated exactly once, " + atDistrict
          + "/" + count + " at DISTRICT, " + incidents + " incidents, " + handling + "/" + count + " district handling tasks ("
          + handlingNotOne + " cases with more than one)");
    }
  }

  /** A count that leaves no transaction of ours behind: rolled back unless the connection commits by itself. */
  static long poll(Connection c, String sql, Object... args) throws SQLException {
    long n = BenchContext.count(c, sql, args);
    rollback(c);
    return n;
  }

  private static void rollback(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.rollback();
    }
  }

  static void checkTimeout(long started, String what, long left) {
    if (System.nanoTime() - started > TIMEOUT_MS * 1_000_000) {
      throw new IllegalStateException(what + ": " + left + " still not done after " + TIMEOUT_MS / 1000 + " s");
    }
  }
}
