package org.huian.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.geography.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to Huian's own case tables (SQL that runs on H2 and PostgreSQL alike). */
@Repository
public class CaseRepository {

  private static final String SEQUENCE = "case_no_seq";

  private final JdbcClient jdbc;
  private final DataFieldMaxValueIncrementer caseNumbers;

  CaseRepository(JdbcClient jdbc, org.huian.config.Database database) {
    this.jdbc = jdbc;
    this.caseNumbers = database.sequence(SEQUENCE);
  }

  public long nextSequence() {
    return caseNumbers.nextLongValue();
  }

  public void insert(CaseRow c) {
    jdbc.sql(
            """
            INSERT INTO cases (case_no, external_ref, request_hash, channel, category, title,
              description, street_code, community_code, grid_id, address, lat, lon, reporter_name,
              reporter_phone, reporter_anonymous, people_involved, amount_involved, cross_region,
              cross_department, status, level, unit_code, complexity, level_entered_at, deadline,
              sla, reopen_count, process_instance_id, created_by, created_at, updated_at, closed_at)
            VALUES (:caseNo, :externalRef, :requestHash, :channel, :category, :title,
              :description, :streetCode, :communityCode, :gridId, :address, :lat, :lon,
              :reporterName, :reporterPhone, :reporterAnonymous, :peopleInvolved, :amountInvolved,
              :crossRegion, :crossDepartment, :status, :level, :unitCode, :complexity,
              :levelEnteredAt, :deadline, :sla, :reopenCount, :processInstanceId, :createdBy,
              :createdAt, :updatedAt, :closedAt)
            """)
        .param("caseNo", c.caseNo())
        .param("externalRef", c.externalRef())
        .param("requestHash", c.requestHash())
        .param("channel", c.channel().name())
        .param("category", c.category().name())
        .param("title", c.title())
        .param("description", c.description())
        .param("streetCode", c.streetCode())
        .param("communityCode", c.communityCode())
        .param("gridId", c.gridId())
        .param("address", c.address())
        .param("lat", c.lat())
        .param("lon", c.lon())
        .param("reporterName", c.reporterName())
        .param("reporterPhone", c.reporterPhone())
        .param("reporterAnonymous", c.reporterAnonymous())
        .param("peopleInvolved", c.peopleInvolved())
        .param("amountInvolved", c.amountInvolved())
        .param("crossRegion", c.crossRegion())
        .param("crossDepartment", c.crossDepartment())
        .param("status", c.status().name())
        .param("level", c.level())
        .param("unitCode", c.unitCode())
        .param("complexity", c.complexity() == null ? null : c.complexity().name())
        .param("levelEnteredAt", ts(c.levelEnteredAt()))
        .param("deadline", ts(c.deadline()))
        .param("sla", c.sla().name())
        .param("reopenCount", c.reopenCount())
        .param("processInstanceId", c.processInstanceId())
        .param("createdBy", c.createdBy())
        .param("createdAt", ts(c.createdAt()))
        .param("updatedAt", ts(c.updatedAt()))
        .param("closedAt", ts(c.closedAt()))
        .update();
  }

  public void insertParties(String caseNo, List<StoredParty> parties) {
    for (int i = 0; i < parties.size(); i++) {
      StoredParty p = parties.get(i);
      jdbc.sql(
              "INSERT INTO case_parties (case_no, position, role, kind, name, phone) "
                  + "VALUES (?, ?, ?, ?, ?, ?)")
          .params(caseNo, i, p.role().name(), p.kind().name(), p.name(), p.phone())
          .update();
    }
  }

  /**
   * The case of that number. A string no case number can be (longer than the column, or with a
   * NUL, which PostgreSQL refuses in any text parameter) finds nothing instead of failing, so a
   * client's garbage in a body field is a 404/400, never a 500.
   */
  public Optional<CaseRow> find(String caseNo) {
    if (caseNo == null || caseNo.length() > 32 || caseNo.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM cases WHERE case_no = ?").param(caseNo).query(this::map).optional();
  }

  public CaseRow get(String caseNo) {
    return find(caseNo).orElseThrow(() -> new IllegalStateException("no case " + caseNo));
  }

  public Optional<CaseRow> findByExternalRef(String externalRef) {
    return jdbc.sql("SELECT * FROM cases WHERE external_ref = ?")
        .param(externalRef)
        .query(this::map)
        .optional();
  }

  public List<StoredParty> parties(String caseNo) {
    return jdbc.sql("SELECT id, role, kind, name, phone FROM case_parties WHERE case_no = ? ORDER BY position")
        .param(caseNo)
        .query((rs, n) -> new StoredParty(rs.getLong(1),
            PartyRole.valueOf(rs.getString(2)), PartyKind.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5)))
        .list();
  }

  public List<CaseEvent> events(String caseNo) {
    return jdbc.sql(
            "SELECT event_type, occurred_at, level, unit_code, actor, note FROM case_events "
                + "WHERE case_no = ? ORDER BY id")
        .param(caseNo)
        .query((rs, n) -> new CaseEvent(
            EventType.valueOf(rs.getString(1)), instant(rs, 2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }

  public void addEvent(String caseNo, EventType type, String level, String unitCode, String actor, String note) {
    jdbc.sql(
            "INSERT INTO case_events (case_no, event_type, occurred_at, level, unit_code, actor, note) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(caseNo, type.name(), ts(now()), level, unitCode, actor, note)
        .update();
  }

  /** Appends text to the note of the case's latest timeline entry (the one that brought it to its level). */
  public void appendToLatestEvent(String caseNo, String text) {
    jdbc.sql("UPDATE case_events SET note = CASE WHEN note IS NULL THEN ? ELSE note || ? END "
            + "WHERE id = (SELECT MAX(id) FROM case_events WHERE case_no = ?)")
        .params(text, text, caseNo)
        .update();
  }

  public void addDecision(String caseNo, CaseDecision d) {
    jdbc.sql("INSERT INTO case_decisions (case_no, decision_key, definition_id, version, version_tag, tenant_id, "
            + "activity_id, level, result, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseNo, d.decisionKey(), d.definitionId(), d.version(), d.versionTag(), d.tenantId(), d.activityId(),
            d.level(), d.result(), ts(d.evaluatedAt()))
        .update();
  }

  /** Every decision evaluated for the case, oldest first. */
  public List<CaseDecision> decisions(String caseNo) {
    return jdbc.sql("SELECT decision_key, definition_id, version, version_tag, tenant_id, activity_id, level, result, "
            + "evaluated_at FROM case_decisions WHERE case_no = ? ORDER BY id")
        .param(caseNo)
        .query((rs, n) -> new CaseDecision(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9)))
        .list();
  }

  /** The latest evaluation of a decision for the case. */
  public Optional<CaseDecision> latestDecision(String caseNo, String decisionKey) {
    List<CaseDecision> all = decisions(caseNo);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).decisionKey().equals(decisionKey)) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  /** How many cases a deployed decision version decided for. */
  public long casesDecidedBy(String definitionId) {
    return jdbc.sql("SELECT COUNT(DISTINCT case_no) FROM case_decisions WHERE definition_id = ?")
        .param(definitionId).query(Long.class).single();
  }

  public void addEscalation(
      String caseNo, String fromLevel, String fromUnit, String toLevel, String toUnit,
      EscalationReason reason, String note, String actor) {
    jdbc.sql(
            "INSERT INTO escalations (case_no, from_level, from_unit, to_level, to_unit, reason, "
                + "note, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseNo, fromLevel, fromUnit, toLevel, toUnit, reason.name(), note, actor, ts(now()))
        .update();
  }

  public void linkProcessInstance(String caseNo, String processInstanceId) {
    jdbc.sql("UPDATE cases SET process_instance_id = ? WHERE case_no = ?")
        .params(processInstanceId, caseNo)
        .update();
  }

  /** The case enters a level at a unit: the deadline is set separately. */
  public void enterLevel(String caseNo, Level level, String unitCode, Complexity complexity, Instant enteredAt) {
    jdbc.sql(
            "UPDATE cases SET status = 'IN_PROGRESS', level = ?, unit_code = ?, complexity = ?, "
                + "level_entered_at = ?, sla = 'GREEN', updated_at = ? WHERE case_no = ?")
        .params(level.name(), unitCode, complexity.name(), ts(enteredAt), ts(now()), caseNo)
        .update();
  }

  public void setDeadline(String caseNo, Complexity complexity, Instant deadline) {
    jdbc.sql("UPDATE cases SET complexity = ?, deadline = ?, updated_at = ? WHERE case_no = ?")
        .params(complexity.name(), ts(deadline), ts(now()), caseNo)
        .update();
  }

  public void setUnit(String caseNo, String unitCode) {
    jdbc.sql("UPDATE cases SET unit_code = ?, updated_at = ? WHERE case_no = ?")
        .params(unitCode, ts(now()), caseNo)
        .update();
  }

  public void setSla(String caseNo, Sla sla) {
    jdbc.sql("UPDATE cases SET sla = ?, updated_at = ? WHERE case_no = ?")
        .params(sla.name(), ts(now()), caseNo)
        .update();
  }

  public void setStatus(String caseNo, CaseStatus status) {
    jdbc.sql(
            "UPDATE cases SET status = ?, updated_at = ?, closed_at = ? WHERE case_no = ?")
        .params(status.name(), ts(now()),
            status == CaseStatus.CLOSED || status == CaseStatus.RESOLVED_FULFILLED || status == CaseStatus.DUPLICATE
                ? ts(now()) : null, caseNo)
        .update();
  }

  public void reopen(String caseNo, Instant enteredAt) {
    jdbc.sql(
            "UPDATE cases SET status = 'IN_PROGRESS', reopen_count = reopen_count + 1, "
                + "level_entered_at = ?, sla = 'GREEN', updated_at = ? WHERE case_no = ?")
        .params(ts(enteredAt), ts(now()), caseNo)
        .update();
  }

  /** A page of cases matching the filter and the caller's scope, newest first. */
  public List<CaseRow> list(CaseQuery q, int page, int size) {
    StringBuilder sql = new StringBuilder("SELECT * FROM cases WHERE 1=1");
    List<Object> args = new ArrayList<>();
    q.appendWhere(sql, args);
    sql.append(" ORDER BY created_at DESC, case_no DESC LIMIT ? OFFSET ?");
    args.add(size);
    args.add((long) page * size);
    return jdbc.sql(sql.toString()).params(args).query(this::map).list();
  }

  /**
   * Cases matching a condition written by another capability over this table's columns (with
   * {@code ?} parameters), in the given order, at most {@code limit}; Open311's request search.
   */
  public List<CaseRow> select(String condition, List<Object> args, String orderBy, int limit) {
    List<Object> all = new ArrayList<>(args);
    all.add(limit);
    return jdbc.sql("SELECT * FROM cases WHERE " + condition + " ORDER BY " + orderBy + " LIMIT ?").params(all)
        .query(this::map).list();
  }

  public long count(CaseQuery q) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM cases WHERE 1=1");
    List<Object> args = new ArrayList<>();
    q.appendWhere(sql, args);
    return jdbc.sql(sql.toString()).params(args).query(Long.class).single();
  }

  private CaseRow map(ResultSet rs, int rowNum) throws SQLException {
    String complexity = rs.getString("complexity");
    return new CaseRow(
        rs.getString("case_no"),
        rs.getString("external_ref"),
        rs.getString("request_hash"),
        Channel.valueOf(rs.getString("channel")),
        Category.valueOf(rs.getString("category")),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("street_code"),
        rs.getString("community_code"),
        rs.getString("grid_id"),
        rs.getString("address"),
        (Double) rs.getObject("lat", Double.class),
        (Double) rs.getObject("lon", Double.class),
        rs.getString("reporter_name"),
        rs.getString("reporter_phone"),
        rs.getBoolean("reporter_anonymous"),
        rs.getInt("people_involved"),
        rs.getBigDecimal("amount_involved"),
        rs.getBoolean("cross_region"),
        rs.getBoolean("cross_department"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("level"),
        rs.getString("unit_code"),
        complexity == null ? null : Complexity.valueOf(complexity),
        instant(rs, "level_entered_at"),
        instant(rs, "deadline"),
        Sla.valueOf(rs.getString("sla")),
        rs.getInt("reopen_count"),
        rs.getString("process_instance_id"),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "closed_at"));
  }

  /** Engine time, so that timelines agree with timers when tests move the engine clock. */
  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
