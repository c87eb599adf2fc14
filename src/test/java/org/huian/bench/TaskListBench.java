package org.huian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huian.config.PostgresStatistics;

/**
 * Task list: with 100,000 open cases (taken in through {@code POST /api/cases} of the running
 * application, the same path as real intake), the p95 of a street user's two list queries, one
 * client at a time, measured at the running application:
 * <ul>
 *   <li>{@code GET /engine-rest/task?candidateUser=street-andingmen&sortBy=created&sortOrder=desc&maxResults=15}:
 *       the first page of the Tasklist's group tasks, with the engine's authorization checks;</li>
 *   <li>{@code GET /api/cases?streetCode=110101004000}: the first page of Huian's case list and its total.</li>
 * </ul>
 * Both are measured twice on the same data: without the planner statistics of {@link PostgresStatistics}
 * and with them (as the application runs); the target applies to the second round.
 */
final class TaskListBench implements BenchmarkStep {

  static final String TASKS = "/engine-rest/task?candidateUser=" + BenchContext.STREET_USER
      + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
  static final String CASES = "/api/cases?streetCode=" + BenchContext.STREET_CODE;
  static final int QUERIES = 300;
  static final int WARM_UP = 30;

  @Override
  public String name() {
    return "task list";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int target = ctx.config.scaled(100_000, 1_000);
    long open = ctx.openCases();
    if (open < target) {
      long started = System.nanoTime();
      ctx.intake((int) (target - open), BenchContext.SEEDING_CLIENTS, "seeding open cases");
      System.out.printf("[bench] seeded %d open cases in %.0f s%n", target - open, (System.nanoTime() - started) / 1e9);
    }
    open = ctx.openCases();
    long streetTasks = streetTasks(ctx);

    // Same data, same run: first without the planner statistics the application creates
    // (PostgresStatistics), then with them, which is how the application runs.
    setStatistics(ctx, false);
    Round without = round(ctx);
    setStatistics(ctx, true);
    Round with = round(ctx);
    if (with.taskPage == 0 || streetTasks == 0) {
      throw new IllegalStateException("the street user sees no task: the query measures nothing");
    }
    Map<String, Object> taskDetails = new LinkedHashMap<>();
    taskDetails.put("openCases", open);
    taskDetails.put("query", TASKS);
    taskDetails.put("openHandlingTasksOfTheStreet", streetTasks);
    taskDetails.put("latency", with.tasks.summary());
    taskDetails.put("latencyWithoutPlannerStatistics", without.tasks.summary());
    ctx.report.add(name(), "p95 GET /engine-rest/task (street user)", with.tasks.percentileMillis(95), "ms", 150.0, taskDetails);
    ctx.report.add(name(), "p95 GET /engine-rest/task, without planner statistics", without.tasks.percentileMillis(95), "ms", null,
        Map.of("statistics", PostgresStatistics.NAME, "latency", without.tasks.summary()));
    Map<String, Object> caseDetails = new LinkedHashMap<>();
    caseDetails.put("openCases", open);
    caseDetails.put("query", CASES);
    caseDetails.put("casesOfTheStreet", with.caseTotal);
    caseDetails.put("latency", with.cases.summary());
    ctx.report.add(name(), "p95 GET /api/cases (street user)", with.cases.percentileMillis(95), "ms", 150.0, caseDetails);
  }

  private record Round(Latencies tasks, Latencies cases, int taskPage, long caseTotal) {}

  private static Round round(BenchContext ctx) throws Exception {
    Http http = ctx.app.http();
    Latencies tasks = new Latencies(QUERIES);
    Latencies cases = new Latencies(QUERIES);
    int taskPage = 0;
    long caseTotal = 0;
    for (int i = 0; i < WARM_UP + QUERIES; i++) {
      Http.Reply t = http.get(BenchContext.STREET_USER, TASKS);
      Http.Reply c = http.get(BenchContext.STREET_USER, CASES);
      if (t.status() != 200 || c.status() != 200) {
        throw new IllegalStateException("task list answered " + t.status() + "/" + c.status() + ": " + t.body() + " " + c.body());
      }
      if (i >= WARM_UP) {
        tasks.add(t.nanos());
        cases.add(c.nanos());
      } else if (i == 0) {
        taskPage = BenchContext.JSON.readTree(t.body()).size();
        JsonNode page = BenchContext.JSON.readTree(c.body());
        caseTotal = page.path("total").asLong(page.path("totalElements").asLong(-1));
      }
    }
    return new Round(tasks, cases, taskPage, caseTotal);
  }

  /** Drops or creates the application's planner statistics, then analyzes their tables, as autovacuum would. */
  private static void setStatistics(BenchContext ctx, boolean present) throws Exception {
    try (var c = ctx.db.app(); var st = c.createStatement()) {
      st.execute(present ? PostgresStatistics.CREATE : "DROP STATISTICS IF EXISTS " + PostgresStatistics.NAME);
      st.execute("ANALYZE " + PostgresStatistics.TABLE);
    }
  }

  private static long streetTasks(BenchContext ctx) throws Exception {
    try (var c = ctx.db.app()) {
      return BenchContext.count(c, "SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_identitylink l ON l.task_id_ = t.id_ "
          + "WHERE l.type_ = 'candidate' AND l.group_id_ LIKE ?", BenchContext.STREET_CODE + "-%");
    }
  }
}
