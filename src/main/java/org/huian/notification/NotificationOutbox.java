package org.huian.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox table. Process steps write rows in their own transaction; the relay sends them
 * afterwards, so an unreachable channel never rolls back a caseworker's work.
 */
@Component
public class NotificationOutbox {

  public static final String PENDING = "PENDING";
  public static final String SENDING = "SENDING";
  public static final String SENT = "SENT";
  public static final String DEAD = "DEAD";

  private static final java.util.regex.Pattern LINK_TOKEN = java.util.regex.Pattern.compile("/(m|track)/[A-Za-z0-9_-]{16,}");

  private final JdbcClient jdbc;
  private final org.springframework.beans.factory.ObjectProvider<NotificationRouter> router;

  NotificationOutbox(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<NotificationRouter> router) {
    this.jdbc = jdbc;
    this.router = router;
  }

  /**
   * Queues a message, in the caller's transaction. A message no configured channel accepts (a
   * unit's notice where only SMS is configured, say) is not queued: its row would be marked sent
   * to nobody.
   */
  public void enqueue(String caseNo, String kind, String recipient, String subject, String body) {
    NotificationRouter channels = router.getIfAvailable();
    if (channels != null && !channels.accepts(new Notification(0, caseNo, kind, recipient, subject, body))) {
      return;
    }
    jdbc.sql("INSERT INTO notification_outbox (case_no, kind, recipient, subject, body, status, attempts, created_at) "
            + "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?)")
        .params(caseNo, kind, recipient, truncate(subject, 200), truncate(body, 4000), now())
        .update();
  }

  /**
   * Hands rows back whose claim is older than {@code claimedBefore}: the node that claimed them
   * stopped (crash, kill -9) between claim and report. They go back to PENDING (sent again: at least
   * once) or, when their attempts are used up, to DEAD. Returns how many rows it released.
   */
  int releaseStaleClaims(OffsetDateTime claimedBefore, int maxAttempts) {
    return jdbc.sql("UPDATE notification_outbox SET status = CASE WHEN attempts >= ? THEN 'DEAD' ELSE 'PENDING' END, "
            + "last_error = 'claim expired: the node that claimed it stopped before reporting' "
            + "WHERE status = 'SENDING' AND (claimed_at IS NULL OR claimed_at < ?)")
        .params(maxAttempts, claimedBefore).update();
  }

  List<Notification> pending(int limit) {
    return jdbc.sql("SELECT id, case_no, kind, recipient, subject, body FROM notification_outbox "
            + "WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?")
        .params(now(), limit)
        .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }

  /**
   * Claims a row for this node; false when another node took it first. The conditional update is
   * the claim: under READ COMMITTED a second node's update waits for the first, re-reads the row,
   * finds it no longer PENDING and changes nothing.
   */
  boolean claim(long id) {
    return jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', attempts = attempts + 1, claimed_at = ? "
            + "WHERE id = ? AND status = 'PENDING'").params(now(), id).update() == 1;
  }

  /** Marks a row sent and removes the personal link tokens from its stored text: only the recipient keeps them. */
  void sent(Notification n) {
    jdbc.sql("UPDATE notification_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, next_attempt_at = NULL, body = ? WHERE id = ?")
        .params(now(), redactLinks(n.body()), n.id()).update();
  }

  /** {@code …/m/<token>} becomes {@code …/m/***}, and a resident's {@code …/track/<token>} {@code …/track/***}. */
  public static String redactLinks(String text) {
    return text == null ? null : LINK_TOKEN.matcher(text).replaceAll("/$1/***");
  }

  void failed(long id, String error, int maxAttempts) {
    failed(id, error, maxAttempts, Duration.ZERO);
  }

  /**
   * A failed attempt: back to PENDING, or DEAD when the attempts are used up. With a non-zero
   * {@code retryAfter} the next attempt waits {@code retryAfter × 2^(attempts - 1)} (capped at 2^10).
   */
  void failed(long id, String error, int maxAttempts, Duration retryAfter) {
    OffsetDateTime next = null;
    if (!retryAfter.isZero() && !retryAfter.isNegative()) {
      int attempts = jdbc.sql("SELECT attempts FROM notification_outbox WHERE id = ?").param(id).query(Integer.class).single();
      next = now().plus(retryAfter.multipliedBy(1L << Math.min(10, Math.max(0, attempts - 1))));
    }
    jdbc.sql("UPDATE notification_outbox SET status = CASE WHEN attempts >= ? THEN 'DEAD' ELSE 'PENDING' END, "
            + "last_error = ?, next_attempt_at = ? WHERE id = ?")
        .params(maxAttempts, truncate(error, 1000), next, id).update();
  }

  /** A failure no retry can change: DEAD at once, with the reason. */
  void dead(long id, String reason) {
    jdbc.sql("UPDATE notification_outbox SET status = 'DEAD', last_error = ?, next_attempt_at = NULL WHERE id = ?")
        .params(truncate(reason, 1000), id).update();
  }

  public List<String> kindsFor(String caseNo) {
    return jdbc.sql("SELECT kind FROM notification_outbox WHERE case_no = ? ORDER BY id")
        .param(caseNo).query(String.class).list();
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
