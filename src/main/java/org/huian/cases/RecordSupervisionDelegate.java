package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the district leaders' supervision instruction into the case timeline. */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

  private final CaseContext context;

  RecordSupervisionDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    String due = CaseFunnel.Variables.SUPERVISION_DUE_DATE.optional(execution).map(d -> "；要求 " + d + " 前完成").orElse("");
    context.cases().addEvent(c.caseNo(), EventType.SUPERVISION_INSTRUCTED, c.level(), c.unitCode(),
        CaseContext.actor(execution),
        "督办意见：" + CaseFunnel.Variables.SUPERVISION_INSTRUCTION.getOrDefault(execution, "") + due);
  }
}
