package org.huian.dialogue;

import org.huian.testsupport.DongchengTenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.huian.dialogue.DialogueTaskProcess.Elements;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model test of {@code dialogue-task.bpmn}: progress to completion; a task the unit marks hard; a
 * task the quarterly bulletin pulls up for being overdue; a task still open when its year closes.
 */
@Deployment(resources = {DialogueTaskProcess.RESOURCE, "forms/dialogue-progress.form", "forms/dialogue-coordination.form"})
class DialogueTaskProcessTest extends ProcessModelTest {

  FakeDialogueDelegates fakes;
  int counter;

  @BeforeEach
  void setUp() {
    fakes = new FakeDialogueDelegates();
    fakes.register();
  }

  @Test
  void shouldGiveTheReportTaskToTheResponsibleUnitWithTheDeadlineAsDueDate() {
    ProcessInstance pi = start();
    Task report = support.tasks(pi.getBusinessKey(), Elements.REPORT).get(0);
    assertThat(report.getDueDate()).isEqualTo(new Date(1_900_000_000_000L));
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(report.getId()))
        .anyMatch(l -> "110101004000".equals(l.getGroupId()));
  }

  @Test
  void shouldEndWhenTheUnitReportsFullProgress() {
    ProcessInstance pi = start();
    report(pi, 40, false);
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.REPORT);
    report(pi, 100, false);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.IMPLEMENTED, Elements.END_DONE);
    assertThat(fakes.calls).containsExactly("progress:40", "progress:100");
  }

  @Test
  void shouldSendAHardTaskToDistrictCoordinationAndBackToTheUnit() {
    ProcessInstance pi = start();
    report(pi, 20, true);
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.COORDINATE);
    Task coordinate = support.tasks(pi.getBusinessKey(), Elements.COORDINATE).get(0);
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(coordinate.getId()))
        .anyMatch(l -> DialogueGroups.committee(DongchengTenant.DISTRICT).equals(l.getGroupId()));
    support.complete(pi.getBusinessKey(), Elements.COORDINATE, Map.of("coordinationDecision", "区住建委牵头"));

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.REPORT);
    report(pi, 100, false);
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(fakes.calls).containsExactly("progress:20:hard", "coordinated:区住建委牵头", "progress:100");
  }

  @Test
  void shouldPullAnOverdueTaskUpToCoordinationWhenTheBulletinAsks() {
    ProcessInstance pi = start();
    processEngine.getRuntimeService().createMessageCorrelation(DialogueTaskProcess.MESSAGE_COORDINATION)
        .processInstanceBusinessKey(pi.getBusinessKey()).correlate();

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.COORDINATE).hasPassed(Elements.COORDINATION_REQUESTED);
    assertThat(support.tasks(pi.getBusinessKey(), Elements.REPORT)).isEmpty();
    support.complete(pi.getBusinessKey(), Elements.COORDINATE, Map.of("coordinationDecision", "延期一个月"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.REPORT);
  }

  @Test
  void shouldCarryOverATaskStillOpenWhenItsYearCloses() {
    ProcessInstance pi = start();
    report(pi, 20, true);
    processEngine.getRuntimeService().createMessageCorrelation(DialogueTaskProcess.MESSAGE_CYCLE_CLOSED)
        .processInstanceBusinessKey(pi.getBusinessKey()).correlate();

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.CYCLE_CLOSED, Elements.CARRY_OVER, Elements.END_CARRIED_OVER)
        .hasNotPassed(Elements.END_DONE);
    assertThat(fakes.calls).containsExactly("progress:20:hard", "carried-over");
  }

  private void report(ProcessInstance pi, int percent, boolean hard) {
    Map<String, Object> v = new HashMap<>();
    v.put("progressPercent", percent);
    v.put("progressNarrative", "进展");
    v.put("progressHard", hard);
    support.complete(pi.getBusinessKey(), Elements.REPORT, v);
  }

  private ProcessInstance start() {
    String key = "RW-2027-" + (++counter);
    return processEngine.getRuntimeService().startProcessInstanceByKey(DialogueTaskProcess.KEY, key, Map.of(
        "taskNo", key, "unitGroup", "110101004000", "deadline", new Date(1_900_000_000_000L), "taskTitle", "整治"));
  }
}
