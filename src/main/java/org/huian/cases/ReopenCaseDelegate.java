package org.huian.cases;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The reporter was dissatisfied for the first time: the case reopens once at the same level and
 * unit, with a fresh deadline.
 */
@Component
class ReopenCaseDelegate implements JavaDelegate {

  private final CaseContext context;

  ReopenCaseDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    Date now = ClockUtil.getCurrentTime();
    context.cases().reopen(c.caseNo(), now.toInstant());
    context.cases().addEvent(c.caseNo(), EventType.REOPENED, c.level(), c.unitCode(), CaseContext.actor(execution),
        "反映人不满意，在" + context.unit(c.unitCode()).name() + "重新办理");
    CaseFunnel.Variables.REOPEN_COUNT.set(execution, CaseFunnel.Variables.REOPEN_COUNT.getOrDefault(execution, 0) + 1);
    CaseFunnel.Variables.FEEDBACK.remove(execution);
    CaseFunnel.Variables.FEEDBACK_NOTE.remove(execution);
    CaseContext.clearHandlingAnswers(execution);
  }
}
