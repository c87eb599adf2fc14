package org.huian.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The job executor's counters as Prometheus counters, {@code camunda_jobs_total{event}}: acquired,
 * acquisition attempts, executed, failed, rejected (queue full) and locked-exclusive jobs, counted
 * by the engine itself ({@link Metrics}). The engine keeps each meter in memory and moves it to
 * {@code ACT_RU_METER_LOG} every reporting interval; a scrape adds both. While a report is being
 * written the in-memory part is already cleared and the row not yet there, so a scrape could see
 * a dip; the last value is kept as a floor so the counter never goes down. Values are this node's
 * and other nodes' alike (the meter log is shared): aggregate without the instance label.
 */
@Component
class JobExecutorMetrics implements SmartInitializingSingleton {

  static final Map<String, String> EVENTS = Map.of(
      "acquired", Metrics.JOB_ACQUIRED_SUCCESS,
      "acquisition_attempts", Metrics.JOB_ACQUISITION_ATTEMPT,
      "executed", Metrics.JOB_SUCCESSFUL,
      "failed", Metrics.JOB_FAILED,
      "rejected", Metrics.JOB_EXECUTION_REJECTED,
      "locked_exclusive", Metrics.JOB_LOCKED_EXCLUSIVE);

  private final MeterRegistry registry;
  private final ProcessEngine engine;
  private final Map<String, Double> floor = new ConcurrentHashMap<>();

  JobExecutorMetrics(MeterRegistry registry, ProcessEngine engine) {
    this.registry = registry;
    this.engine = engine;
  }

  @Override
  public void afterSingletonsInstantiated() {
    EVENTS.forEach((event, meter) -> FunctionCounter.builder("camunda.jobs", this, m -> m.value(meter))
        .description("job executor events counted by the engine (all nodes on this database)").tag("event", event)
        .register(registry));
  }

  double value(String meter) {
    try {
      ManagementService management = engine.getManagementService();
      Long stored = management.createMetricsQuery().name(meter).sum();
      Meter pending = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry()
          .getDbMeterByName(meter);
      double now = (stored == null ? 0 : stored) + (pending == null ? 0 : pending.get());
      return floor.merge(meter, now, Math::max);
    } catch (RuntimeException e) {
      return floor.getOrDefault(meter, 0.0);
    }
  }
}
