package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/** Hands the case to another unit of the same level; the level's deadline keeps running. */
@Component
class ReferCaseDelegate implements JavaDelegate {

  private final CaseContext context;

  ReferCaseDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    Unit from = context.unit(c.unitCode());
    Unit to = context.unit(CaseHandling.Variables.REFER_TO_UNIT.get(execution));
    context.cases().setUnit(c.caseNo(), to.code());
    context.cases().addEvent(c.caseNo(), EventType.REFERRED, to.level().name(), to.code(), CaseContext.actor(execution),
        from.name() + " 转 " + to.name() + "：" + CaseHandling.Variables.OUTCOME_REASON.getOrDefault(execution, ""));
    context.setUnitVariables(execution, to);
  }
}
