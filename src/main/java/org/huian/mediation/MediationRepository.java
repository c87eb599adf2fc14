package org.huian.mediation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** JDBC access to the mediation tables (SQL that runs on H2 and PostgreSQL alike). */
@Repository
public class MediationRepository {

  public record Mediation(long id, String caseNo, String level, String unitCode, MediationMode mode,
      Instant scheduledAt, String place, String meetingLink, String mediatorGroup, String externalKind,
      String externalName, String courtStation, String outcome, String responsibilities, String processInstanceId) {}

  public record Agreement(long id, String caseNo, long mediationId, String level, String unitCode, boolean partial,
      String text, AgreementStatus status, boolean remote, Instant confirmationDeadline, Instant createdAt,
      Instant effectiveAt, Instant endedAt) {}

  public record Obligation(long id, long agreementId, int position, ObligationKind kind, long obligorPartyId,
      long beneficiaryPartyId, String description, BigDecimal totalAmount, String status) {}

  public record Item(long id, long obligationId, int seq, BigDecimal amount, LocalDate dueDate, ItemStatus status,
      Instant graceUntil, String evidence, String confirmedBy, Instant confirmedAt) {}

  public record Token(long id, TokenPurpose purpose, long agreementId, Long itemId, long partyId, Instant expiresAt,
      Instant usedAt, String answer) {}

  private final JdbcClient jdbc;

  MediationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String c) throws SQLException {
    OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private long insert(String sql, Object... params) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKey().longValue();
  }

  // -------------------------------------------------------------------------------- mediations

  public long insertMediation(String caseNo, String level, String unitCode, MediationMode mode, Instant at,
      String place, String link, String mediatorGroup, String externalKind, String externalName,
      String courtStation, String processInstanceId, String actor) {
    return insert("INSERT INTO mediations (case_no, mediation_level, mediation_unit, mode, scheduled_at, place, "
            + "meeting_link, mediator_group, external_kind, external_name, court_station, process_instance_id, "
            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseNo, level, unitCode, mode.name(), ts(at), place, link, mediatorGroup, externalKind, externalName,
        courtStation, processInstanceId, actor, ts(now()));
  }

  public Mediation mediation(long id) {
    return jdbc.sql("SELECT * FROM mediations WHERE id = ?").param(id).query((rs, n) -> new Mediation(
        rs.getLong("id"), rs.getString("case_no"), rs.getString("mediation_level"), rs.getString("mediation_unit"),
        MediationMode.valueOf(rs.getString("mode")), instant(rs, "scheduled_at"), rs.getString("place"),
        rs.getString("meeting_link"), rs.getString("mediator_group"), rs.getString("external_kind"),
        rs.getString("external_name"), rs.getString("court_station"), rs.getString("outcome"),
        rs.getString("responsibilities"), rs.getString("process_instance_id"))).single();
  }

  public void recordOutcome(long mediationId, MediationOutcome outcome, String responsibilities) {
    jdbc.sql("UPDATE mediations SET outcome = ?, responsibilities = ?, held_at = ? WHERE id = ?")
        .params(outcome.name(), responsibilities, ts(now()), mediationId).update();
  }

  // -------------------------------------------------------------------------------- agreements

  public long insertAgreement(String caseNo, long mediationId, String level, String unitCode, boolean partial,
      String text, boolean remote, Instant confirmationDeadline) {
    return insert("INSERT INTO agreements (case_no, mediation_id, agreed_level, agreed_unit, partial_agreement, "
            + "agreement_text, status, remote, confirmation_deadline, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseNo, mediationId, level, unitCode, partial, text,
        (remote ? AgreementStatus.PENDING_CONFIRMATION : AgreementStatus.EFFECTIVE).name(), remote,
        ts(confirmationDeadline), ts(now()));
  }

  public long insertObligation(long agreementId, int position, ObligationKind kind, long obligor, long beneficiary,
      String description, BigDecimal total) {
    return insert("INSERT INTO obligations (agreement_id, position, kind, obligor_party_id, beneficiary_party_id, "
            + "description, total_amount, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')",
        agreementId, position, kind.name(), obligor, beneficiary, description, total);
  }

  public long insertItem(long obligationId, int seq, BigDecimal amount, LocalDate due) {
    return insert("INSERT INTO fulfilment_items (obligation_id, seq, amount, due_date, status) VALUES (?, ?, ?, ?, 'PENDING')",
        obligationId, seq, amount, due);
  }

  private Agreement mapAgreement(ResultSet rs, int n) throws SQLException {
    return new Agreement(rs.getLong("id"), rs.getString("case_no"), rs.getLong("mediation_id"),
        rs.getString("agreed_level"), rs.getString("agreed_unit"), rs.getBoolean("partial_agreement"),
        rs.getString("agreement_text"), AgreementStatus.valueOf(rs.getString("status")), rs.getBoolean("remote"),
        instant(rs, "confirmation_deadline"), instant(rs, "created_at"), instant(rs, "effective_at"),
        instant(rs, "ended_at"));
  }

  public Agreement agreement(long id) {
    return jdbc.sql("SELECT * FROM agreements WHERE id = ?").param(id).query(this::mapAgreement).single();
  }

  /** The case's latest agreement, if any. */
  public Optional<Agreement> latestAgreement(String caseNo) {
    return jdbc.sql("SELECT * FROM agreements WHERE case_no = ? ORDER BY id DESC LIMIT 1")
        .param(caseNo).query(this::mapAgreement).optional();
  }

  public void setAgreementStatus(long id, AgreementStatus status) {
    boolean ends = status != AgreementStatus.PENDING_CONFIRMATION && status != AgreementStatus.EFFECTIVE;
    jdbc.sql("UPDATE agreements SET status = ?, effective_at = CASE WHEN ? THEN ? ELSE effective_at END, "
            + "ended_at = CASE WHEN ? THEN ? ELSE ended_at END WHERE id = ?")
        .params(status.name(), status == AgreementStatus.EFFECTIVE, ts(now()), ends, ts(now()), id).update();
  }

  public List<Obligation> obligations(long agreementId) {
    return jdbc.sql("SELECT * FROM obligations WHERE agreement_id = ? ORDER BY position").param(agreementId)
        .query((rs, n) -> new Obligation(rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("position"),
            ObligationKind.valueOf(rs.getString("kind")), rs.getLong("obligor_party_id"),
            rs.getLong("beneficiary_party_id"), rs.getString("description"), rs.getBigDecimal("total_amount"),
            rs.getString("status"))).list();
  }

  public Obligation obligation(long id) {
    return jdbc.sql("SELECT * FROM obligations WHERE id = ?").param(id)
        .query((rs, n) -> new Obligation(rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("position"),
            ObligationKind.valueOf(rs.getString("kind")), rs.getLong("obligor_party_id"),
            rs.getLong("beneficiary_party_id"), rs.getString("description"), rs.getBigDecimal("total_amount"),
            rs.getString("status"))).optional().orElse(null);
  }

  public void setObligationStatus(long id, String status) {
    jdbc.sql("UPDATE obligations SET status = ? WHERE id = ?").params(status, id).update();
  }

  private Item mapItem(ResultSet rs, int n) throws SQLException {
    return new Item(rs.getLong("id"), rs.getLong("obligation_id"), rs.getInt("seq"), rs.getBigDecimal("amount"),
        rs.getObject("due_date", LocalDate.class), ItemStatus.valueOf(rs.getString("status")),
        instant(rs, "grace_until"), rs.getString("evidence"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"));
  }

  public List<Item> items(long obligationId) {
    return jdbc.sql("SELECT * FROM fulfilment_items WHERE obligation_id = ? ORDER BY seq").param(obligationId)
        .query(this::mapItem).list();
  }

  /** Items of an agreement, in due order. */
  public List<Item> agreementItems(long agreementId) {
    return jdbc.sql("SELECT i.* FROM fulfilment_items i JOIN obligations o ON o.id = i.obligation_id "
            + "WHERE o.agreement_id = ? ORDER BY i.due_date, o.position, i.seq").param(agreementId)
        .query(this::mapItem).list();
  }

  /** An instalment or action with the obligation and the agreement it belongs to. */
  public record ItemContext(Item item, Obligation obligation, Agreement agreement) {}

  public ItemContext itemContext(long itemId) {
    Item item = item(itemId);
    Obligation obligation = obligation(item.obligationId());
    return new ItemContext(item, obligation, agreement(obligation.agreementId()));
  }

  public Item item(long id) {
    return jdbc.sql("SELECT * FROM fulfilment_items WHERE id = ?").param(id).query(this::mapItem).single();
  }

  public void setItemStatus(long id, ItemStatus status, String evidence, String actor) {
    jdbc.sql("UPDATE fulfilment_items SET status = ?, evidence = COALESCE(?, evidence), "
            + "confirmed_by = COALESCE(?, confirmed_by), confirmed_at = CASE WHEN ? THEN ? ELSE confirmed_at END WHERE id = ?")
        .params(status.name(), evidence, actor, status == ItemStatus.FULFILLED, ts(now()), id).update();
  }

  public void setGrace(long id, Instant graceUntil) {
    jdbc.sql("UPDATE fulfilment_items SET grace_until = ? WHERE id = ?").params(ts(graceUntil), id).update();
  }

  // -------------------------------------------------------------------------------- tokens

  public void insertToken(String hash, TokenPurpose purpose, long agreementId, Long itemId, long partyId, Instant expiresAt) {
    jdbc.sql("INSERT INTO confirmation_tokens (token_hash, purpose, agreement_id, item_id, party_id, expires_at, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(hash, purpose.name(), agreementId, itemId, partyId, ts(expiresAt), ts(now())).update();
  }

  public Optional<Token> tokenByHash(String hash) {
    return jdbc.sql("SELECT * FROM confirmation_tokens WHERE token_hash = ?").param(hash)
        .query((rs, n) -> new Token(rs.getLong("id"), TokenPurpose.valueOf(rs.getString("purpose")),
            rs.getLong("agreement_id"), (Long) rs.getObject("item_id", Long.class), rs.getLong("party_id"),
            instant(rs, "expires_at"), instant(rs, "used_at"), rs.getString("answer"))).optional();
  }

  /** Marks a token used; false when another request used it first. */
  public boolean useToken(long id, String answer) {
    return jdbc.sql("UPDATE confirmation_tokens SET used_at = ?, answer = ? WHERE id = ? AND used_at IS NULL")
        .params(ts(now()), answer, id).update() == 1;
  }

  /** Parties of an agreement's confirmation links that have not confirmed yet. */
  public long unconfirmed(long agreementId) {
    return jdbc.sql("SELECT COUNT(*) FROM confirmation_tokens WHERE agreement_id = ? AND purpose = 'AGREEMENT' "
            + "AND (answer IS NULL OR answer <> 'CONFIRMED')").param(agreementId).query(Long.class).single();
  }

  /** Retires the open links of an agreement (after a decline or expiry, or when a new round starts). */
  public void expireOpenTokens(long agreementId) {
    jdbc.sql("UPDATE confirmation_tokens SET expires_at = ? WHERE agreement_id = ? AND used_at IS NULL AND expires_at > ?")
        .params(ts(now()), agreementId, ts(now())).update();
  }

  // -------------------------------------------------------------------------------- court

  public void insertReferral(String caseNo, Long agreementId, JudicialKind kind, String station, LocalDate date,
      String result, String actor) {
    insert("INSERT INTO judicial_referrals (case_no, agreement_id, kind, court_station, referral_date, result, actor, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", caseNo, agreementId, kind.name(), station, date, result, actor, ts(now()));
  }
}
