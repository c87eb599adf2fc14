package org.huian.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Footprint: start-up time of the packaged application (JVM launch to {@code /actuator/health}
 * UP) on an empty database (schema creation and deployment included) and again on the database
 * with all open cases; resident memory (VmRSS, and the peak VmHWM) of the process that took in
 * and served them, with the heap setting of the run.
 */
final class FootprintBench implements BenchmarkStep {

  @Override
  public String name() {
    return "footprint";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    long open = ctx.openCases();
    long[] kib = ctx.app.residentKiB();
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("openCases", open);
    memory.put("peakMiB (VmHWM)", kib[1] / 1024);
    memory.put("jvm", String.join(" ", ctx.config.appJvm()));
    ctx.report.add(name(), "resident memory with open cases (VmRSS)", kib[0] / 1024.0, "MiB", 1024.0, memory);

    Map<String, Object> cold = new LinkedHashMap<>();
    cold.put("database", "empty: Camunda schema, Flyway migrations, deployment, demo users");
    ctx.report.add(name(), "start-up, empty database", ctx.coldStartup.toMillis() / 1000.0, "s", 20.0, cold);

    ctx.app.close();
    ctx.app = AppProcess.start(ctx.config, ctx.db, "app-restart.log");
    Map<String, Object> warm = new LinkedHashMap<>();
    warm.put("openCases", open);
    warm.put("residentMiBAfterStartup", ctx.app.residentKiB()[0] / 1024);
    ctx.report.add(name(), "start-up, database with open cases", ctx.app.startup.toMillis() / 1000.0, "s", 20.0, warm);
  }
}
