package org.huian.mediation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseFunnel;
import org.huian.cases.CaseRow;
import org.huian.cases.EventType;
import org.springframework.stereotype.Component;

/** After a breach the case is handled again at its level, with a new deadline. */
@Component
class ReopenAfterBreachDelegate implements JavaDelegate {

  private final CaseContext context;

  ReopenAfterBreachDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution e) {
    CaseRow c = context.caseOf(e);
    Date now = ClockUtil.getCurrentTime();
    context.cases().enterLevel(c.caseNo(), context.level(c), c.unitCode(), c.complexity(), now.toInstant());
    context.cases().addEvent(c.caseNo(), EventType.REOPENED, c.level(), c.unitCode(), CaseContext.SYSTEM,
        "协议违约，在" + context.unit(c.unitCode()).name() + "重新办理");
    CaseContext.clearHandlingAnswers(e);
    AgreementFulfilment.Variables.RESULT.remove(e);
  }
}
