package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The handler resolved the case at this level; the return visit comes next. */
@Component
class RecordResolutionDelegate implements JavaDelegate {

  private final CaseContext context;

  RecordResolutionDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    context.cases().setStatus(c.caseNo(), CaseStatus.RESOLVED);
    context.cases().addEvent(c.caseNo(), EventType.RESOLVED, c.level(), c.unitCode(), CaseContext.actor(execution),
        CaseHandling.Variables.ACTIONS_TAKEN.getOrDefault(execution, ""));
  }
}
