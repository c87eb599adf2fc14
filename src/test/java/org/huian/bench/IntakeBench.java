package org.huian.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Intake: 20,000 cases through {@code POST /api/cases} from 8 concurrent HTTP clients (validation,
 * the case rows, the funnel start with routing and deadline DMNs, the handling call activity, its
 * user task and timers, authorizations, full history), against the bare engine starting the
 * trivial process from 4 threads. Both sides first do a warm-up that is not counted.
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
    started = System.nanoTime();
    Latencies app = ctx.intake(count, CLIENTS, "intake");
    double appSeconds = (System.nanoTime() - started) / 1e9;
    double appRate = count / appSeconds;

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
  }

  private static Void start(RuntimeService runtime, String businessKey) {
    runtime.startProcessInstanceByKey(BareEngine.PROCESS_KEY, businessKey);
    return null;
  }
}
