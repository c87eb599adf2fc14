package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.huian.cases.CaseHandling.Elements;
import org.huian.mediation.FakeMediationDelegates;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model test of {@code case-handling.bpmn} with the real dispatch DMN and forms; delegates are
 * stand-ins that record their calls. Every gateway branch is taken at least once.
 */
@Deployment(resources = {CaseHandling.RESOURCE, CaseHandling.DISPATCH_DMN, "stubs/mediation-stub.bpmn",
    "forms/case-handle.form", "forms/complexity-approval.form"})
class CaseHandlingProcessTest extends ProcessModelTest {

  final List<String> calls = new ArrayList<>();
  final FakeMediationDelegates mediation = new FakeMediationDelegates();

  @BeforeEach
  void registerDelegates() {
    mediation.register();
    mocks.delegate("dispatchCaseDelegate", e -> {
      calls.add("dispatch:" + e.getVariable("functionalArea"));
      e.setVariable("handlerGroup", e.getVariable("unitCode") + (e.getVariable("functionalArea") == null ? "" : "-" + e.getVariable("functionalArea")));
      e.setVariable("supervisorGroup", e.getVariable("unitCode") + "-leaders");
    });
    mocks.delegate("checkHandlingDelegate", e -> calls.add("check"));
    mocks.delegate("recordResolutionDelegate", e -> calls.add("resolved"));
    mocks.delegate("referCaseDelegate", e -> {
      calls.add("refer:" + e.getVariable("referToUnit"));
      e.setVariable("unitCode", e.getVariable("referToUnit"));
    });
    mocks.delegate("recordComplexityDecisionDelegate", e -> calls.add("decision:" + e.getVariable("complexityDecision")));
  }

  @Test
  void shouldDeploy() {
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CaseHandling.KEY).count())
        .isEqualTo(1);
  }

  @Test
  void shouldDispatchStreetWageCaseToLegalServiceAndEndResolved() {
    ProcessInstance pi = start("STREET", "110101004000", "WAGE_ARREARS", false);

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE).task().hasCandidateGroup("110101004000-legal");
    complete(task(pi), Map.of("actionsTaken", "约谈双方", "outcome", "RESOLVED"));

    BpmnAwareTests.assertThat(pi).hasPassed(Elements.RECORD_RESOLUTION).isEnded();
    BpmnAwareTests.assertThat(pi).hasPassed(Elements.END_RESOLVED);
    assertThat(calls).containsExactly("dispatch:legal", "check", "resolved");
  }

  @Test
  void shouldEndWithEscalationRequestWhenHandlerEscalates() {
    ProcessInstance pi = start("COMMUNITY", "110101004001", "NEIGHBOUR", false);

    BpmnAwareTests.assertThat(pi).task().hasCandidateGroup("110101004001");
    complete(task(pi), Map.of("actionsTaken", "调解未果", "outcome", "ESCALATE", "outcomeReason", "涉及多户"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.END_ESCALATION_REQUESTED);
  }

  @Test
  void shouldRedispatchToTheOtherUnitWhenReferred() {
    ProcessInstance pi = start("STREET", "110101004000", "CONSUMER", false);

    complete(task(pi), Map.of("actionsTaken", "属地有误", "outcome", "REFER", "referToUnit", "110101011000", "outcomeReason", "事发地在前门"));

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE).task().hasCandidateGroup("110101011000-mediation");
    assertThat(calls).containsExactly("dispatch:mediation", "check", "refer:110101011000", "dispatch:mediation");
  }

  @Test
  void shouldEndWithApprovalWhenSupervisorApprovesComplexity() {
    ProcessInstance pi = start("DISTRICT", "110101000000", "OTHER", true);

    BpmnAwareTests.assertThat(pi).task().hasCandidateGroup("110101000000-dispatch");
    complete(task(pi), Map.of("actionsTaken", "多部门会商", "outcome", "REQUEST_COMPLEX", "outcomeReason", "需协调三个部门"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.APPROVE_COMPLEXITY).task().hasCandidateGroup("110101000000-leaders");
    complete(task(pi), Map.of("complexityDecision", "APPROVE"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.END_COMPLEXITY_APPROVED);
  }

  @Test
  void shouldReturnToHandlerWhenSupervisorRefusesComplexity() {
    ProcessInstance pi = start("STREET", "110101004000", "PETITION", false);

    BpmnAwareTests.assertThat(pi).task().hasCandidateGroup("110101004000-petitions");
    complete(task(pi), Map.of("actionsTaken", "接谈", "outcome", "REQUEST_COMPLEX", "outcomeReason", "历史遗留"));
    complete(task(pi), Map.of("complexityDecision", "REFUSE", "complexityComment", "七日内可办结"));

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE).hasPassed(Elements.RECORD_COMPLEXITY_DECISION);
    assertThat(calls).contains("decision:REFUSE");
  }

  @Test
  void shouldEndAgreedWhenMediationReachesAnAgreement() {
    ProcessInstance pi = start("STREET", "110101004000", "WAGE_ARREARS", false);
    complete(task(pi), Map.of("actionsTaken", "组织调解", "outcome", "MEDIATE"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.MEDIATE);
    completeMediation(pi, "AGREED");

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.END_AGREED);
  }

  @Test
  void shouldResumeHandlingWhenMediationEndsWithoutAgreement() {
    ProcessInstance pi = start("COMMUNITY", "110101004001", "NEIGHBOUR", false);
    complete(task(pi), Map.of("actionsTaken", "组织调解", "outcome", "MEDIATE"));
    completeMediation(pi, "NO_AGREEMENT");

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HANDLE).hasPassed(Elements.RESUME_HANDLING);
    assertThat(mediation.calls).contains("resume");
  }

  @Test
  void shouldEndWithAJudicialReferral() {
    ProcessInstance pi = start("DISTRICT", "110101000000", "WAGE_ARREARS", false);
    complete(task(pi), Map.of("actionsTaken", "协议违约", "outcome", "JUDICIAL_REFERRAL", "judicialKind", "JUDICIAL_CONFIRMATION"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.RECORD_JUDICIAL_REFERRAL, Elements.END_JUDICIAL_REFERRAL);
    assertThat(mediation.calls).contains("judicial:JUDICIAL_CONFIRMATION");
  }

  /** The called mediation is a stand-in process (test resources) with one task that gives its result. */
  private void completeMediation(ProcessInstance pi, String result) {
    support.complete(pi.getBusinessKey(), "Task_StubMediation", Map.of("mediationResult", result));
  }

  private ProcessInstance start(String level, String unitCode, String category, boolean crossRegion) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(CaseHandling.KEY, "DC-TEST",
        Variables.createVariables()
            .putValue("caseNo", "DC-TEST")
            .putValue("level", level)
            .putValue("unitCode", unitCode)
            .putValue("category", category)
            .putValue("crossRegion", crossRegion)
            .putValue("crossDepartment", false)
            .putValue("deadlineAt", new Date(System.currentTimeMillis() + 86_400_000L)));
  }
}
