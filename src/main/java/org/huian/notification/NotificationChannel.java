package org.huian.notification;

/**
 * One way out (log, e-mail, webhook). The {@link NotificationRouter} sends each outbox row through
 * every enabled channel that accepts it.
 */
public interface NotificationChannel extends NotificationPort {

  /** The name used in {@code huian.notifications.channels}. */
  String name();

  /** Whether this channel can deliver the notification (e.g. e-mail needs unit members with an address). */
  boolean accepts(Notification notification);
}
