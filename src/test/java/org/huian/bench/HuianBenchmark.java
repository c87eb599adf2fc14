package org.huian.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark suite of {@code mvn -Pbench verify} (see docs/performance.md). It starts
 * PostgreSQL (embedded, or given by URL), the packaged application as a separate process and the
 * bare engine of the baselines, runs {@link #STEPS} in order, prints the table and writes
 * {@code target/bench/results.json}. It asserts correctness (every case escalated exactly once,
 * every request accepted), never speed: figures and targets are reported, not enforced.
 */
class HuianBenchmark {

  /**
   * The benchmarks, in the order they run; later steps use the cases earlier ones created. Add a
   * new {@link BenchmarkStep} here (e.g. the risk index figure of the risk issue, before
   * {@link FootprintBench}, which restarts the application).
   */
  static final List<BenchmarkStep> STEPS = List.of(
      new IntakeBench(),
      new DeadlineStormBench(),
      new ClusterStormBench(),
      new TaskListBench(),
      new DuplicatesBench(),
      new RiskIndexBench(),
      new FootprintBench());

  @Test
  void run() throws Exception {
    BenchConfig config = BenchConfig.fromSystemProperties();
    BenchReport report = new BenchReport();
    describeMachine(config, report);
    try (BenchDatabases db = BenchDatabases.open(config)) {
      report.run.put("postgresql", db.describe());
      BenchContext ctx = new BenchContext(config, db, report);
      try (BareEngine bare = new BareEngine(db)) {
        ctx.bare = bare;
        report.run.put("baselineEngine", bare.describe());
        ctx.app = AppProcess.start(config, db, "app.log");
        ctx.coldStartup = ctx.app.startup;
        String only = System.getProperty("bench.steps", "").trim();
        for (BenchmarkStep step : STEPS) {
          if (!only.isEmpty() && !java.util.Arrays.asList(only.split("\\s*,\\s*")).contains(step.name())) {
            continue;
          }
          long started = System.nanoTime();
          System.out.println("[bench] ---- " + step.name());
          step.run(ctx);
          System.out.printf("[bench] ---- %s done in %.0f s%n", step.name(), (System.nanoTime() - started) / 1e9);
        }
      } finally {
        if (ctx.app != null) {
          ctx.app.close();
        }
        report.write(config.out());
        System.out.println();
        System.out.println(report.table());
        System.out.println("[bench] written to " + config.out().resolve("results.json").toAbsolutePath());
      }
    }
  }

  private static void describeMachine(BenchConfig config, BenchReport report) throws Exception {
    report.run.put("scale", config.scale());
    report.run.put("processors", Runtime.getRuntime().availableProcessors());
    report.run.put("memTotal", meminfo());
    report.run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    report.run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    report.run.put("appJvm", String.join(" ", config.appJvm()));
    report.run.put("appArgs", String.join(" ", config.appArgs()));
    report.run.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static String meminfo() throws Exception {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .findFirst().orElse("?").replaceAll("\\s+", " ");
  }
}
