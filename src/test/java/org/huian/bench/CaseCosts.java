package org.huian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a piece of work cost in the application's database: per table the rows inserted
 * ({@code pg_stat_user_tables.n_tup_ins}) and the change of live rows ({@code n_live_tup}), the
 * committed transactions of the database ({@code pg_stat_database.xact_commit}), the decision
 * instances written ({@code ACT_HI_DECINST}, counted) and the application's FEEL evaluations
 * (its Micrometer counter {@code huian_feel_evaluations_total} by {@code kind}, from
 * {@code /actuator/prometheus}; absent when the application does not export it). Take a
 * {@link #snapshot} before and after the work and divide their {@link #between difference} by the
 * number of cases.
 *
 * <p>PostgreSQL's statistics are not exact at any moment, and this class works around three ways
 * in which they lag:
 * <ul>
 *   <li>A backend reports its counts at the end of a transaction, but at most every 500 ms
 *       (PostgreSQL 14, the embedded server's version, has no idle flush: that came with 15). An
 *       idle pooled connection of the application can therefore keep the counts of its last
 *       transactions for ever. A snapshot first waits until the application is quiet (none of its
 *       sessions active or in a transaction), then ends the application's idle sessions with
 *       {@code pg_terminate_backend}, which makes each of them report everything on exit.
 *       Hikari finds the closed connections on its next borrow (it validates a connection idle for
 *       more than 500 ms), drops them and opens new ones; the snapshot then asks
 *       {@code /actuator/health} (whose database check borrows a connection) so the pool is full
 *       again before the measured work starts. The application's log shows Hikari's warnings about
 *       those connections.</li>
 *   <li>The statistics collector receives the reports asynchronously: the snapshot reads until
 *       two reads 600 ms apart agree (after {@code pg_stat_clear_snapshot()}, since a transaction
 *       caches what it read).</li>
 *   <li>The benchmark's own queries are transactions too. This class reads inside transactions it
 *       rolls back (they count as {@code xact_rollback}, not {@code xact_commit}), and so do the
 *       storm steps' polls; a step passes the number of its own commits in the window (the storm's
 *       one due-date {@code UPDATE}) to {@link #between}.</li>
 * </ul>
 * The check that this worked: the tables {@link #CHECKED_TABLES}, from which nothing is deleted,
 * must have as many rows inserted per the statistics as {@code COUNT(*)} finds, at each snapshot
 * (a snapshot waits up to 15 s for them to agree) and between the two; {@link Costs#statisticsComplete}
 * says whether they did, {@code statisticsCheck} in the details by how much. PostgreSQL 14's
 * collector receives the reports over UDP and may drop some under load; then the figures are a
 * little low and say so. What stays in the figures is the application's own background work during the window (job
 * acquisition, the outbox relay, metrics), which is real work of the application, and the few
 * transactions of the new connections' validation. {@code n_live_tup} is an estimate that VACUUM and
 * ANALYZE (autovacuum included) reset, so live rows are approximate where autovacuum ran.
 */
final class CaseCosts {

  /** Table names as {@code pg_stat_user_tables} has them: lower case (Camunda's tables are created unquoted). */
  static final String CASES_TABLE = "cases";
  static final String FEEL_METRIC = "huian_feel_evaluations_total";

  /**
   * Tables the benchmark never deletes from, whose inserted rows per the statistics must therefore
   * equal their {@code COUNT(*)} at any moment (an insert that rolled back would only add to the
   * statistics): the check that the statistics are complete.
   */
  static final List<String> CHECKED_TABLES = List.of(CASES_TABLE, "escalations", "act_hi_decinst");

  /**
   * One moment: per table {inserted, live}, commits, decision instances, FEEL by kind (null:
   * absent), and per checked table its {@code COUNT(*)} minus its inserted rows per the statistics
   * (0 when the statistics are complete).
   */
  record Snapshot(Map<String, long[]> tables, long commits, long decisionInstances, Map<String, Long> counted,
      Map<String, Long> lag, Map<String, Double> feel, int sessionsEnded, boolean stable) {}

  /** Per-unit figures of the work between two snapshots. */
  record Costs(int units, long rows, long liveRows, long commits, long decisionInstances, Map<String, long[]> tables,
      Map<String, Double> feel, boolean statisticsComplete, String statisticsCheck, boolean stable) {

    double rowsPer() {
      return rows / (double) units;
    }

    double liveRowsPer() {
      return liveRows / (double) units;
    }

    double commitsPer() {
      return commits / (double) units;
    }

    double decisionInstancesPer() {
      return decisionInstances / (double) units;
    }

    /** FEEL evaluations per unit by kind, and their total; null when the application exports no such counter. */
    Map<String, Object> feelPer() {
      if (feel == null) {
        return null;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      double total = 0;
      for (Map.Entry<String, Double> e : feel.entrySet()) {
        m.put(e.getKey(), round2(e.getValue() / units));
        total += e.getValue();
      }
      m.put("total", round2(total / units));
      return m;
    }

    Double feelTotalPer() {
      return feel == null ? null : round2(feel.values().stream().mapToDouble(Double::doubleValue).sum() / units);
    }

    /** Tables with any change, per unit, most inserted rows first: {table: {inserted, live}}. */
    Map<String, Map<String, Double>> tablesPer() {
      Map<String, Map<String, Double>> m = new LinkedHashMap<>();
      tables.entrySet().stream()
          .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
          .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
              : Long.compare(b.getValue()[1], a.getValue()[1]))
          .forEach(e -> {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("inserted", round2(e.getValue()[0] / (double) units));
            v.put("live", round2(e.getValue()[1] / (double) units));
            m.put(e.getKey(), v);
          });
      return m;
    }

    /** The details every figure of these costs carries. */
    Map<String, Object> details(String unit) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put(unit, units);
      d.put("insertedRowsPer", round2(rowsPer()));
      d.put("liveRowsPer", round2(liveRowsPer()));
      d.put("transactionsPer", round2(commitsPer()));
      d.put("feelEvaluationsPer", feel == null ? "absent (" + FEEL_METRIC + " not exported by the application)" : feelPer());
      d.put("decisionInstancesPer", round2(decisionInstancesPer()));
      d.put("statisticsCheck", statisticsCheck + (statisticsComplete ? " (complete)" : " (INCOMPLETE: the figures are not exact)")
          + (stable ? "" : ", statistics not stable"));
      d.put("tablesPer", tablesPer());
      return d;
    }

    /** A compact table for stdout. */
    String table(String title, String unit) {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("[bench] %s: %d %s, per %s: %.1f rows inserted, %.1f live, %.1f transactions, %.2f decision instances, FEEL %s%n",
          title, units, unit, unit.replaceAll("s$", ""), rowsPer(), liveRowsPer(), commitsPer(), decisionInstancesPer(),
          feel == null ? "absent" : feelPer()));
      sb.append(String.format("[bench]   %-32s %10s %10s%n", "table", "inserted", "live"));
      tablesPer().forEach((t, v) -> sb.append(String.format("[bench]   %-32s %10.2f %10.2f%n", t, v.get("inserted"), v.get("live"))));
      sb.append(String.format("[bench]   %-32s %10.2f %10.2f%n", "(all tables)", rowsPer(), liveRowsPer()));
      if (!statisticsComplete) {
        sb.append(String.format("[bench]   WARNING: statistics incomplete: %s%n", statisticsCheck));
      }
      return sb.toString();
    }
  }

  private CaseCosts() {}

  /**
   * The counts now, once the application is quiet and its sessions have reported (see the class
   * comment). {@code app} is the process whose FEEL counter is read.
   */
  static Snapshot snapshot(BenchContext ctx, AppProcess app) throws Exception {
    try (Connection c = ctx.db.app()) {
      c.setAutoCommit(false);
      awaitQuiet(c);
      Map<String, Double> feel = feel(app);
      int ended = endIdleSessions(c);
      if (ended > 0) {
        refillPool(app);
      }
      Map<String, long[]> tables = null;
      long commits = -1;
      boolean stable = false;
      for (int attempt = 0; attempt < 40 && !stable; attempt++) {
        Thread.sleep(600);
        Map<String, long[]> t = tables(c);
        long x = commits(c);
        stable = tables != null && x == commits && same(t, tables);
        tables = t;
        commits = x;
      }
      // the statistics may still lag behind what was committed: wait up to 15 s for the checked tables
      Map<String, Long> counted = new LinkedHashMap<>();
      Map<String, Long> lag = new LinkedHashMap<>();
      for (int attempt = 0; ; attempt++) {
        for (String t : CHECKED_TABLES) {
          counted.put(t, BenchContext.count(c, "SELECT COUNT(*) FROM " + t));
          lag.put(t, counted.get(t) - tables.getOrDefault(t, new long[2])[0]);
        }
        c.rollback();
        if (lag.values().stream().allMatch(l -> l <= 0) || attempt >= 25) {
          break;
        }
        Thread.sleep(600);
        tables = tables(c);
        commits = commits(c);
      }
      if (lag.values().stream().anyMatch(l -> l > 0)) {
        System.out.println("[bench] WARNING: rows counted minus rows inserted per the statistics: " + lag
            + " (PostgreSQL 14's statistics collector receives its reports over UDP and may drop some under load)");
      }
      return new Snapshot(tables, commits, counted.get("act_hi_decinst"), counted, lag, feel, ended, stable);
    }
  }

  /** The costs of the work between two snapshots per unit; {@code ownCommits}: the benchmark's own commits in between. */
  static Costs between(Snapshot before, Snapshot after, int units, long ownCommits) {
    Map<String, long[]> tables = new TreeMap<>();
    long rows = 0;
    long live = 0;
    for (Map.Entry<String, long[]> e : after.tables().entrySet()) {
      long[] b = before.tables().getOrDefault(e.getKey(), new long[2]);
      long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
      tables.put(e.getKey(), d);
      rows += d[0];
      live += d[1];
    }
    Map<String, Double> feel = null;
    if (after.feel() != null) {
      feel = new TreeMap<>();
      for (Map.Entry<String, Double> e : after.feel().entrySet()) {
        double b = before.feel() == null ? 0 : before.feel().getOrDefault(e.getKey(), 0.0);
        feel.put(e.getKey(), e.getValue() - b);
      }
    }
    boolean complete = true;
    List<String> check = new ArrayList<>();
    for (String t : CHECKED_TABLES) {
      long byStatistics = tables.getOrDefault(t, new long[2])[0];
      long counted = after.counted().get(t) - before.counted().get(t);
      complete &= byStatistics == counted;
      check.add(t + " " + byStatistics + " inserted per pg_stat_user_tables, " + counted + " counted");
    }
    String statisticsCheck = String.join("; ", check) + "; lag before " + before.lag() + ", after " + after.lag();
    complete &= before.lag().values().stream().allMatch(l -> l <= 0) && after.lag().values().stream().allMatch(l -> l <= 0);
    return new Costs(units, rows, live, after.commits() - before.commits() - ownCommits,
        after.decisionInstances() - before.decisionInstances(), tables, feel, complete, statisticsCheck,
        before.stable() && after.stable());
  }

  /** The application's sessions: every client session of its database but ours. */
  private static final String APP_SESSIONS = "FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' "
      + "AND pid <> pg_backend_pid() AND COALESCE(application_name, '') <> '" + BenchDatabases.APPLICATION_NAME + "'";

  /** Until none of the application's sessions is running a statement or inside a transaction, twice 600 ms apart (at most 2 minutes). */
  private static void awaitQuiet(Connection c) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    int quiet = 0;
    while (quiet < 2 && System.nanoTime() < deadline) {
      clearSnapshot(c);
      long busy = BenchContext.count(c, "SELECT COUNT(*) " + APP_SESSIONS + " AND state IS DISTINCT FROM 'idle'");
      c.rollback();
      quiet = busy == 0 ? quiet + 1 : 0;
      Thread.sleep(600);
    }
    if (quiet < 2) {
      System.out.println("[bench] WARNING: the application was not quiet within 2 minutes; the statistics may lag");
    }
  }

  /**
   * Ends the application's idle sessions, so each reports its pending counts (see the class
   * comment). A session is ended only once it has been idle for a second, so that Hikari
   * validates it before its next use instead of handing out a closed connection; one used
   * more recently is tried again, until every session that existed at the start has ended (at
   * most 20 s). Returns how many ended; 0 if we may not end sessions (not a superuser).
   */
  private static int endIdleSessions(Connection c) throws Exception {
    Set<Integer> existing = new HashSet<>(pids(c, "SELECT pid " + APP_SESSIONS));
    int ended = 0;
    long deadline = System.nanoTime() + 20_000_000_000L;
    try {
      while (!existing.isEmpty() && System.nanoTime() < deadline) {
        List<Integer> idle = pids(c, "SELECT pid " + APP_SESSIONS + " AND state = 'idle' AND clock_timestamp() - state_change > interval '1 second'");
        for (int pid : idle) {
          if (existing.contains(pid)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
              ps.setInt(1, pid);
              ps.executeQuery().close();
            }
            ended++;
          }
        }
        c.rollback();
        existing.retainAll(pids(c, "SELECT pid " + APP_SESSIONS));
        if (!existing.isEmpty()) {
          Thread.sleep(300);
        }
      }
    } catch (SQLException e) {
      c.rollback();
      System.out.println("[bench] WARNING: cannot end the application's idle sessions (" + e.getMessage() + "); the statistics may lag");
      return ended;
    }
    if (!existing.isEmpty()) {
      System.out.println("[bench] WARNING: " + existing.size() + " sessions of the application stayed busy; the statistics may lag");
    }
    return ended;
  }

  /** Lets Hikari find its closed connections and open new ones (the health check borrows one). */
  private static void refillPool(AppProcess app) throws InterruptedException {
    Http http = app.http();
    for (int i = 0; i < 3; i++) {
      http.getQuietly(null, "/actuator/health");
      Thread.sleep(300);
    }
  }

  private static List<Integer> pids(Connection c, String sql) throws SQLException {
    clearSnapshot(c);
    List<Integer> pids = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        pids.add(rs.getInt(1));
      }
    }
    c.rollback();
    return pids;
  }

  private static Map<String, long[]> tables(Connection c) throws SQLException {
    clearSnapshot(c);
    Map<String, long[]> m = new TreeMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT schemaname, relname, n_tup_ins, n_live_tup FROM pg_stat_user_tables")) {
      while (rs.next()) {
        String name = "public".equals(rs.getString(1)) ? rs.getString(2) : rs.getString(1) + "." + rs.getString(2);
        m.put(name, new long[] {rs.getLong(3), rs.getLong(4)});
      }
    }
    c.rollback();
    return m;
  }

  private static long commits(Connection c) throws SQLException {
    clearSnapshot(c);
    long n = BenchContext.count(c, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    c.rollback();
    return n;
  }

  private static void clearSnapshot(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_stat_clear_snapshot()");
    }
  }

  private static boolean same(Map<String, long[]> a, Map<String, long[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, long[]> e : a.entrySet()) {
      if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The application's FEEL evaluations so far by {@code kind} (summed over any other tags), from
   * its Prometheus endpoint; null when the counter is not exported (or the endpoint does not answer).
   */
  static Map<String, Double> feel(AppProcess app) {
    Http.Reply r = app.http().getQuietly(null, "/actuator/prometheus");
    if (r == null || r.status() != 200) {
      return null;
    }
    Map<String, Double> byKind = new TreeMap<>();
    boolean found = false;
    for (String line : r.body().split("\n")) {
      if (!line.startsWith(FEEL_METRIC)) {
        continue;
      }
      String rest = line.substring(FEEL_METRIC.length());
      if (!rest.startsWith("{") && !rest.startsWith(" ")) {
        continue; // another metric whose name starts alike
      }
      found = true;
      String kind = "(no kind)";
      int k = rest.indexOf("kind=\"");
      if (k >= 0) {
        kind = rest.substring(k + 6, rest.indexOf('"', k + 6));
      }
      String[] parts = rest.substring(rest.lastIndexOf('}') + 1).trim().split("\\s+");
      byKind.merge(kind, Double.parseDouble(parts[0]), Double::sum);
    }
    return found ? byKind : null;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
