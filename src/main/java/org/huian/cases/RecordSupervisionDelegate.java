package org.huian.cases;

import org.huian.problem.InvalidRequestException;
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
    String instruction = CaseFunnel.Variables.SUPERVISION_INSTRUCTION.optional(execution).map(String::strip).orElse("");
    if (instruction.isEmpty() || instruction.length() > 2000) {
      throw new InvalidRequestException(CaseFunnel.Variables.SUPERVISION_INSTRUCTION.name(), "请填写督办意见（不超过 2000 字）");
    }
    CaseRow c = context.caseOf(execution);
    String due = CaseFunnel.Variables.SUPERVISION_DUE_DATE.optional(execution).map(d -> "；要求 " + d + " 前完成").orElse("");
    context.cases().addEvent(c.caseNo(), EventType.SUPERVISION_INSTRUCTED, c.level(), c.unitCode(),
        CaseContext.actor(execution),
        "督办意见：" + instruction + due);
  }
}
