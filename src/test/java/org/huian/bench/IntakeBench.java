package org.huian.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Intake: 20,000 cases through {@code POST /api/cases} from 8 concurrent HTTP clients (validation,
 * the case rows, the funnel start with routing and deadline DMNs, the handling call activity, its
 * user task and timers, authorizations, full history), against the bare engine starting the
 * trivial process from 4 threads. Both sides first do a warm-up that is not counted.
 *
 * <p>Around the measured intake (not the warm-up) {@link CaseCosts} counts what a case costs in
 * the database: rows inserted and live per table, transactions, FEEL evaluations, decision
 * instances. After it, the second baseline ({@link EngineRestBaseline}): the same trivial process
 * started through the application's own {@code /engine-rest} from as many HTTP clients, after a
 * warm-up of the same size.
 */
final class IntakeBench implements BenchmarkStep {

  static final int CLIENTS = 8;
  static final int BASELINE_THREADS = 4;

  @Override
  public String name() {
    return "intake";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int count = ctx.config.scaled(20_000, 200);
    int warmUp = Math.min(500, Math.max(50, count / 20));

    RuntimeService bareRuntime = ctx.bare.engine.getRuntimeService();
    BenchContext.parallel(warmUp, BASELINE_THREADS, i -> start(bareRuntime, "W" + i));
    long started = System.nanoTime();
    Latencies bare = BenchContext.parallel(count, BASELINE_THREADS, i -> start(bareRuntime, "B" + i));
    double bareSeconds = (System.nanoTime() - started) / 1e9;
    double bareRate = count / bareSeconds;

    ctx.intake(warmUp, CLIENTS, "intake warm-up");
    CaseCosts.Snapshot costsBefore = CaseCosts.snapshot(ctx, ctx.app);
    started = System.nanoTime();
    Latencies app = ctx.intake(count, CLIENTS, "intake");
    double appSeconds = (System.nanoTime() - started) / 1e9;
    double appRate = count / appSeconds;
    CaseCosts.Costs costs = CaseCosts.between(costsBefore, CaseCosts.snapshot(ctx, ctx.app), count, 0);

    // the second baseline, after the intake so that the figures above are measured as before
    Map<String, Object> rest = new LinkedHashMap<>(EngineRestBaseline.prepare(ctx));
    long restInstancesBefore = EngineRestBaseline.instances(ctx);
    EngineRestBaseline.start(ctx, warmUp, CLIENTS, "RW", "/engine-rest warm-up");
    started = System.nanoTime();
    Latencies restLatencies = EngineRestBaseline.start(ctx, count, CLIENTS, "R", "/engine-rest starts");
    double restSeconds = (System.nanoTime() - started) / 1e9;
    double restRate = count / restSeconds;
    long restInstances = EngineRestBaseline.instances(ctx) - restInstancesBefore;
    if (restInstances != warmUp + count) {
      throw new IllegalStateException("/engine-rest started " + restInstances + " instances, wanted " + (warmUp + count));
    }

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("cases", count);
    details.put("warmUp", warmUp);
    details.put("clients", CLIENTS);
    details.put("seconds", Latencies.round(appSeconds));
    details.put("latency", app.summary());
    details.put("baselineThreads", BASELINE_THREADS);
    details.put("baselineSeconds", Latencies.round(bareSeconds));
    details.put("baselineLatency", bare.summary());
    ctx.report.addRatio(name(), "throughput (cases/s vs bare instances/s)", appRate, bareRate, "/s", 1.0, details);
    ctx.report.add(new BenchReport.Figure(name(), "latency p50", Latencies.round(app.percentileMillis(50)), "ms",
        Latencies.round(bare.percentileMillis(50)), "ms", null, null, null, null));
    ctx.report.add(new BenchReport.Figure(name(), "latency p95", Latencies.round(app.percentileMillis(95)), "ms",
        Latencies.round(bare.percentileMillis(95)), "ms", null, null, null, null));
    ctx.report.add(new BenchReport.Figure(name(), "latency p99", Latencies.round(app.percentileMillis(99)), "ms",
        Latencies.round(bare.percentileMillis(99)), "ms", null, null, null, null));

    rest.put("process", EngineRestBaseline.PROCESS_KEY + " (BareEngine.model(): a user task with an interrupting 7-day boundary timer)");
    rest.put("request", "POST " + EngineRestBaseline.START + " {\"businessKey\": ...}");
    rest.put("instances", count);
    rest.put("warmUp", warmUp);
    rest.put("clients", CLIENTS);
    rest.put("seconds", Latencies.round(restSeconds));
    rest.put("latency", restLatencies.summary());
    rest.put("casesSeconds", Latencies.round(appSeconds));
    rest.put("casesLatency", app.summary());
    ctx.report.addRatio(name(), "throughput vs bare engine through /engine-rest", appRate, restRate, "/s", 0.8, rest);
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("restStartsPerSecond", Latencies.round(restRate));
    cost.put("restLatency", restLatencies.summary());
    cost.put("inProcessStartsPerSecond", Latencies.round(bareRate));
    cost.put("inProcessThreads", BASELINE_THREADS);
    cost.put("inProcessLatency", bare.summary());
    cost.put("differs", "HTTP + JSON + Basic authentication + the engine's authorization and tenant checks, and the application's "
        + "engine settings (huian-full history, its plugins) against the bare engine's defaults (audit history, no authorization)");
    ctx.report.add(new BenchReport.Figure(name(), "bare engine /engine-rest vs in-process (starts/s)", Latencies.round(restRate), "/s",
        Latencies.round(bareRate), "/s", Math.round(restRate / bareRate * 100) / 100.0, null, null, cost));

    System.out.print(costs.table("intake costs", "cases"));
    Map<String, Object> d = costs.details("cases");
    ctx.report.add(name(), "rows per case at intake", costs.rowsPer(), "rows", 80.0, d);
    ctx.report.add(name(), "transactions per case at intake", costs.commitsPer(), "transactions", null,
        Map.of("feelEvaluationsPerCase", d.get("feelEvaluationsPer"), "decisionInstancesPerCase", d.get("decisionInstancesPer")));
    ctx.report.add(name(), "live rows per case at intake", costs.liveRowsPer(), "rows", null, Map.of("statisticsCheck", d.get("statisticsCheck")));
  }

  private static Void start(RuntimeService runtime, String businessKey) {
    runtime.startProcessInstanceByKey(BareEngine.PROCESS_KEY, businessKey);
    return null;
  }
}
