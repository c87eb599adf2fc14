package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supervisor refused the complexity request: noted, and the case goes back to its handler. */
@Component
class RecordComplexityRefusalDelegate implements JavaDelegate {

  private final CaseContext context;

  RecordComplexityRefusalDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    context.cases().addEvent(c.caseNo(), EventType.COMPLEXITY_REFUSED, c.level(), c.unitCode(),
        CaseContext.actor(execution),
        "不同意按复杂案件办理：" + CaseHandling.Variables.COMPLEXITY_COMMENT.getOrDefault(execution, ""));
    CaseContext.clearHandlingAnswers(execution);
  }
}
