package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.security.ProcessInstanceGrants;
import org.springframework.stereotype.Component;

/** Closes the case (办结), writes why into the timeline and withdraws the units' read grants. */
@Component
class CloseCaseDelegate implements JavaDelegate {

  private final CaseContext context;
  private final ProcessInstanceGrants grants;

  CloseCaseDelegate(CaseContext context, ProcessInstanceGrants grants) {
    this.context = context;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    String feedback = CaseFunnel.Variables.FEEDBACK.optional(execution).orElse(null);
    String outcome = CaseHandling.Variables.OUTCOME.optional(execution).orElse("");
    boolean fulfilled = "FULFILLED".equals(execution.getVariable("fulfilmentResult"));
    String note;
    CaseStatus status = CaseStatus.CLOSED;
    if (fulfilled) {
      note = "调解协议已全部履行，办结";
      status = CaseStatus.RESOLVED_FULFILLED;
    } else if (CaseHandling.Outcome.JUDICIAL_REFERRAL.equals(outcome)) {
      note = "已引导当事人通过司法途径解决，办结";
    } else if (c.reporterAnonymous()) {
      note = "匿名反映，无需回访，办结";
    } else if (CaseFunnel.Feedback.DISSATISFIED.equals(feedback)) {
      note = "反映人仍不满意，区级已穷尽处置手段，告知可通过司法途径解决，办结";
    } else if (CaseFunnel.Feedback.UNREACHABLE.equals(feedback)) {
      note = "多次联系反映人未果，办结";
    } else {
      note = "反映人满意，办结";
    }
    context.cases().setStatus(c.caseNo(), status);
    context.cases().addEvent(c.caseNo(), EventType.CLOSED, c.level(), c.unitCode(), CaseContext.actor(execution), note);
    grants.revokeCase(c.caseNo());
  }
}
