package org.huian.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Small helpers the model tests share: find and complete a task, fire a timer when it is due. */
public final class ModelTestSupport {

  private final ProcessEngine engine;

  public ModelTestSupport(ProcessEngine engine) {
    this.engine = engine;
  }

  public List<Task> tasks(String businessKey, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).list();
  }

  public void complete(String businessKey, String key, Map<String, Object> vars) {
    List<Task> open = tasks(businessKey, key);
    assertThat(open).as("open task %s", key).isNotEmpty();
    engine.getTaskService().complete(open.get(0).getId(), vars);
  }

  public List<Job> timers(String processInstanceId, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list();
  }

  /** Moves the clock past the earliest matching timer and fires it. */
  public void fire(String processInstanceId, String activityId) {
    List<Job> jobs = timers(processInstanceId, activityId);
    assertThat(jobs).as("timer %s", activityId).isNotEmpty();
    Job job = jobs.stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
    if (ClockUtil.getCurrentTime().before(job.getDuedate())) {
      ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    }
    engine.getManagementService().executeJob(job.getId());
  }
}
