package org.huian.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline: the bare Camunda engine of the same version (the BOM pins it), standalone, with
 * the default configuration (default history level, default job executor settings, MyBatis'
 * pooled data source), on a PostgreSQL database of its own. Its only process is the trivial one
 * the issue names: one user task with an interrupting boundary timer.
 */
final class BareEngine implements AutoCloseable {

  static final String PROCESS_KEY = "bare-case";
  static final String TIMER_ID = "Timer_Deadline";

  final ProcessEngine engine;

  BareEngine(BenchDatabases db) {
    ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("bench-bare")
        .setJdbcUrl(db.bareUrl)
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUsername(db.user)
        .setJdbcPassword(db.password)
        // as many connections as the application's Hikari pool (20). With MyBatis' default of 10, the
        // default job executor's 10 threads and its acquisition thread need 11: a thread then waited
        // for MyBatis' 20 s checkout limit, which reclaimed another thread's connection ("Connection
        // is invalid", a failed job). That, not the engine, made the bare storm's rounds take 3 s or 25 s.
        .setJdbcMaxActiveConnections(20)
        .setJdbcMaxIdleConnections(20)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setJobExecutorActivate(false); // started only for the deadline storm; its settings stay the defaults
    engine = config.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bench-bare")
        .addModelInstance(PROCESS_KEY + ".bpmn", model()).deploy();
  }

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(180)
        .startEvent("StartEvent_Received")
        .userTask("Task_Handle").camundaCandidateGroups("handlers")
        .boundaryEvent(TIMER_ID).cancelActivity(true).timerWithDuration("P7D")
        .endEvent("EndEvent_Escalated")
        .moveToActivity("Task_Handle")
        .endEvent("EndEvent_Handled")
        .done();
  }

  JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  String describe() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor j = c.getJobExecutor();
    return "history=" + c.getHistory() + ", jobExecutor " + j.getClass().getSimpleName()
        + " (maxJobsPerAcquisition=" + j.getMaxJobsPerAcquisition() + ", waitTimeInMillis=" + j.getWaitTimeInMillis()
        + ", maxWait=" + j.getMaxWait() + ", lockTimeInMillis=" + j.getLockTimeInMillis() + "), MyBatis pool "
        + c.getJdbcMaxActiveConnections() + " connections";
  }

  @Override
  public void close() {
    if (jobExecutor().isActive()) {
      jobExecutor().shutdown();
    }
    engine.close();
  }
}
