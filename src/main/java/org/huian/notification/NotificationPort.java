package org.huian.notification;

/** The way out of Huian for a notification. Adapters are chosen by configuration. */
public interface NotificationPort {

  /** Sends one message; throws when the channel failed, so the relay retries. */
  void send(Notification notification);
}
