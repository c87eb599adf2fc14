package org.huian.notification;

import org.huian.security.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes notifications to the log, phone numbers masked. Where no SMS channel ({@code sms-aliyun},
 * {@code sms-smpp}) is enabled, as in the demo, it is the only way out for residents' messages.
 */
@Component
class LoggingNotificationAdapter implements NotificationChannel {

  private static final Logger log = LoggerFactory.getLogger(LoggingNotificationAdapter.class);

  private final boolean showLinks;

  /**
   * @param showLinks print personal confirmation links in full; on only in the demo setup, where
   *     no SMS channel is enabled and the log stands in for one (a link's token is the party's credential)
   */
  LoggingNotificationAdapter(@Value("${huian.notifications.log-links:false}") boolean showLinks) {
    this.showLinks = showLinks;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public boolean accepts(Notification n) {
    return true;
  }

  @Override
  public void send(Notification n) {
    log.info("notification #{} [{}] case {} to {}: {} - {}",
        n.id(), n.kind(), n.caseNo(), maskRecipient(n.recipient()), n.subject(),
        showLinks ? n.body() : NotificationOutbox.redactLinks(n.body()));
  }

  static String maskRecipient(String recipient) {
    return recipient.startsWith("sms:") ? "sms:" + Masking.phone(recipient.substring(4)) : recipient;
  }
}
