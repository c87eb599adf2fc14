package org.huian.privacy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Camunda's history cleanup as configured ({@code camunda.bpm.generic-properties.properties.history-cleanup-*}
 * in application.yaml): the daily window, the batch size and the strategy, read from the engine.
 */
@Component
class HistoryCleanupSettings {

  private final ProcessEngine engine;

  HistoryCleanupSettings(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  String windowStart() {
    return configuration().getHistoryCleanupBatchWindowStartTime();
  }

  String windowEnd() {
    return configuration().getHistoryCleanupBatchWindowEndTime();
  }

  int batchSize() {
    return configuration().getHistoryCleanupBatchSize();
  }

  String strategy() {
    return configuration().getHistoryCleanupStrategy();
  }
}
