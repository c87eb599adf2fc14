package org.huian.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.huian.risk.HealthReportProcess.Elements;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model test of {@code safety-health-report.bpmn} and {@code targeted-supervision.bpmn}: the
 * monthly timer and the manual message start, no red unit, red units each supervised until they
 * act, and an order escalated to the unit above when its deadline passes.
 */
@Deployment(resources = {"processes/safety-health-report.bpmn", "processes/targeted-supervision.bpmn", "forms/targeted-supervision.form"})
class HealthReportProcessTest extends ProcessModelTest {

  List<String> red = new ArrayList<>();
  List<String> calls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    mocks.delegate("issueHealthReportsDelegate", e -> {
      calls.add("issue:" + e.getVariable("period"));
      e.setVariable("period", e.hasVariable("period") ? e.getVariable("period") : "2026-10");
      e.setVariable("redUnits", Variables.objectValue(new ArrayList<>(red))
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    });
    mocks.delegate("openSupervisionOrderDelegate", e -> {
      String unit = (String) e.getVariable("unitCode");
      calls.add("open:" + unit);
      e.setVariable("orderNo", "DB-" + unit);
      e.setVariable("orderGroup", unit);
      e.setVariable("superiorGroup", "parent-of-" + unit);
      e.setVariable("orderDeadline", Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14))));
    });
    mocks.delegate("escalateSupervisionOrderDelegate", e -> {
      calls.add("escalate:" + e.getVariable("orderNo"));
      e.setVariable("superiorDeadline", Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7))));
    });
    mocks.delegate("recordSupervisionMeasuresDelegate", e -> calls.add("measures:" + e.getVariable("orderNo")
        + ":" + e.getVariable("measures")));
  }

  ProcessInstance startByHand() {
    return processEngine.getRuntimeService().startProcessInstanceByMessage(HealthReportProcess.MESSAGE_REQUESTED,
        Map.of("period", "2026-11"));
  }

  void runAsync(String processInstanceId) {
    for (Job j : processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId).messages().list()) {
      processEngine.getManagementService().executeJob(j.getId());
    }
  }

  @Test
  void shouldEndWithoutOrdersWhenNoUnitIsRed() {
    ProcessInstance pi = startByHand();
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.ISSUE_REPORTS);
    runAsync(pi.getId());
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.END_ALL_CLEAR).hasNotPassed(Elements.SUPERVISION);
    assertThat(calls).containsExactly("issue:2026-11");
  }

  @Test
  void shouldStartEveryMonthFromTheTimer() {
    Job timer = processEngine.getManagementService().createJobQuery().timers().activityId(Elements.START_MONTHLY).singleResult();
    assertThat(timer).as("the monthly timer start is scheduled").isNotNull();
    Instant due = timer.getDuedate().toInstant();
    assertThat(due.atZone(java.time.ZoneId.systemDefault()).getDayOfMonth()).isEqualTo(1);
    red.add("110101011000");
    ClockUtil.setCurrentTime(new Date(due.toEpochMilli() + 1000));
    processEngine.getManagementService().executeJob(timer.getId());
    ProcessInstance pi = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(HealthReportProcess.KEY).singleResult();
    runAsync(pi.getId());
    runAsync(pi.getId());
    assertThat(calls).contains("issue:null", "open:110101011000");
    assertThat(processEngine.getManagementService().createJobQuery().timers().activityId(Elements.START_MONTHLY).count())
        .as("the next month is scheduled").isEqualTo(1);
  }

  @Test
  void shouldSuperviseEachRedUnitUntilItActs() {
    red.addAll(List.of("110101011000", "110101004002"));
    ProcessInstance pi = startByHand();
    runAsync(pi.getId());
    runAsync(pi.getId());
    List<ProcessInstance> orders = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(HealthReportProcess.SUPERVISION_KEY).list();
    assertThat(orders).hasSize(2);
    assertThat(orders).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder("2026-11-110101011000", "2026-11-110101004002");
    for (String unit : red) {
      assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey(Elements.RECTIFY).taskCandidateGroup(unit).count())
          .isEqualTo(1);
      support.complete("2026-11-" + unit, Elements.RECTIFY, Map.of("measures", "整改"));
    }
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.SUPERVISION, Elements.END_SUPERVISED);
    assertThat(calls).contains("measures:DB-110101011000:整改", "measures:DB-110101004002:整改");
  }

  @Test
  void shouldEscalateAnOrderWhoseDeadlinePasses() {
    red.add("110101004002");
    ProcessInstance pi = startByHand();
    runAsync(pi.getId());
    runAsync(pi.getId());
    ProcessInstance order = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(HealthReportProcess.SUPERVISION_KEY).singleResult();
    support.fire(order.getId(), Elements.ORDER_OVERDUE);
    BpmnAwareTests.assertThat(order).isWaitingAt(Elements.SUPERIOR_RECTIFY);
    assertThat(processEngine.getTaskService().createTaskQuery().taskDefinitionKey(Elements.SUPERIOR_RECTIFY)
        .taskCandidateGroup("parent-of-110101004002").count()).isEqualTo(1);
    support.complete(order.getBusinessKey(), Elements.SUPERIOR_RECTIFY, Map.of("measures", "街道督办"));
    BpmnAwareTests.assertThat(order).isEnded().hasPassed(Elements.ESCALATE_ORDER, Elements.RECORD_MEASURES, Elements.END_RECTIFIED);
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(calls).containsSubsequence("open:110101004002", "escalate:DB-110101004002", "measures:DB-110101004002:街道督办");
  }
}
