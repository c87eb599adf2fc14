package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.huian.operations.HuianMetrics;
import org.springframework.stereotype.Component;

/**
 * The district deadline passed and there is no level above: the case turns RED, district leaders
 * get a supervision order (the next user task), and an incident of type {@value
 * CaseFunnel#SLA_BREACH_INCIDENT} is raised on the district handling activity so that Cockpit
 * shows the breach. The incident is resolved when that activity ends.
 */
@Component
class OrderSupervisionDelegate implements JavaDelegate {

  private final CaseContext context;
  private final CaseNotifications notifications;
  private final HuianMetrics metrics;

  OrderSupervisionDelegate(CaseContext context, CaseNotifications notifications, HuianMetrics metrics) {
    this.context = context;
    this.notifications = notifications;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    context.cases().setSla(c.caseNo(), Sla.RED);
    CaseFunnel.Variables.SLA_NAME.set(execution, Sla.RED.nameZh());
    context.cases().addEvent(c.caseNo(), EventType.SUPERVISION_ORDERED, c.level(), c.unitCode(), CaseContext.SYSTEM,
        "超过区级办结时限（" + CaseNotifications.format(c.deadline()) + "），启动督办");
    Execution handling = execution.getProcessEngineServices().getRuntimeService().createExecutionQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(CaseFunnel.Elements.HANDLE_AT_DISTRICT)
        .singleResult();
    String target = handling != null ? handling.getId() : execution.getId();
    execution.getProcessEngineServices().getRuntimeService().createIncident(
        CaseFunnel.SLA_BREACH_INCIDENT, target, c.caseNo(),
        "案件 " + c.caseNo() + " 超过区级办结时限 " + CaseNotifications.format(c.deadline()) + "（红色）");
    notifications.supervisionOrdered(c);
    metrics.slaBreached(org.huian.geography.Level.DISTRICT);
  }
}
