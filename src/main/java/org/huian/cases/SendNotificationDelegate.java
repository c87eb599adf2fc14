package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Notification step of the funnel (asynchronous before, so it never holds up a caseworker's
 * transaction): writes the messages of the kind named by the task's input parameter {@code
 * notificationKind} to the outbox.
 */
@Component
class SendNotificationDelegate implements JavaDelegate {

  static final String KIND = "notificationKind";

  private final CaseContext context;
  private final CaseNotifications notifications;

  SendNotificationDelegate(CaseContext context, CaseNotifications notifications) {
    this.context = context;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    String kind = (String) execution.getVariable(KIND);
    switch (kind) {
      case "ESCALATED" -> notifications.escalated(c,
          (String) execution.getVariable(EscalateCaseDelegate.ESCALATED_FROM_UNIT),
          EscalationReason.valueOf((String) execution.getVariable(EscalateCaseDelegate.ESCALATED_REASON)));
      case "CLOSED" -> notifications.closed(c);
      default -> throw new IllegalStateException("unknown notification kind " + kind);
    }
  }
}
