package org.huian.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends pending outbox rows through the configured port; failed rows retry, then go DEAD. */
@Component
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final NotificationOutbox outbox;
  private final NotificationPort port;
  private final int maxAttempts;

  public OutboxRelay(NotificationOutbox outbox, NotificationPort port,
      @Value("${huian.notifications.max-attempts:5}") int maxAttempts) {
    this.outbox = outbox;
    this.port = port;
    this.maxAttempts = maxAttempts;
  }

  @Scheduled(fixedDelayString = "${huian.notifications.relay-interval:PT5S}")
  public void relay() {
    for (Notification n : outbox.pending(100)) {
      if (!outbox.claim(n.id())) {
        continue;
      }
      try {
        port.send(n);
        outbox.sent(n);
      } catch (RuntimeException e) {
        log.warn("notification #{} failed: {}", n.id(), e.toString());
        outbox.failed(n.id(), e.toString(), maxAttempts);
      }
    }
  }
}
