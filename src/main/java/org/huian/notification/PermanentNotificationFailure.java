package org.huian.notification;

/**
 * A channel's answer that no retry can change (a number that is not a mobile number, a number the
 * provider refuses): the relay dead-letters the row at once with this message as the reason. The
 * message must not contain a full phone number (mask it with {@code Masking.phone}).
 */
public class PermanentNotificationFailure extends RuntimeException {

  public PermanentNotificationFailure(String message) {
    super(message);
  }

  public PermanentNotificationFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
