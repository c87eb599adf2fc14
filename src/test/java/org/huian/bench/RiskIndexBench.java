package org.huian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The risk index of the risk issue: {@code bench.riskReports} (1,000,000 at scale 1) grid reports
 * over the 1,971 grids and one year go into the application's PostgreSQL database; then the index
 * of every grid, community and street is recomputed through {@code GET /api/risk/index} (a new
 * moment each time, so the cache never answers) and timed beside a bare
 * {@code SELECT grid_id, COUNT(*) FROM grid_reports GROUP BY grid_id} over the same table.
 * Target: at most 2 s and at most 1.5 times the bare GROUP BY. The first computation also weighs the
 * million reports the benchmark inserted directly (reported apart); then VACUUM ANALYZE, one warm-up
 * round, and five rounds of GROUP BY and recomputation in turn (medians).
 */
final class RiskIndexBench implements BenchmarkStep {

  static final int RUNS = 5;

  @Override
  public String name() {
    return "risk-index";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int reports = ctx.config.scaled(1_000_000, 2_000);
    List<String> grids = grids(ctx);
    long loadStarted = System.nanoTime();
    insert(ctx, grids, reports);
    double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
    System.out.printf("[bench] risk-index: %,d reports inserted in %.0f s%n", reports, loadSeconds);
    int syntheticCases = topUpOpenCases(ctx, ctx.config.scaled(100_000, 1_000));

    // the first computation weighs the reports inserted behind the application's back (once)
    Http http = new Http(ctx.app.port);
    Instant base = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
    double firstRun = index(http, base.minusSeconds(5)) / 1e6;
    double[] groupBy = new double[RUNS];
    double[] index = new double[RUNS];
    try (Connection c = ctx.db.app(); Statement s = c.createStatement()) {
      // what autovacuum does after the weights were written; both queries then read the same table
      s.execute("VACUUM ANALYZE grid_reports");
      for (int i = -1; i < RUNS; i++) {
        long t = System.nanoTime();
        int rows = 0;
        try (ResultSet rs = s.executeQuery("SELECT grid_id, COUNT(*) FROM grid_reports GROUP BY grid_id")) {
          while (rs.next()) {
            rows++;
          }
        }
        long g = System.nanoTime() - t;
        if (rows != grids.size()) {
          throw new IllegalStateException("GROUP BY found " + rows + " grids");
        }
        long x = index(http, base.minusSeconds(10L * (i + 2)));
        if (i >= 0) {
          groupBy[i] = g / 1e6;
          index[i] = x / 1e6;
        }
      }
    }
    double indexMs = median(index);
    double groupByMs = median(groupBy);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reports", reports);
    details.put("grids", grids.size());
    details.put("indexRunsMs", Arrays.stream(index).map(Latencies::round).boxed().toList());
    details.put("groupByRunsMs", Arrays.stream(groupBy).map(Latencies::round).boxed().toList());
    details.put("firstRunMs", Latencies.round(firstRun));
    details.put("firstRunNote", "the first computation also weighs every report inserted behind the application's back "
        + "(ReportWeights: severity × decay stored once per report); reports taken in through the API are weighed by "
        + "the first computation after they arrive");
    details.put("insertSeconds", Latencies.round(loadSeconds));
    details.put("openCases", ctx.openCases());
    details.put("openCasesInsertedStraightIntoTheTable", syntheticCases);
    details.put("what", "GET /api/risk/index?level=STREET&at=<new moment>: every grid, community and street recomputed "
        + "(reports, open cases, escalations, agreements, clusters, DMN colours), one HTTP round trip");
    ctx.report.add("risk-index", "recompute over " + reports + " reports (ms, median)", indexMs, "ms", 2000.0, details);
    ctx.report.add(new BenchReport.Figure("risk-index", "index time / bare GROUP BY time", Latencies.round(indexMs), "ms",
        Latencies.round(groupByMs), "ms", Math.round(indexMs / groupByMs * 100) / 100.0, "ratio <= 1.5",
        indexMs / groupByMs <= 1.5, details));
  }

  /**
   * The index also reads every open case. Run after the task-list step, the database holds its
   * open cases; run alone, the step adds the missing ones as rows of {@code cases} only (the index
   * reads nothing else of a case): street-level neighbour disputes of the last 30 days, 7-day
   * deadlines. Returns how many it added.
   */
  static int topUpOpenCases(BenchContext ctx, int target) throws Exception {
    int missing = (int) Math.max(0, target - ctx.openCases());
    if (missing == 0) {
      return 0;
    }
    Random random = new Random(7);
    long now = System.currentTimeMillis();
    try (Connection c = ctx.db.app(); PreparedStatement ps = c.prepareStatement("INSERT INTO cases (case_no, request_hash, channel, "
        + "category, title, description, street_code, reporter_anonymous, people_involved, amount_involved, cross_region, "
        + "cross_department, status, level, sla, deadline, created_at, updated_at) VALUES (?, 'bench', 'WINDOW', 'NEIGHBOUR', "
        + "'邻里纠纷', '基准测试直接写入的在办案件', ?, false, ?, 0, false, false, 'IN_PROGRESS', 'STREET', 'GREEN', ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < missing; i++) {
        long created = now - (long) (random.nextDouble() * 30 * 86_400_000L);
        ps.setString(1, String.format("RB%09d", i));
        ps.setString(2, String.format("110101%03d000", 1 + i % BenchContext.STREETS));
        ps.setInt(3, 1 + random.nextInt(12));
        ps.setTimestamp(4, new java.sql.Timestamp(created + 7 * 86_400_000L));
        ps.setTimestamp(5, new java.sql.Timestamp(created));
        ps.setTimestamp(6, new java.sql.Timestamp(created));
        ps.addBatch();
        if (i % 5_000 == 4_999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
    System.out.printf("[bench] risk-index: %,d open cases added straight into the cases table%n", missing);
    return missing;
  }

  /** One recomputation of every unit's index at a moment the cache has not seen; nanoseconds. */
  static long index(Http http, Instant at) {
    Http.Reply r = http.get("district", "/api/risk/index?level=STREET&at=" + at);
    if (r.status() != 200 || !r.body().contains("\"unitCode\"")) {
      throw new IllegalStateException("index answered " + r.status() + ": " + r.body());
    }
    return r.nanos();
  }

  /** The 1,971 grid codes as the application has them: 11 or 12 per community, by the Geography rule. */
  static List<String> grids(BenchContext ctx) {
    org.huian.geography.Geography g = new org.huian.geography.Geography();
    return g.all(org.huian.geography.Level.GRID).stream().map(org.huian.geography.Unit::code).toList();
  }

  /**
   * Reports over the last year: log-normal grid activity, severities 35/30/20/10/5 %, kinds with
   * the five kinds equally often (the demo generator's volumes and severities, without repeat subjects).
   */
  static void insert(BenchContext ctx, List<String> grids, int reports) throws Exception {
    Random random = new Random(42);
    double[] cumulative = new double[grids.size()];
    double total = 0;
    for (int i = 0; i < grids.size(); i++) {
      total += Math.exp(random.nextGaussian() * 0.5);
      cumulative[i] = total;
    }
    String[] kinds = {"PERSON", "PLACE", "EVENT", "OBJECT", "SENTIMENT"};
    long now = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
    long year = Duration.ofDays(365).toSeconds();
    try (Connection c = ctx.db.app()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO grid_reports (report_no, source, request_hash, kind, grid_id, "
          + "community_code, street_code, description, severity, occurred_at, received_at, reported_by) "
          + "VALUES (?, 'OTHER', 'bench', ?, ?, ?, ?, '基准测试数据', ?, ?, ?, 'bench')")) {
        for (int i = 0; i < reports; i++) {
          double u = random.nextDouble() * total;
          int g = Arrays.binarySearch(cumulative, u);
          // the first report of each grid in turn, so every grid has one at small scales too (the
          // GROUP BY check counts them); the rest by the grids' activity
          String grid = i < grids.size() ? grids.get(i) : grids.get(Math.min(grids.size() - 1, g >= 0 ? g : -g - 1));
          String community = grid.substring(0, 12);
          Timestamp at = Timestamp.from(Instant.ofEpochSecond(now - (long) (random.nextDouble() * year)));
          double p = random.nextDouble();
          int severity = p < .35 ? 1 : p < .65 ? 2 : p < .85 ? 3 : p < .95 ? 4 : 5;
          ps.setString(1, "GB" + String.format("%09d", i));
          ps.setString(2, kinds[random.nextInt(kinds.length)]);
          ps.setString(3, grid);
          ps.setString(4, community);
          ps.setString(5, community.substring(0, 9) + "000");
          ps.setInt(6, severity);
          ps.setTimestamp(7, at);
          ps.setTimestamp(8, at);
          ps.addBatch();
          if (i % 5_000 == 4_999) {
            ps.executeBatch();
            c.commit();
          }
        }
        ps.executeBatch();
        c.commit();
      }
    }
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
