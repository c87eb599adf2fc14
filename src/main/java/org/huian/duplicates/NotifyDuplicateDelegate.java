package org.huian.duplicates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseRow;
import org.huian.notification.NotificationOutbox;
import org.springframework.stereotype.Component;

/**
 * Tells the reporter of a case closed as a duplicate which case carries their matter, through the
 * outbox (asynchronous before, so an outage retries). Anonymous reporters are told nothing.
 */
@Component
class NotifyDuplicateDelegate implements JavaDelegate {

  static final String KIND = "DUPLICATE";

  private final CaseContext context;
  private final NotificationOutbox outbox;

  NotifyDuplicateDelegate(CaseContext context, NotificationOutbox outbox) {
    this.context = context;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    if (c.reporterAnonymous() || c.reporterPhone() == null) {
      return;
    }
    String original = DuplicateMarking.ORIGINAL_CASE_NO.get(execution);
    outbox.enqueue(c.caseNo(), KIND, "sms:" + c.reporterPhone(), "您反映的事项已并入同一事项办理",
        "您反映的事项（编号 " + c.caseNo() + "）与编号 " + original + " 的事项为同一事项，已并入该案件一并办理。感谢您对平安建设的支持。");
  }
}
