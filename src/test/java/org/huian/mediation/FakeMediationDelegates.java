package org.huian.mediation;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Stand-ins for the delegates of {@code mediation.bpmn}, {@code agreement-fulfilment.bpmn} and the
 * mediation steps of the funnel, for model tests: they set the variables the gateways and timers
 * read and record each call.
 */
public final class FakeMediationDelegates {

  static final long DAY = 86_400_000L;

  public final List<String> calls = new ArrayList<>();
  /** Ids of the fulfilment items the plan step lists. */
  public List<Long> items = new ArrayList<>(List.of(1L, 2L, 3L));

  public void register() {
    Mocks.register("prepareMediationDelegate", (JavaDelegate) e -> {
      e.setVariable("mediationGroup", e.getVariable("unitCode") + "-mediation");
      calls.add("prepare");
    });
    Mocks.register("recordScheduleDelegate", (JavaDelegate) e -> {
      e.setVariable("mediationId", 1L);
      calls.add("schedule:" + e.getVariable("mediationMode"));
    });
    Mocks.register("recordMediationDelegate", (JavaDelegate) e -> {
      String outcome = (String) e.getVariable("mediationOutcome");
      calls.add("record:" + outcome);
      if ("NO_AGREEMENT".equals(outcome)) {
        e.setVariable("mediationResult", "NO_AGREEMENT");
        return;
      }
      e.setVariable("mediationResult", "AGREEMENT");
      e.setVariable("agreementId", 7L);
      e.setVariable("agreementRemote", !"ON_SITE".equals(e.getVariable("mediationMode")));
      e.setVariable("confirmationDeadline", new Date(ClockUtil.getCurrentTime().getTime() + 7 * DAY));
    });
    Mocks.register("sendConfirmationLinksDelegate", (JavaDelegate) e -> calls.add("links"));
    Mocks.register("closeConfirmationRoundDelegate", (JavaDelegate) e -> calls.add("round:" + e.getVariable("confirmationEnd")));
    Mocks.register("activateAgreementDelegate", (JavaDelegate) e -> {
      e.setVariable("mediationResult", "AGREED");
      calls.add("activate");
    });
    Mocks.register("resumeHandlingDelegate", (JavaDelegate) e -> {
      e.removeVariable("outcome");
      e.removeVariable("mediationResult");
      calls.add("resume");
    });
    Mocks.register("recordJudicialReferralDelegate", (JavaDelegate) e -> calls.add("judicial:" + e.getVariable("judicialKind")));
    Mocks.register("planFulfilmentDelegate", (JavaDelegate) e -> {
      e.setVariable("fulfilmentItems", Variables.objectValue(new ArrayList<>(items))
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      calls.add("plan");
    });
    Mocks.register("scheduleItemDelegate", (JavaDelegate) e -> {
      long id = ((Number) e.getVariable("fulfilmentItemId")).longValue();
      e.setVariableLocal("fulfilmentItemId", id);
      e.setVariableLocal("itemDueAt", new Date(ClockUtil.getCurrentTime().getTime() + id * 30 * DAY));
    });
    Mocks.register("requestFulfilmentConfirmationDelegate", (JavaDelegate) e -> calls.add("request:" + e.getVariable("fulfilmentItemId")));
    Mocks.register("recordFulfilmentDelegate", (JavaDelegate) e -> {
      boolean fulfilled = "FULFILLED".equals(e.getVariable("fulfilment"));
      e.setVariableLocal("itemFulfilled", fulfilled);
      e.setVariableLocal("obligationKind", "INSTALMENTS");
      e.removeVariable("fulfilment");
      calls.add(("Task_RecordLateFulfilment".equals(e.getCurrentActivityId()) ? "late:" : "item:")
          + e.getVariable("fulfilmentItemId") + ":" + (fulfilled ? "paid" : "missed"));
    });
    Mocks.register("startGraceDelegate", (JavaDelegate) e -> {
      e.setVariableLocal("graceUntil", new Date(ClockUtil.getCurrentTime().getTime() + 7 * DAY));
      calls.add("grace:" + e.getVariable("graceDuration"));
    });
    Mocks.register("markItemBreachedDelegate", (JavaDelegate) e -> calls.add("breached:" + e.getVariable("fulfilmentItemId")));
    Mocks.register("recordBreachDelegate", (JavaDelegate) e -> {
      e.setVariable("fulfilmentResult", "BREACHED");
      calls.add("agreement-breached");
    });
    Mocks.register("recordAgreementFulfilledDelegate", (JavaDelegate) e -> {
      e.setVariable("fulfilmentResult", "FULFILLED");
      calls.add("agreement-fulfilled");
    });
    Mocks.register("reopenAfterBreachDelegate", (JavaDelegate) e -> {
      e.removeVariable("outcome");
      e.removeVariable("fulfilmentResult");
      e.setVariable("levelEnteredAt", ClockUtil.getCurrentTime());
      calls.add("reopen-after-breach");
    });
  }
}
