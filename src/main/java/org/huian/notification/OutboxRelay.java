package org.huian.notification;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends pending outbox rows through the configured port; failed rows retry (after the pause a
 * {@link TemporaryNotificationFailure} asks for), then go DEAD; a {@link
 * PermanentNotificationFailure} goes DEAD at once. Every
 * node of a cluster runs it: a row is sent by the node whose conditional update claimed it. A row
 * left SENDING by a node that died is released after {@code huian.notifications.claim-timeout}.
 */
@Component
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final NotificationOutbox outbox;
  private final NotificationPort port;
  private final int maxAttempts;
  private final Duration claimTimeout;

  @Autowired
  public OutboxRelay(NotificationOutbox outbox, NotificationPort port,
      @Value("${huian.notifications.max-attempts:5}") int maxAttempts,
      @Value("${huian.notifications.claim-timeout:PT5M}") Duration claimTimeout) {
    this.outbox = outbox;
    this.port = port;
    this.maxAttempts = maxAttempts;
    this.claimTimeout = claimTimeout;
  }

  public OutboxRelay(NotificationOutbox outbox, NotificationPort port, int maxAttempts) {
    this(outbox, port, maxAttempts, Duration.ofMinutes(5));
  }

  @Scheduled(fixedDelayString = "${huian.notifications.relay-interval:PT5S}")
  public void relay() {
    int released = outbox.releaseStaleClaims(NotificationOutbox.now().minus(claimTimeout), maxAttempts);
    if (released > 0) {
      log.warn("{} notification(s) claimed more than {} ago by a node that never reported back: released", released, claimTimeout);
    }
    for (Notification n : outbox.pending(100)) {
      if (!outbox.claim(n.id())) {
        continue;
      }
      try {
        port.send(n);
        outbox.sent(n);
      } catch (PermanentNotificationFailure e) {
        log.warn("notification #{} cannot be delivered, dead-lettered: {}", n.id(), e.getMessage());
        outbox.dead(n.id(), e.toString());
      } catch (TemporaryNotificationFailure e) {
        log.warn("notification #{} failed, will retry after {}: {}", n.id(), e.retryAfter(), e.getMessage());
        outbox.failed(n.id(), e.toString(), maxAttempts, e.retryAfter());
      } catch (RuntimeException e) {
        log.warn("notification #{} failed: {}", n.id(), e.toString());
        outbox.failed(n.id(), e.toString(), maxAttempts);
      }
    }
  }
}
