package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 80 % of the level's time is gone: the case turns AMBER and the handling unit is told. */
@Component
class WarnDeadlineDelegate implements JavaDelegate {

  private final CaseContext context;
  private final CaseNotifications notifications;

  WarnDeadlineDelegate(CaseContext context, CaseNotifications notifications) {
    this.context = context;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    context.cases().setSla(c.caseNo(), Sla.AMBER);
    CaseFunnel.Variables.SLA_NAME.set(execution, Sla.AMBER.nameZh());
    context.cases().addEvent(c.caseNo(), EventType.WARNED, c.level(), c.unitCode(), CaseContext.SYSTEM,
        "即将到达办结时限（" + CaseNotifications.format(c.deadline()) + "）");
    notifications.warned(c);
  }
}
