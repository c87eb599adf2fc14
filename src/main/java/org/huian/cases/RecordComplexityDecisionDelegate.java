package org.huian.cases;

import org.huian.problem.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the supervisor's answer to a complexity request in the timeline. A missing or unknown
 * answer is refused (400), so the gateway after it always sees APPROVE or REFUSE. After a refusal
 * the handler's answers are cleared for the next round.
 */
@Component
class RecordComplexityDecisionDelegate implements JavaDelegate {

  private final CaseContext context;

  RecordComplexityDecisionDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = CaseHandling.Variables.COMPLEXITY_DECISION.optional(execution).orElse(null);
    boolean approved = CaseHandling.ComplexityDecision.APPROVE.equals(decision);
    if (!approved && !CaseHandling.ComplexityDecision.REFUSE.equals(decision)) {
      throw new InvalidRequestException(CaseHandling.Variables.COMPLEXITY_DECISION.name(), "请选择审批意见");
    }
    CaseRow c = context.caseOf(execution);
    String reason = CaseHandling.Variables.OUTCOME_REASON.getOrDefault(execution, "");
    String comment = CaseHandling.Variables.COMPLEXITY_COMMENT.getOrDefault(execution, "");
    context.cases().addEvent(c.caseNo(), approved ? EventType.COMPLEXITY_APPROVED : EventType.COMPLEXITY_REFUSED,
        c.level(), c.unitCode(), CaseContext.actor(execution),
        (approved ? "同意按复杂案件办理" : "不同意按复杂案件办理") + "。申请理由：" + reason
            + (comment.isBlank() ? "" : "；审批说明：" + comment));
    if (!approved) {
      CaseContext.clearHandlingAnswers(execution);
    }
  }
}
