package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.huian.cases.CaseFunnel.Elements;
import org.huian.mediation.FakeMediationDelegates;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model test of {@code case-funnel.bpmn} with the real routing and deadline DMNs, the real
 * handling sub-process and forms; delegates are stand-ins ({@link FakeFunnelDelegates}). Covers
 * every gateway branch, every timer and the supervision path.
 */
@Deployment(resources = {CaseFunnel.RESOURCE, CaseHandling.RESOURCE, CaseFunnel.ROUTING_DMN, CaseFunnel.DEADLINES_DMN,
    CaseHandling.DISPATCH_DMN, "stubs/mediation-stub.bpmn", "stubs/agreement-fulfilment-stub.bpmn",
    "forms/case-intake.form", "forms/case-handle.form", "forms/complexity-approval.form",
    "forms/return-visit.form", "forms/supervision-order.form"})
class CaseFunnelProcessTest extends ProcessModelTest {

  static final Date MONDAY = Date.from(java.time.Instant.parse("2026-11-23T01:00:00Z"));
  static final long DAY = 86_400_000L;

  FakeFunnelDelegates fakes;
  FakeMediationDelegates mediation;
  int counter;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(MONDAY);
    fakes = new FakeFunnelDelegates();
    fakes.register();
    mediation = new FakeMediationDelegates();
    mediation.register();
  }

  @Test
  void shouldRouteGridAppNeighbourDisputeToGridAndCloseWhenReporterSatisfied() {
    ProcessInstance pi = start(Map.of("category", "NEIGHBOUR", "channel", "GRID_APP"));

    assertThat(fakes.calls).containsExactly("register", "assign:GRID/NORMAL", "schedule:GRID/P1D");
    assertThat(timer(pi, Elements.TIMER_LEVEL_DEADLINE).getDuedate()).isEqualTo(new Date(MONDAY.getTime() + DAY));
    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "当面调解", "outcome", "RESOLVED"));
    complete(pi, Elements.RETURN_VISIT, Map.of("feedback", "SATISFIED"));
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.NOTIFY_CLOSED, Elements.END_CLOSED);
    assertThat(fakes.calls).endsWith("resolved:GRID", "feedback:SATISFIED", "close", "notify:CLOSED");
  }

  @Test
  void shouldEscalateGridToCommunityToStreetToDistrictOnDeadlinesAndOrderSupervision() {
    ProcessInstance pi = start(Map.of("category", "NEIGHBOUR", "channel", "GRID_APP", "reporterAnonymous", true));

    fire(pi, Elements.TIMER_LEVEL_WARNING);
    runAsyncJobs(pi);
    assertThat(fakes.calls).contains("warn:GRID");
    BpmnAwareTests.assertThat(pi).hasPassed(Elements.END_LEVEL_WARNED);

    for (String next : List.of("COMMUNITY", "STREET", "DISTRICT")) {
      fire(pi, Elements.TIMER_LEVEL_DEADLINE);
      runAsyncJobs(pi);
      assertThat(variable(pi, "level")).isEqualTo(next);
    }
    assertThat(fakes.calls).containsSubsequence(
        "escalate:DEADLINE:GRID", "notify:ESCALATED", "schedule:COMMUNITY/P3D",
        "escalate:DEADLINE:COMMUNITY", "notify:ESCALATED", "schedule:STREET/P7D",
        "escalate:DEADLINE:STREET", "notify:ESCALATED", "schedule:DISTRICT/P7D");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE_AT_DISTRICT);

    fire(pi, Elements.TIMER_DISTRICT_WARNING);
    fire(pi, Elements.TIMER_DISTRICT_DEADLINE);
    runAsyncJobs(pi);
    assertThat(fakes.calls).contains("warn:DISTRICT", "supervision-ordered");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE_AT_DISTRICT, Elements.SUPERVISE_CASE);
    Task supervision = task(pi, Elements.SUPERVISE_CASE);
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(supervision.getId()))
        .anyMatch(l -> "110101000000-leaders".equals(l.getGroupId()));

    complete(pi, Elements.SUPERVISE_CASE, Map.of("supervisionInstruction", "三日内办结"));
    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "区级协调", "outcome", "RESOLVED"));
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.RECORD_SUPERVISION, Elements.END_SUPERVISION_RECORDED,
        Elements.END_DISTRICT_WARNED, Elements.CLOSE);
    BpmnAwareTests.assertThat(pi).hasNotPassed(Elements.RETURN_VISIT);
    assertThat(fakes.calls).contains("resolve-incident", "close");
  }

  @Test
  void shouldEscalateOneLevelWhenHandlerEscalatesByHand() {
    ProcessInstance pi = start(Map.of("category", "FAMILY", "channel", "WINDOW"));
    assertThat(variable(pi, "level")).isEqualTo("COMMUNITY");

    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "两次调解未果", "outcome", "ESCALATE", "outcomeReason", "涉及财产分割"));
    runAsyncJobs(pi);

    assertThat(variable(pi, "level")).isEqualTo("STREET");
    assertThat(fakes.calls).containsSubsequence("escalate:MANUAL:COMMUNITY", "notify:ESCALATED", "schedule:STREET/P7D");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE_AT_LEVEL);
  }

  @Test
  void shouldGiveThirtyDaysFromLevelEntryWhenComplexityApproved() {
    ProcessInstance pi = start(Map.of("category", "WAGE_ARREARS", "channel", "WINDOW", "peopleInvolved", 3));
    assertThat(timer(pi, Elements.TIMER_LEVEL_DEADLINE).getDuedate()).isEqualTo(new Date(MONDAY.getTime() + 7 * DAY));

    ClockUtil.setCurrentTime(new Date(MONDAY.getTime() + 2 * DAY));
    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "核对工程款", "outcome", "REQUEST_COMPLEX", "outcomeReason", "需业主方到场"));
    complete(pi, "Task_ApproveComplexity", Map.of("complexityDecision", "APPROVE"));

    assertThat(fakes.calls).containsSubsequence("schedule:STREET/P7D", "complex", "schedule:STREET/P30D");
    assertThat(timer(pi, Elements.TIMER_LEVEL_DEADLINE).getDuedate()).isEqualTo(new Date(MONDAY.getTime() + 30 * DAY));
    BpmnAwareTests.assertThat(pi).hasPassed(Elements.APPLY_COMPLEXITY).isWaitingAt(Elements.HANDLE_AT_LEVEL);
  }

  @Test
  void shouldReopenOnceThenEscalateWhenReporterDissatisfiedTwice() {
    ProcessInstance pi = start(Map.of("category", "PROPERTY_MANAGEMENT", "channel", "HOTLINE"));

    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "物业承诺维修", "outcome", "RESOLVED"));
    complete(pi, Elements.RETURN_VISIT, Map.of("feedback", "DISSATISFIED", "feedbackNote", "仍未维修"));
    assertThat(variable(pi, "reopenCount")).isEqualTo(1);
    assertThat(variable(pi, "level")).isEqualTo("STREET");

    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "再次督促", "outcome", "RESOLVED"));
    complete(pi, Elements.RETURN_VISIT, Map.of("feedback", "DISSATISFIED", "feedbackNote", "仍不满意"));
    runAsyncJobs(pi);

    assertThat(fakes.calls).containsSubsequence("feedback:DISSATISFIED", "reopen", "schedule:STREET/P7D",
        "feedback:DISSATISFIED", "escalate:DISSATISFIED:STREET", "notify:ESCALATED", "schedule:DISTRICT/P7D");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE_AT_DISTRICT);
  }

  @Test
  void shouldCloseAtDistrictWhenReporterDissatisfiedAgainThere() {
    ProcessInstance pi = start(Map.of("category", "CONSTRUCTION", "channel", "LETTER", "crossRegion", true));
    assertThat(fakes.calls).contains("assign:DISTRICT/COMPLEX", "schedule:DISTRICT/P30D");

    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "联合调处", "outcome", "RESOLVED"));
    complete(pi, Elements.RETURN_VISIT, Map.of("feedback", "DISSATISFIED"));
    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "司法确认引导", "outcome", "RESOLVED"));
    complete(pi, Elements.RETURN_VISIT, Map.of("feedback", "DISSATISFIED"));
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.CLOSE);
    assertThat(fakes.calls).doesNotContain("escalate:DISSATISFIED:DISTRICT");
  }

  @Test
  void shouldCloseWhenReporterUnreachable() {
    ProcessInstance pi = start(Map.of("category", "OTHER", "channel", "ONLINE"));
    assertThat(variable(pi, "level")).isEqualTo("COMMUNITY");

    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "已答复", "outcome", "RESOLVED"));
    complete(pi, Elements.RETURN_VISIT, Map.of("feedback", "UNREACHABLE"));
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(fakes.calls).contains("feedback:UNREACHABLE", "close");
  }

  @Test
  void shouldCloseAsFulfilledWhenTheMediatedAgreementIsCarriedOut() {
    ProcessInstance pi = start(Map.of("category", "WAGE_ARREARS", "channel", "WINDOW"));
    mediate(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.TRACK_FULFILMENT);

    support.complete(pi.getBusinessKey(), "Task_StubFulfilment", Map.of("fulfilmentResult", "FULFILLED"));
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.CLOSE).hasNotPassed(Elements.RETURN_VISIT);
  }

  @Test
  void shouldReopenAtItsLevelAfterABreachAndCloseOnAJudicialReferral() {
    ProcessInstance pi = start(Map.of("category", "WAGE_ARREARS", "channel", "WINDOW"));
    mediate(pi);
    support.complete(pi.getBusinessKey(), "Task_StubFulfilment", Map.of("fulfilmentResult", "BREACHED"));

    BpmnAwareTests.assertThat(pi).hasPassed(Elements.REOPEN_AFTER_BREACH).isWaitingAt(Elements.HANDLE_AT_LEVEL);
    assertThat(fakes.calls).containsSubsequence("schedule:STREET/P7D", "schedule:STREET/P7D");
    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "引导司法确认", "outcome", "JUDICIAL_REFERRAL"));
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.CLOSE);
    assertThat(mediation.calls).contains("reopen-after-breach");
  }

  /** Mediation and fulfilment tracking are stand-in processes here, each with one task that gives its result. */
  private void mediate(ProcessInstance pi) {
    complete(pi, "Task_HandleCase", Map.of("actionsTaken", "组织调解", "outcome", "MEDIATE"));
    support.complete(pi.getBusinessKey(), "Task_StubMediation", Map.of("mediationResult", "AGREED"));
  }

  // ------------------------------------------------------------------------------------------

  @Test
  void shouldEndTheCaseThroughTheDuplicateMessageAndCancelItsTimersWhileHandled() {
    ProcessInstance pi = start(Map.of("category", "NEIGHBOUR", "channel", "GRID_APP"));
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(2);

    processEngine.getRuntimeService().createMessageCorrelation(Elements.MESSAGE_MARKED_DUPLICATE)
        .processInstanceId(pi.getId()).setVariable("duplicateOfCaseNo", "DC-ORIGINAL").correlate();
    assertThat(fakes.calls).endsWith("close-duplicate:DC-ORIGINAL");
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.NOTIFY_DUPLICATE);
    assertThat(processEngine.getManagementService().createJobQuery().timers().count()).as("no timer left").isZero();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CaseHandling.KEY).count())
        .as("the handling sub-process is cancelled").isZero();
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.START_MARKED_DUPLICATE, Elements.CLOSE_AS_DUPLICATE,
        Elements.NOTIFY_DUPLICATE, Elements.END_CLOSED_AS_DUPLICATE);
    BpmnAwareTests.assertThat(pi).hasNotPassed(Elements.CLOSE, Elements.END_CLOSED);
    assertThat(fakes.calls).endsWith("close-duplicate:DC-ORIGINAL", "notify:DUPLICATE");
  }

  @Test
  void shouldEndADistrictCaseUnderSupervisionThroughTheDuplicateMessage() {
    ProcessInstance pi = start(Map.of("category", "NEIGHBOUR", "channel", "GRID_APP", "reporterAnonymous", true));
    for (int i = 0; i < 3; i++) {
      fire(pi, Elements.TIMER_LEVEL_DEADLINE);
      runAsyncJobs(pi);
    }
    fire(pi, Elements.TIMER_DISTRICT_DEADLINE);
    runAsyncJobs(pi);
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE_AT_DISTRICT, Elements.SUPERVISE_CASE);

    processEngine.getRuntimeService().createMessageCorrelation(Elements.MESSAGE_MARKED_DUPLICATE)
        .processInstanceId(pi.getId()).setVariable("duplicateOfCaseNo", "DC-ORIGINAL").correlate();
    runAsyncJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.END_CLOSED_AS_DUPLICATE);
    assertThat(processEngine.getTaskService().createTaskQuery().count()).as("supervision and handling tasks gone").isZero();
    assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
  }

  private ProcessInstance start(Map<String, Object> overrides) {
    Map<String, Object> vars = new HashMap<>(Map.of(
        "caseNo", "DC-MODEL-" + (++counter), "peopleInvolved", 1, "amountInvolved", 0.0,
        "crossRegion", false, "crossDepartment", false, "reporterAnonymous", false, "reopenCount", 0));
    vars.putAll(overrides);
    return processEngine.getRuntimeService().startProcessInstanceByKey(CaseFunnel.KEY, (String) vars.get("caseNo"), vars);
  }

  private Object variable(ProcessInstance pi, String name) {
    return processEngine.getRuntimeService().getVariable(pi.getId(), name);
  }

  private Task task(ProcessInstance pi, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(key).singleResult();
  }

  private void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task task = task(pi, key);
    assertThat(task).as("open task %s", key).isNotNull();
    processEngine.getTaskService().complete(task.getId(), vars);
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).timers().singleResult();
  }

  /** Moves the engine clock just past the timer's due date and fires it. */
  private void fire(ProcessInstance pi, String activityId) {
    Job job = timer(pi, activityId);
    assertThat(job).as("timer %s", activityId).isNotNull();
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    processEngine.getManagementService().executeJob(job.getId());
  }

  /** Runs the asynchronous continuations (notification steps) that are waiting. */
  private void runAsyncJobs(ProcessInstance pi) {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = processEngine.getManagementService().createJobQuery().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> processEngine.getManagementService().executeJob(j.getId()));
    }
  }
}
