package org.huian.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Cluster storm (docs/cluster.md): two nodes fire one storm, and no timer fires twice. A second
 * application process (the same jar, profile and arguments, another port, node name
 * {@value #NODE_2}) starts on the same database; the {@code Timer_LevelDeadline} jobs of 10,000 open
 * street-level cases (those the deadline storm left, topped up by intake through node 1) get the
 * same due date, exactly as in {@link DeadlineStormBench}; both nodes' job executors then compete
 * for them, after a warm-up storm of a tenth as many cases (node 2's JIT is cold). Measured: seconds
 * from the due moment until every case has escalated.
 *
 * <p>Checked: every case escalated exactly once (one {@code escalations} row, level DISTRICT, one
 * district handling task, no incident), and no timer job ran twice: each deadline job has exactly
 * one successful entry in {@code ACT_HI_JOB_LOG}. Reported: the jobs each node ran
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}; node 1 runs unnamed, so its hostname is Camunda's
 * {@code <ip>$default}), failed job log entries, and the lines of each node's log that mention an
 * {@code OptimisticLockingException} (the losing node's commit when both ran one job).
 *
 * <p>Baseline: the bare engine's storm of as many trivial timers, as in {@link DeadlineStormBench}
 * (twice, on fresh timers; the faster round counts), measured in this step. Node 2 is stopped at the
 * end of the step, also when it fails.
 */
final class ClusterStormBench implements BenchmarkStep {

  static final String NODE_2 = "bench-node-2";
  static final int SUCCESSFUL = 2; // org.camunda.bpm.engine.history.JobState
  static final int FAILED = 1;

  @Override
  public String name() {
    return "cluster storm";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int count = ctx.config.scaled(10_000, 200);
    int warmUp = warmUp(count);
    long streetLevel;
    try (Connection c = ctx.db.app()) {
      streetLevel = BenchContext.count(c, "SELECT COUNT(*) FROM cases WHERE level = 'STREET' AND closed_at IS NULL");
    }
    if (streetLevel < count + warmUp) {
      ctx.intake((int) (count + warmUp - streetLevel), BenchContext.SEEDING_CLIENTS, "cluster storm: intake through node 1");
    }

    freshBareTimers(ctx, count * DeadlineStormBench.BARE_ROUNDS);
    List<Double> bareRounds = new ArrayList<>();
    for (int round = 0; round < DeadlineStormBench.BARE_ROUNDS; round++) {
      bareRounds.add(Latencies.round(DeadlineStormBench.bare(ctx, count)));
    }
    double bareSeconds = bareRounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();

    long node1LogFrom = Files.size(ctx.app.log);
    AppProcess node2 = null;
    try {
      node2 = AppProcess.start(ctx.config, ctx.db, "app-node-2.log", List.of("--huian.cluster.node-name=" + NODE_2));
      storm(ctx, count, node2, node1LogFrom, bareRounds, bareSeconds);
    } finally {
      if (node2 != null) {
        node2.close();
      }
    }
  }

  private void storm(BenchContext ctx, int count, AppProcess node2, long node1LogFrom, List<Double> bareRounds, double bareSeconds)
      throws Exception {
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Object> jobsDetails = new LinkedHashMap<>();
    long twice;
    long neverRan;
    try (Connection c = ctx.db.app()) {
      c.setAutoCommit(false);
      // node 2 has just started: its JIT is cold, so both nodes first fire a small storm that is not counted
      int warmUp = warmUp(count);
      List<String> warmCases = DeadlineStormBench.streetCases(c, warmUp);
      Array warm = c.createArrayOf("varchar", warmCases.toArray());
      if (warmCases.size() != warmUp || DeadlineStormBench.makeDue(c, warm, new Timestamp(System.currentTimeMillis())).size() != warmUp) {
        throw new IllegalStateException("cluster storm warm-up: not " + warmUp + " street-level cases with deadline timers");
      }
      long warmStarted = System.nanoTime();
      DeadlineStormBench.awaitEscalated(c, warm, warmUp, warmStarted, "cluster storm warm-up");
      DeadlineStormBench.awaitFollowUp(c, warmStarted, "cluster storm warm-up follow-up");
      DeadlineStormBench.checkEscalatedOnce(c, warm, warmUp, "cluster storm warm-up");
      details.put("warmUpCases", warmUp);
      details.put("warmUpSeconds", Latencies.round((System.nanoTime() - warmStarted) / 1e9));

      List<String> caseNos = DeadlineStormBench.streetCases(c, count);
      if (caseNos.size() != count) {
        throw new IllegalStateException("only " + caseNos.size() + " open street-level cases, wanted " + count);
      }
      Array cases = c.createArrayOf("varchar", caseNos.toArray());
      Array roots = c.createArrayOf("varchar", strings(c, "SELECT process_instance_id FROM cases WHERE case_no = ANY(?)", cases).toArray());
      Timestamp due = new Timestamp(System.currentTimeMillis());
      List<String> jobIds = DeadlineStormBench.makeDue(c, cases, due);
      if (jobIds.size() != count) {
        throw new IllegalStateException("found " + jobIds.size() + " deadline timers for " + count + " cases");
      }
      long started = System.nanoTime();
      long firstSeen = DeadlineStormBench.awaitEscalated(c, cases, count, started, "cluster storm");
      double seconds = (System.nanoTime() - started) / 1e9;
      DeadlineStormBench.awaitFollowUp(c, started, "cluster storm follow-up");
      double settled = (System.nanoTime() - started) / 1e9;
      DeadlineStormBench.checkEscalatedOnce(c, cases, count, "cluster storm");

      Array jobs = c.createArrayOf("varchar", jobIds.toArray());
      twice = DeadlineStormBench.poll(c, "SELECT COUNT(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_id_ = ANY(?) "
          + "AND job_state_ = ? GROUP BY job_id_ HAVING COUNT(*) > 1) x", jobs, SUCCESSFUL);
      neverRan = count - DeadlineStormBench.poll(c, "SELECT COUNT(DISTINCT job_id_) FROM act_hi_job_log WHERE job_id_ = ANY(?) "
          + "AND job_state_ = ?", jobs, SUCCESSFUL);
      long deadlineFailures = DeadlineStormBench.poll(c, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ANY(?) AND job_state_ = ?",
          jobs, FAILED);
      Map<String, Long> deadlineJobsByNode = byNode(c, "SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE job_id_ = ANY(?) "
          + "AND job_state_ = ? GROUP BY hostname_", jobs, SUCCESSFUL);
      Map<String, Long> allJobsByNode = byNode(c, "SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE root_proc_inst_id_ = ANY(?) "
          + "AND job_state_ = ? AND timestamp_ >= ? GROUP BY hostname_", roots, SUCCESSFUL, due);
      Map<String, Long> allFailuresByNode = byNode(c, "SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE root_proc_inst_id_ = ANY(?) "
          + "AND job_state_ = ? AND timestamp_ >= ? GROUP BY hostname_", roots, FAILED, due);
      long node1Ole = lines(ctx.app.log, node1LogFrom, "OptimisticLockingException");
      long node2Ole = lines(node2.log, 0, "OptimisticLockingException");

      details.put("cases", count);
      details.put("seconds", Latencies.round(seconds));
      details.put("firstEscalationAfterSeconds", firstSeen < 0 ? null : Latencies.round((firstSeen - started) / 1e9));
      details.put("secondsUntilFollowUpDone", Latencies.round(settled));
      details.put("deadlineJobsByNode", deadlineJobsByNode);
      details.put("allJobsOfTheseCasesByNode", allJobsByNode);
      details.put("failedJobLogEntriesByNode", allFailuresByNode);
      details.put("logLinesWithOptimisticLockingException", Map.of("node 1", node1Ole, NODE_2, node2Ole));
      details.put("node2StartupSeconds", Latencies.round(node2.startup.toMillis() / 1000.0));
      details.put("nodes", "node 1: the benchmark's application (unnamed: hostname <ip>$default); " + NODE_2
          + ": the same jar and arguments plus --huian.cluster.node-name=" + NODE_2 + ", port " + node2.port);
      details.put("baselineRoundsSeconds", bareRounds);
      details.put("baselineSeconds", Latencies.round(bareSeconds));
      details.put("baselineEngine", ctx.bare.describe() + " (one engine)");
      details.put("checked", "each case escalated exactly once (escalations), level DISTRICT, one district handling task, "
          + "no incident; each deadline job exactly one successful job log entry");
      jobsDetails.put("deadlineJobs", count);
      jobsDetails.put("jobsWithMoreThanOneSuccessfulLogEntry", twice);
      jobsDetails.put("jobsWithoutSuccessfulLogEntry", neverRan);
      jobsDetails.put("failedLogEntriesOfDeadlineJobs", deadlineFailures);
      jobsDetails.put("deadlineJobsByNode", deadlineJobsByNode);
      System.out.printf("[bench] cluster storm: %d cases escalated in %.1f s on two nodes, follow-up done after %.1f s; "
              + "deadline jobs by node %s, all jobs by node %s, failed job log entries %s, OptimisticLockingException log lines "
              + "node 1 %d / %s %d%n", count, seconds, settled, deadlineJobsByNode, allJobsByNode, allFailuresByNode, node1Ole,
          NODE_2, node2Ole);
      if (deadlineJobsByNode.size() < 2) {
        System.out.println("[bench] WARNING: only one node ran deadline jobs; the check of no double firing proves little");
      }
      ctx.report.addRatio(name(), "escalation rate, two nodes (cases/s vs bare timers/s)", count / seconds, count / bareSeconds,
          "/s", 1.0, details);
    }
    ctx.report.add(name(), "timer jobs executed twice", twice, "jobs", 0.0, jobsDetails);
    if (twice != 0 || neverRan != 0) {
      throw new IllegalStateException("cluster storm: " + twice + " deadline jobs ran more than once, " + neverRan + " never ran");
    }
  }

  /** Cases escalated by both nodes before the measured storm. */
  private static int warmUp(int count) {
    return Math.max(20, count / 10);
  }

  /** Starts trivial instances in the bare engine until it has {@code wanted} timers (the earlier storms used theirs). */
  private static void freshBareTimers(BenchContext ctx, int wanted) throws Exception {
    long have;
    try (Connection c = ctx.db.bare()) {
      have = BenchContext.count(c, "SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'timer'");
    }
    if (have < wanted) {
      RuntimeService runtime = ctx.bare.engine.getRuntimeService();
      BenchContext.parallel((int) (wanted - have), IntakeBench.BASELINE_THREADS, i -> {
        runtime.startProcessInstanceByKey(BareEngine.PROCESS_KEY, "C" + i);
        return null;
      });
    }
  }

  private static List<String> strings(Connection c, String sql, Object... args) throws Exception {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    c.rollback();
    return out;
  }

  /** {hostname: count}, the hostname of node 1 labelled as such. */
  private static Map<String, Long> byNode(Connection c, String sql, Object... args) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String host = rs.getString(1);
          out.put(NODE_2.equals(host) ? NODE_2 : "node 1 (" + host + ")", rs.getLong(2));
        }
      }
    }
    c.rollback();
    return out;
  }

  /** Lines of {@code log} from byte {@code from} on that contain {@code text}. */
  private static long lines(Path log, long from, String text) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int start = (int) Math.min(from, all.length);
    String tail = new String(all, start, all.length - start, StandardCharsets.UTF_8);
    return tail.lines().filter(l -> l.contains(text)).count();
  }
}
