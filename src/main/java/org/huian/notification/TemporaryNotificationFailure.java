package org.huian.notification;

import java.time.Duration;

/**
 * A channel's answer that a later attempt may succeed (throttling, a full queue, an unreachable
 * gateway): the relay retries the row, but not before {@code retryAfter} times two to the power of
 * the attempts already made, so a provider's rate limit is not hit again at once. Other runtime
 * exceptions retry at the next relay run, as before. The message must not contain a full phone
 * number.
 */
public class TemporaryNotificationFailure extends RuntimeException {

  private final Duration retryAfter;

  public TemporaryNotificationFailure(String message, Duration retryAfter) {
    this(message, retryAfter, null);
  }

  public TemporaryNotificationFailure(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
