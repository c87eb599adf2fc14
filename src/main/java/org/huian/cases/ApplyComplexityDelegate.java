package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supervisor approved the handler's request: the case becomes COMPLEX and its deadline is
 * computed again from the moment it entered the level (7 → 30 days at a street or the district).
 */
@Component
class ApplyComplexityDelegate implements JavaDelegate {

  private final CaseContext context;

  ApplyComplexityDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    CaseFunnel.Variables.COMPLEXITY.set(execution, Complexity.COMPLEX.name());
    CaseFunnel.Variables.COMPLEXITY_NAME.set(execution, Complexity.COMPLEX.nameZh());
    context.cases().addEvent(c.caseNo(), EventType.COMPLEXITY_APPROVED, c.level(), c.unitCode(),
        CaseContext.actor(execution),
        "同意按复杂案件办理。申请理由：" + CaseHandling.Variables.OUTCOME_REASON.getOrDefault(execution, "")
            + "；审批说明：" + CaseHandling.Variables.COMPLEXITY_COMMENT.getOrDefault(execution, ""));
    CaseContext.clearHandlingAnswers(execution);
  }
}
