package org.huian.notification.sms;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery reports of sent SMS, resolved into the outbox row ({@code delivery_status} and its
 * neighbours, V11). A channel records each message id the provider gave while it sends; a report
 * (an SMPP receipt, an Aliyun status answer) updates that submission, and the row takes the outcome
 * of all its segments: DELIVERED when every one arrived, the first failure otherwise.
 *
 * <p>A receipt can overtake the submit_sm_resp it belongs to (or reach the node that did not send):
 * an id not yet known is kept and tried again for {@link #ORPHAN_TTL}.
 */
@Component
class SmsDeliveries {

  static final String SUBMITTED = "SUBMITTED";
  static final String DELIVERED = "DELIVERED";
  static final String UNDELIVERED = "UNDELIVERED";
  static final String EXPIRED = "EXPIRED";
  static final String REJECTED = "REJECTED";
  static final String DELETED = "DELETED";
  static final String UNKNOWN = "UNKNOWN";
  static final Set<String> FINAL = Set.of(DELIVERED, UNDELIVERED, EXPIRED, REJECTED, DELETED, UNKNOWN);

  static final Duration ORPHAN_TTL = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(SmsDeliveries.class);

  /** A submission still waiting for its outcome, with what a status query needs. */
  record Awaiting(long id, long outboxId, String messageId, String recipient, OffsetDateTime submittedAt) {}

  private record Orphan(String channel, String messageId, String status, String detail, Instant seen) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Duration receiptTimeout;
  private final Map<String, Orphan> orphans = new ConcurrentHashMap<>();

  SmsDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions, SmsProperties properties) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.receiptTimeout = properties.receiptTimeout();
  }

  /** A new attempt at a row: forgets the ids of earlier attempts, the row now waits for this one. */
  void begin(long outboxId, String channel) {
    tx.executeWithoutResult(s -> {
      jdbc.sql("DELETE FROM sms_submissions WHERE outbox_id = ?").param(outboxId).update();
      jdbc.sql("UPDATE notification_outbox SET delivery_channel = ?, delivery_status = ?, delivery_detail = NULL, "
          + "delivery_reported_at = NULL WHERE id = ?").params(channel, SUBMITTED, outboxId).update();
    });
  }

  /** One message id the provider answered (segment {@code segment} of {@code segments}). */
  void submitted(long outboxId, String channel, String messageId, int segment, int segments) {
    jdbc.sql("INSERT INTO sms_submissions (outbox_id, channel, message_id, segment, segments, status, submitted_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(outboxId, channel, messageId, segment, segments, SUBMITTED, now()).update();
    Orphan early = orphans.remove(channel + " " + messageId);
    if (early != null) {
      report(channel, messageId, early.status(), early.detail());
    }
  }

  /**
   * A delivery report. Returns false when no submission has this id (yet); such a report is kept
   * and tried again by {@link #retryOrphans()}. An SMSC that answers submit_sm with a hexadecimal
   * id and writes the receipt's id in decimal (or the other way round) is matched too.
   */
  boolean report(String channel, String messageId, String status, String detail) {
    Boolean found = tx.execute(s -> apply(channel, messageId, status, detail));
    if (Boolean.TRUE.equals(found)) {
      return true;
    }
    orphans.putIfAbsent(channel + " " + messageId, new Orphan(channel, messageId, status, detail, Instant.now()));
    return false;
  }

  private boolean apply(String channel, String messageId, String status, String detail) {
    List<Long[]> hit = find(channel, messageId);
    if (hit.isEmpty()) {
      for (String other : alternativeForms(messageId)) {
        hit = find(channel, other);
        if (!hit.isEmpty()) {
          break;
        }
      }
    }
    if (hit.isEmpty()) {
      return false;
    }
    apply(hit.get(0)[0], hit.get(0)[1], status, detail);
    return true;
  }

  /** A report for one known submission (a status query's answer, the receipt timeout). */
  void report(Awaiting submission, String status, String detail) {
    tx.executeWithoutResult(s -> apply(submission.id(), submission.outboxId(), status, detail));
  }

  private void apply(long submission, long outboxId, String status, String detail) {
    // the row lock serialises the receipts of one message's segments, which may arrive at once
    jdbc.sql("SELECT id FROM notification_outbox WHERE id = ? FOR UPDATE").param(outboxId).query(Long.class).single();
    jdbc.sql("UPDATE sms_submissions SET status = ?, detail = ?, reported_at = ? WHERE id = ?")
        .params(status, truncate(detail), now(), submission).update();
    List<String[]> parts = jdbc.sql("SELECT status, detail FROM sms_submissions WHERE outbox_id = ? ORDER BY segment, id")
        .param(outboxId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    String[] outcome = outcome(parts);
    jdbc.sql("UPDATE notification_outbox SET delivery_status = ?, delivery_detail = ?, delivery_reported_at = ? WHERE id = ?")
        .params(outcome[0], truncate(outcome[1]), FINAL.contains(outcome[0]) ? now() : null, outboxId).update();
    if (FINAL.contains(outcome[0]) && !DELIVERED.equals(outcome[0])) {
      log.warn("notification #{} was not delivered: {} ({})", outboxId, outcome[0], outcome[1]);
    }
  }

  /** The row's outcome from its segments: the first final failure, else DELIVERED when all arrived, else SUBMITTED. */
  static String[] outcome(List<String[]> parts) {
    for (String[] p : parts) {
      if (FINAL.contains(p[0]) && !DELIVERED.equals(p[0])) {
        return p;
      }
    }
    boolean all = !parts.isEmpty() && parts.stream().allMatch(p -> DELIVERED.equals(p[0]));
    return all ? parts.get(parts.size() - 1) : new String[] {SUBMITTED, null};
  }

  private List<Long[]> find(String channel, String messageId) {
    return jdbc.sql("SELECT id, outbox_id FROM sms_submissions WHERE channel = ? AND message_id = ? ORDER BY id DESC")
        .params(channel, messageId).query((rs, i) -> new Long[] {rs.getLong(1), rs.getLong(2)}).list();
  }

  static List<String> alternativeForms(String id) {
    try {
      if (id.matches("[0-9]{1,18}")) {
        String hex = Long.toHexString(Long.parseLong(id));
        return List.of(hex, hex.toUpperCase());
      }
      if (id.matches("[0-9A-Fa-f]{1,15}")) {
        return List.of(Long.toString(Long.parseLong(id, 16)));
      }
    } catch (NumberFormatException e) {
      // not a number in either form
    }
    return List.of();
  }

  /** Submissions of {@code channel} still waiting for an outcome, oldest first, for a status query. */
  List<Awaiting> awaiting(String channel, int limit) {
    return jdbc.sql("SELECT s.id, s.outbox_id, s.message_id, o.recipient, s.submitted_at FROM sms_submissions s "
            + "JOIN notification_outbox o ON o.id = s.outbox_id WHERE s.channel = ? AND s.status = ? ORDER BY s.id LIMIT ?")
        .params(channel, SUBMITTED, limit)
        .query((rs, i) -> new Awaiting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  /** Reports that came before their submission was recorded, tried again until they are too old. */
  @Scheduled(fixedDelayString = "PT5S")
  void retryOrphans() {
    Instant tooOld = Instant.now().minus(ORPHAN_TTL);
    for (var e : orphans.entrySet()) {
      Orphan o = e.getValue();
      if (Boolean.TRUE.equals(tx.execute(s -> apply(o.channel(), o.messageId(), o.status(), o.detail())))) {
        orphans.remove(e.getKey());
      } else if (o.seen().isBefore(tooOld)) {
        orphans.remove(e.getKey());
        log.info("delivery report for unknown message id {} on {} dropped: {}", o.messageId(), o.channel(), o.status());
      }
    }
  }

  /** Messages without a report after {@code huian.notifications.sms.receipt-timeout} become UNKNOWN. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  int expireUnreported() {
    OffsetDateTime before = now().minus(receiptTimeout);
    List<Awaiting> stale = jdbc.sql("SELECT id, outbox_id, message_id, submitted_at FROM sms_submissions "
            + "WHERE status = ? AND submitted_at < ?")
        .params(SUBMITTED, before)
        .query((rs, i) -> new Awaiting(rs.getLong(1), rs.getLong(2), rs.getString(3), null, rs.getObject(4, OffsetDateTime.class)))
        .list();
    for (Awaiting s : stale) {
      report(s, UNKNOWN, "no delivery report within " + receiptTimeout);
    }
    return stale.size();
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200);
  }
}
