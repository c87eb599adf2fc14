package org.huian.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.huian.mediation.MediationProcess.Elements;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model test of {@code mediation.bpmn}: on-site and remote agreements, no agreement, decline, expiry. */
@Deployment(resources = {MediationProcess.RESOURCE, "forms/mediation-schedule.form", "forms/mediation-record.form"})
class MediationProcessTest extends ProcessModelTest {

  FakeMediationDelegates fakes;
  int counter;

  @BeforeEach
  void setUp() {
    fakes = new FakeMediationDelegates();
    fakes.register();
  }

  @Test
  void shouldPutAnOnSiteAgreementInForceAtOnce() {
    ProcessInstance pi = start();
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.SCHEDULE).task().hasCandidateGroup("110101004000-mediation");
    support.complete(pi.getBusinessKey(), Elements.SCHEDULE, Map.of("mediationMode", "ON_SITE"));
    support.complete(pi.getBusinessKey(), Elements.HOLD, Map.of("mediationOutcome", "AGREEMENT"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.ACTIVATE, Elements.END_AGREED).hasNotPassed(Elements.SEND_LINKS);
    assertThat(fakes.calls).containsExactly("prepare", "schedule:ON_SITE", "record:AGREEMENT", "activate");
  }

  @Test
  void shouldEndWithoutAgreement() {
    ProcessInstance pi = start();
    support.complete(pi.getBusinessKey(), Elements.SCHEDULE, Map.of("mediationMode", "PHONE"));
    support.complete(pi.getBusinessKey(), Elements.HOLD, Map.of("mediationOutcome", "NO_AGREEMENT"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.END_NO_AGREEMENT);
  }

  @Test
  void shouldWaitForEveryPartyOfARemoteSessionBeforeTheAgreementTakesEffect() {
    ProcessInstance pi = remoteAgreement();
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.AWAIT_CONFIRMATION);

    processEngine.getRuntimeService().createMessageCorrelation(MediationProcess.MESSAGE_CONFIRMED)
        .processInstanceId(pi.getId()).correlate();

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.SEND_LINKS, Elements.ACTIVATE);
    assertThat(fakes.calls).containsSubsequence("links", "activate");
  }

  @Test
  void shouldGoBackToTheMediatorWhenAPartyDeclines() {
    ProcessInstance pi = remoteAgreement();
    processEngine.getRuntimeService().createMessageCorrelation(MediationProcess.MESSAGE_DECLINED)
        .processInstanceId(pi.getId()).correlate();

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HOLD).hasPassed(Elements.RECORD_DECLINE);
    assertThat(fakes.calls).contains("round:DECLINED");
  }

  @Test
  void shouldGoBackToTheMediatorWhenTheLinksExpire() {
    ProcessInstance pi = remoteAgreement();
    support.fire(pi.getId(), Elements.CONFIRMATION_EXPIRED);

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.HOLD).hasPassed(Elements.RECORD_EXPIRY);
    assertThat(fakes.calls).contains("round:EXPIRED");
  }

  private ProcessInstance remoteAgreement() {
    ProcessInstance pi = start();
    support.complete(pi.getBusinessKey(), Elements.SCHEDULE, Map.of("mediationMode", "REMOTE_VIDEO"));
    support.complete(pi.getBusinessKey(), Elements.HOLD, Map.of("mediationOutcome", "AGREEMENT"));
    return pi;
  }

  private ProcessInstance start() {
    String key = "DC-MEDIATION-" + (++counter);
    return processEngine.getRuntimeService().startProcessInstanceByKey(MediationProcess.KEY, key, Map.of(
        "caseNo", key, "unitCode", "110101004000", "deadlineAt", new Date(System.currentTimeMillis() + 7 * 86_400_000L)));
  }
}
