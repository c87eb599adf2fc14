package org.huian.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.huian.mediation.AgreementFulfilment.Elements;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model test of {@code agreement-fulfilment.bpmn} with the real grace DMN: every item confirmed; a
 * late fulfilment inside the grace period; a grace period that ends in a breach.
 */
@Deployment(resources = {AgreementFulfilment.RESOURCE, AgreementFulfilment.GRACE_DMN, "forms/fulfilment-confirm.form"})
class AgreementFulfilmentProcessTest extends ProcessModelTest {

  FakeMediationDelegates fakes;
  int counter;

  @BeforeEach
  void setUp() {
    fakes = new FakeMediationDelegates();
    fakes.register();
  }

  @Test
  void shouldEndFulfilledWhenEveryInstalmentIsConfirmed() {
    fakes.items = List.of(1L, 2L);
    ProcessInstance pi = start();
    assertThat(support.timers(pi.getId(), Elements.ITEM_DUE)).hasSize(2);

    for (int i = 0; i < 2; i++) {
      support.fire(pi.getId(), Elements.ITEM_DUE);
      support.complete(pi.getBusinessKey(), Elements.CONFIRM, Map.of("fulfilment", "FULFILLED", "fulfilmentEvidence", "转账凭证"));
    }

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.RECORD_FULFILLED, Elements.END_FULFILLED);
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("fulfilmentResult").singleResult().getValue()).isEqualTo("FULFILLED");
    assertThat(fakes.calls).containsSubsequence("request:1", "item:1:paid", "request:2", "item:2:paid", "agreement-fulfilled");
  }

  @Test
  void shouldAcceptALateFulfilmentWithinTheGracePeriod() {
    fakes.items = List.of(1L);
    ProcessInstance pi = start();
    support.fire(pi.getId(), Elements.ITEM_DUE);
    support.complete(pi.getBusinessKey(), Elements.CONFIRM, Map.of("fulfilment", "MISSED", "fulfilmentEvidence", "未收到"));

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.CONFIRM_LATE);
    assertThat(fakes.calls).contains("grace:P7D");
    support.complete(pi.getBusinessKey(), Elements.CONFIRM_LATE, Map.of("fulfilment", "FULFILLED", "fulfilmentEvidence", "补付"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.RECORD_LATE, Elements.END_FULFILLED);
  }

  @Test
  void shouldBreachTheAgreementWhenTheGracePeriodEndsUnpaid() {
    fakes.items = List.of(1L, 2L);
    ProcessInstance pi = start();
    support.fire(pi.getId(), Elements.ITEM_DUE);
    support.complete(pi.getBusinessKey(), Elements.CONFIRM, Map.of("fulfilment", "MISSED", "fulfilmentEvidence", "未收到"));
    support.fire(pi.getId(), Elements.GRACE_EXPIRED);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.MARK_BREACHED, Elements.BREACHED, Elements.RECORD_BREACH, Elements.END_BREACHED);
    BpmnAwareTests.assertThat(pi).hasNotPassed(Elements.RECORD_FULFILLED);
    assertThat(fakes.calls).containsSubsequence("item:1:missed", "grace:P7D", "breached:1", "agreement-breached");
  }

  private ProcessInstance start() {
    String key = "DC-FULFIL-" + (++counter);
    return processEngine.getRuntimeService().startProcessInstanceByKey(AgreementFulfilment.KEY, key, Map.of(
        "caseNo", key, "agreementId", 7L, "handlerGroup", "110101004000-legal"));
  }
}
