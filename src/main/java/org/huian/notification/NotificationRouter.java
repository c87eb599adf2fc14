package org.huian.notification;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The notification port the outbox relay uses: sends a row through every channel named in {@code
 * huian.notifications.channels} that accepts it. A failing channel fails the row, which the relay
 * retries and finally dead-letters (delivery is at least once per channel).
 */
@Component
@Primary
class NotificationRouter implements NotificationPort {

  private final List<NotificationChannel> channels;

  NotificationRouter(List<NotificationChannel> all, @Value("${huian.notifications.channels:log}") Set<String> enabled) {
    this.channels = all.stream().filter(c -> enabled.contains(c.name())).collect(Collectors.toList());
    Set<String> known = all.stream().map(NotificationChannel::name).collect(Collectors.toSet());
    for (String name : enabled) {
      if (!name.isBlank() && !known.contains(name)) { // an empty list (HUIAN_NOTIFICATION_CHANNELS=) configures none
        throw new IllegalStateException("huian.notifications.channels names an unknown channel: " + name + " (known: " + known + ")");
      }
    }
  }

  /** Whether any configured channel takes this message. */
  boolean accepts(Notification notification) {
    return channels.stream().anyMatch(c -> c.accepts(notification));
  }

  @Override
  public void send(Notification notification) {
    for (NotificationChannel channel : channels) {
      if (channel.accepts(notification)) {
        channel.send(notification);
      }
    }
  }
}
