package org.huian.dialogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.huian.security.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to the dialogue tables (SQL that runs on H2 and PostgreSQL alike). */
@Repository
public class DialogueRepository {

  public record Officer(String officerNo, String name, Organisation organisation, String role, String contact,
      String streetCode) {}

  public record Cycle(String cycleNo, String districtCode, int year, CycleStatus status, int quarter, String processInstanceId,
      Instant startedAt, String reviewSummary, Instant reviewedAt, Instant closedAt) {}

  public record Meeting(String meetingNo, String cycleNo, MeetingMode mode, LocalDate date, String streetCode,
      String participants, String notes, String createdBy, Instant createdAt) {}

  public record Problem(String problemNo, String meetingNo, String cycleNo, String streetCode, String title,
      String description, String taskNo, Instant createdAt) {}

  public record Link(LinkKind kind, String reference) {}

  public record Task(String taskNo, String cycleNo, String title, String target, String responsibleUnit,
      String areaCode, LocalDate deadline, TaskStatus status, int progress, boolean hard, String coordinationReason,
      Instant coordinationAt, String coordinationDecision, LocalDate escalatedDeadline, Instant completedAt,
      Rating rating, String ratingEvidence, String ratedBy, Instant ratedAt, String processInstanceId,
      String createdBy, Instant createdAt) {

    /** Not done and past the end of its deadline day. */
    public boolean overdueOn(LocalDate day) {
      return status != TaskStatus.DONE && day.isAfter(deadline);
    }

    public boolean onTime() {
      return completedAt != null && !completedAt.isAfter(DialogueClock.endOf(deadline).toInstant());
    }
  }

  public record Progress(long id, String taskNo, int percent, String narrative, String reason, boolean hard,
      String reportedBy, Instant reportedAt) {}

  public record Bulletin(String bulletinNo, String cycleNo, String kind, Integer quarter, LocalDate asOf,
      String summary, Instant issuedAt) {}

  public record Entry(String taskNo, String responsibleUnit, TaskStatus status, int progress, LocalDate deadline,
      boolean overdue, boolean escalated) {}

  public record Assessment(String cycleNo, String unitCode, int taskCount, int onTime, int solved, int partly,
      int notSolved, BigDecimal score, String grade, Boolean admonish, LocalDate admonitionHeldOn,
      String admonitionNote) {}

  private final JdbcClient jdbc;

  DialogueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String c) throws SQLException {
    OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static LocalDate date(ResultSet rs, String c) throws SQLException {
    return rs.getObject(c, LocalDate.class);
  }

  /** The next readable number of a kind; the UPDATE locks the counter row until the transaction ends. */
  long next(String kind) {
    jdbc.sql("UPDATE dialogue_counters SET next_value = next_value + 1 WHERE name = ?").param(kind).update();
    return jdbc.sql("SELECT next_value - 1 FROM dialogue_counters WHERE name = ?").param(kind).query(Long.class).single();
  }

  // ------------------------------------------------------------------------------------ officers

  private static final RowMapper<Officer> OFFICER = (rs, n) -> new Officer(rs.getString("officer_no"),
      rs.getString("name"), Organisation.valueOf(rs.getString("organisation")), rs.getString("role"),
      rs.getString("contact"), rs.getString("street_code"));

  public void insertOfficer(Officer o, String actor) {
    jdbc.sql("INSERT INTO dialogue_officers (officer_no, name, organisation, role, contact, street_code, created_by, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(o.officerNo(), o.name(), o.organisation().name(), o.role(), o.contact(), o.streetCode(), actor,
            ts(DialogueClock.now()))
        .update();
  }

  public void updateOfficer(Officer o) {
    jdbc.sql("UPDATE dialogue_officers SET name = ?, organisation = ?, role = ?, contact = ?, street_code = ?, "
            + "updated_at = ? WHERE officer_no = ?")
        .params(o.name(), o.organisation().name(), o.role(), o.contact(), o.streetCode(), ts(DialogueClock.now()),
            o.officerNo())
        .update();
  }

  public void deleteOfficer(String officerNo) {
    jdbc.sql("DELETE FROM dialogue_officers WHERE officer_no = ?").param(officerNo).update();
  }

  public Optional<Officer> officer(String officerNo) {
    if (!DialogueRules.number(officerNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_officers WHERE officer_no = ?").param(officerNo).query(OFFICER).optional();
  }

  public List<Officer> officers(Collection<String> streets) {
    if (streets == null) {
      return jdbc.sql("SELECT * FROM dialogue_officers ORDER BY street_code, officer_no").query(OFFICER).list();
    }
    if (streets.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM dialogue_officers WHERE street_code IN (:s) ORDER BY street_code, officer_no")
        .param("s", streets).query(OFFICER).list();
  }

  // -------------------------------------------------------------------------------------- cycles

  private static final RowMapper<Cycle> CYCLE = (rs, n) -> new Cycle(rs.getString("cycle_no"), rs.getString("district_code"), rs.getInt("cycle_year"),
      CycleStatus.valueOf(rs.getString("status")), rs.getInt("quarter"), rs.getString("process_instance_id"),
      instant(rs, "started_at"), rs.getString("review_summary"), instant(rs, "reviewed_at"), instant(rs, "closed_at"));

  public void insertCycle(String cycleNo, String districtCode, int year, int quarter) {
    jdbc.sql("INSERT INTO dialogue_cycles (cycle_no, district_code, cycle_year, status, quarter, started_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(cycleNo, districtCode, year, CycleStatus.IMPLEMENTATION.name(), quarter, ts(DialogueClock.now())).update();
  }

  public Optional<Cycle> cycle(String cycleNo) {
    if (!DialogueRules.number(cycleNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_cycles WHERE cycle_no = ?").param(cycleNo).query(CYCLE).optional();
  }

  public Optional<Cycle> cycleOfYear(String districtCode, int year) {
    return jdbc.sql("SELECT * FROM dialogue_cycles WHERE cycle_year = ? AND district_code = ?").params(year, districtCode)
        .query(CYCLE).optional();
  }

  public List<Cycle> cycles() {
    return jdbc.sql("SELECT * FROM dialogue_cycles ORDER BY cycle_year").query(CYCLE).list();
  }

  public void setCycleProcess(String cycleNo, String processInstanceId) {
    jdbc.sql("UPDATE dialogue_cycles SET process_instance_id = ? WHERE cycle_no = ?").params(processInstanceId, cycleNo).update();
  }

  public void setCycleQuarter(String cycleNo, int quarter) {
    jdbc.sql("UPDATE dialogue_cycles SET quarter = ? WHERE cycle_no = ?").params(quarter, cycleNo).update();
  }

  public void setCycleStatus(String cycleNo, CycleStatus status) {
    jdbc.sql("UPDATE dialogue_cycles SET status = ?, closed_at = ? WHERE cycle_no = ?")
        .params(status.name(), status == CycleStatus.CLOSED ? ts(DialogueClock.now()) : null, cycleNo).update();
  }

  public void setReviewSummary(String cycleNo, String summary) {
    jdbc.sql("UPDATE dialogue_cycles SET review_summary = ?, reviewed_at = ? WHERE cycle_no = ?")
        .params(summary, ts(DialogueClock.now()), cycleNo).update();
  }

  // ------------------------------------------------------------------------------------ meetings

  private static final RowMapper<Meeting> MEETING = (rs, n) -> new Meeting(rs.getString("meeting_no"),
      rs.getString("cycle_no"), MeetingMode.valueOf(rs.getString("mode")), date(rs, "meeting_date"),
      rs.getString("street_code"), rs.getString("participants"), rs.getString("notes"), rs.getString("created_by"),
      instant(rs, "created_at"));

  public void insertMeeting(Meeting m) {
    jdbc.sql("INSERT INTO dialogue_meetings (meeting_no, cycle_no, mode, meeting_date, street_code, participants, notes, "
            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(m.meetingNo(), m.cycleNo(), m.mode().name(), m.date(), m.streetCode(), m.participants(), m.notes(),
            m.createdBy(), ts(m.createdAt()))
        .update();
  }

  public Optional<Meeting> meeting(String meetingNo) {
    if (!DialogueRules.number(meetingNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_meetings WHERE meeting_no = ?").param(meetingNo).query(MEETING).optional();
  }

  public List<Meeting> meetings(Scope scope, String cycleNo) {
    if ((cycleNo != null && !DialogueRules.number(cycleNo))) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM dialogue_meetings WHERE 1=1");
    List<Object> args = new ArrayList<>();
    streetFilter(sql, args, scope, "street_code");
    if (cycleNo != null) {
      sql.append(" AND cycle_no = ?");
      args.add(cycleNo);
    }
    sql.append(" ORDER BY meeting_date DESC, meeting_no DESC");
    return jdbc.sql(sql.toString()).params(args).query(MEETING).list();
  }

  private static void streetFilter(StringBuilder sql, List<Object> args, Scope scope, String column) {
    if (scope.all()) {
      return;
    }
    if (scope.streets().isEmpty()) {
      sql.append(" AND 1=0");
      return;
    }
    sql.append(" AND ").append(column).append(" IN (")
        .append(String.join(", ", scope.streets().stream().map(s -> "?").toList())).append(")");
    args.addAll(scope.streets());
  }

  private static void unitFilter(StringBuilder sql, List<Object> args, Scope scope, String column) {
    if (scope.all()) {
      return;
    }
    if (scope.units().isEmpty()) {
      sql.append(" AND 1=0");
      return;
    }
    sql.append(" AND ").append(column).append(" IN (")
        .append(String.join(", ", scope.units().stream().map(s -> "?").toList())).append(")");
    args.addAll(scope.units());
  }

  // ------------------------------------------------------------------------------------ problems

  private static final RowMapper<Problem> PROBLEM = (rs, n) -> new Problem(rs.getString("problem_no"),
      rs.getString("meeting_no"), rs.getString("cycle_no"), rs.getString("street_code"), rs.getString("title"),
      rs.getString("description"), rs.getString("task_no"), instant(rs, "created_at"));

  public void insertProblem(Problem p, List<Link> links) {
    jdbc.sql("INSERT INTO dialogue_problems (problem_no, meeting_no, cycle_no, street_code, title, description, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(p.problemNo(), p.meetingNo(), p.cycleNo(), p.streetCode(), p.title(), p.description(), ts(p.createdAt()))
        .update();
    for (Link l : links) {
      jdbc.sql("INSERT INTO dialogue_problem_links (problem_no, kind, reference) VALUES (?, ?, ?)")
          .params(p.problemNo(), l.kind().name(), l.reference()).update();
    }
  }

  public Optional<Problem> problem(String problemNo) {
    if (!DialogueRules.number(problemNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_problems WHERE problem_no = ?").param(problemNo).query(PROBLEM).optional();
  }

  public List<Problem> problems(Scope scope, String cycleNo, String meetingNo) {
    if ((cycleNo != null && !DialogueRules.number(cycleNo)) || (meetingNo != null && !DialogueRules.number(meetingNo))) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM dialogue_problems WHERE 1=1");
    List<Object> args = new ArrayList<>();
    streetFilter(sql, args, scope, "street_code");
    if (cycleNo != null) {
      sql.append(" AND cycle_no = ?");
      args.add(cycleNo);
    }
    if (meetingNo != null) {
      sql.append(" AND meeting_no = ?");
      args.add(meetingNo);
    }
    sql.append(" ORDER BY problem_no");
    return jdbc.sql(sql.toString()).params(args).query(PROBLEM).list();
  }

  public List<Problem> problemsOfTask(String taskNo) {
    return jdbc.sql("SELECT * FROM dialogue_problems WHERE task_no = ? ORDER BY problem_no").param(taskNo).query(PROBLEM).list();
  }

  public List<Link> links(String problemNo) {
    return jdbc.sql("SELECT kind, reference FROM dialogue_problem_links WHERE problem_no = ? ORDER BY id").param(problemNo)
        .query((rs, n) -> new Link(LinkKind.valueOf(rs.getString("kind")), rs.getString("reference"))).list();
  }

  public void assignProblem(String problemNo, String taskNo) {
    jdbc.sql("UPDATE dialogue_problems SET task_no = ? WHERE problem_no = ?").params(taskNo, problemNo).update();
  }

  /** Whether a table exists (risk monitoring's tables may not yet); checked without a failing statement. */
  public boolean tableExists(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?").param(table)
        .query(Long.class).single() > 0;
  }

  public boolean referenceExists(LinkKind kind, String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " WHERE " + kind.column() + " = ?").param(reference)
        .query(Long.class).single() > 0;
  }

  // --------------------------------------------------------------------------------------- tasks

  private static final RowMapper<Task> TASK = (rs, n) -> new Task(rs.getString("task_no"), rs.getString("cycle_no"),
      rs.getString("title"), rs.getString("target"), rs.getString("responsible_unit"), rs.getString("area_code"),
      date(rs, "deadline"), TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getBoolean("hard"),
      rs.getString("coordination_reason"), instant(rs, "coordination_at"), rs.getString("coordination_decision"),
      date(rs, "escalated_deadline"), instant(rs, "completed_at"),
      rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")), rs.getString("rating_evidence"),
      rs.getString("rated_by"), instant(rs, "rated_at"), rs.getString("process_instance_id"), rs.getString("created_by"),
      instant(rs, "created_at"));

  public void insertTask(Task t) {
    jdbc.sql("INSERT INTO dialogue_tasks (task_no, cycle_no, title, target, responsible_unit, area_code, deadline, status, "
            + "progress, hard, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(t.taskNo(), t.cycleNo(), t.title(), t.target(), t.responsibleUnit(), t.areaCode(), t.deadline(),
            t.status().name(), t.progress(), t.hard(), t.createdBy(), ts(t.createdAt()))
        .update();
  }

  public Optional<Task> task(String taskNo) {
    if (!DialogueRules.number(taskNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_tasks WHERE task_no = ?").param(taskNo).query(TASK).optional();
  }

  public Task requireTask(String taskNo) {
    return task(taskNo).orElseThrow(() -> new IllegalStateException("no dialogue task " + taskNo));
  }

  public List<Task> tasks(Scope scope, String cycleNo) {
    if ((cycleNo != null && !DialogueRules.number(cycleNo))) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM dialogue_tasks WHERE 1=1");
    List<Object> args = new ArrayList<>();
    unitFilter(sql, args, scope, "responsible_unit");
    if (cycleNo != null) {
      sql.append(" AND cycle_no = ?");
      args.add(cycleNo);
    }
    sql.append(" ORDER BY task_no");
    return jdbc.sql(sql.toString()).params(args).query(TASK).list();
  }

  public void setTaskProcess(String taskNo, String processInstanceId) {
    jdbc.sql("UPDATE dialogue_tasks SET process_instance_id = ? WHERE task_no = ?").params(processInstanceId, taskNo).update();
  }

  public void recordProgress(String taskNo, int percent, String narrative, String reason, boolean hard, String actor) {
    Instant now = DialogueClock.now();
    jdbc.sql("INSERT INTO dialogue_progress (task_no, percent, narrative, reason, hard, reported_by, reported_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(taskNo, percent, narrative, reason, hard, actor, ts(now)).update();
    jdbc.sql("UPDATE dialogue_tasks SET progress = ?, hard = ?, completed_at = ?, status = ? WHERE task_no = ?")
        .params(percent, hard, percent == 100 ? ts(now) : null,
            (percent == 100 ? TaskStatus.DONE : hard ? TaskStatus.COORDINATION : TaskStatus.IN_PROGRESS).name(), taskNo)
        .update();
    if (hard && percent < 100) {
      jdbc.sql("UPDATE dialogue_tasks SET coordination_reason = 'HARD', coordination_at = ? WHERE task_no = ?")
          .params(ts(now), taskNo).update();
    }
  }

  public List<Progress> progress(String taskNo) {
    return jdbc.sql("SELECT * FROM dialogue_progress WHERE task_no = ? ORDER BY reported_at, id").param(taskNo)
        .query((rs, n) -> new Progress(rs.getLong("id"), rs.getString("task_no"), rs.getInt("percent"),
            rs.getString("narrative"), rs.getString("reason"), rs.getBoolean("hard"), rs.getString("reported_by"),
            instant(rs, "reported_at")))
        .list();
  }

  public void markEscalated(String taskNo, LocalDate deadline) {
    jdbc.sql("UPDATE dialogue_tasks SET status = ?, coordination_reason = 'OVERDUE', coordination_at = ?, "
            + "escalated_deadline = ? WHERE task_no = ?")
        .params(TaskStatus.COORDINATION.name(), ts(DialogueClock.now()), deadline, taskNo).update();
  }

  public void recordCoordination(String taskNo, String decision, LocalDate newDeadline) {
    jdbc.sql("UPDATE dialogue_tasks SET status = ?, coordination_decision = ?, hard = ?, deadline = COALESCE(?, deadline) "
            + "WHERE task_no = ?")
        .params(TaskStatus.IN_PROGRESS.name(), decision, false, newDeadline, taskNo).update();
  }

  public void setTaskStatus(String taskNo, TaskStatus status) {
    jdbc.sql("UPDATE dialogue_tasks SET status = ? WHERE task_no = ?").params(status.name(), taskNo).update();
  }

  public void rate(String taskNo, Rating rating, String evidence, String actor) {
    jdbc.sql("UPDATE dialogue_tasks SET rating = ?, rating_evidence = ?, rated_by = ?, rated_at = ? WHERE task_no = ?")
        .params(rating.name(), evidence, actor, ts(DialogueClock.now()), taskNo).update();
  }

  // ----------------------------------------------------------------------------------- bulletins

  private static final RowMapper<Bulletin> BULLETIN = (rs, n) -> new Bulletin(rs.getString("bulletin_no"),
      rs.getString("cycle_no"), rs.getString("kind"), (Integer) rs.getObject("quarter", Integer.class),
      date(rs, "as_of"), rs.getString("summary"), instant(rs, "issued_at"));

  public void insertBulletin(Bulletin b, List<Entry> entries) {
    jdbc.sql("INSERT INTO dialogue_bulletins (bulletin_no, cycle_no, kind, quarter, as_of, summary, issued_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(b.bulletinNo(), b.cycleNo(), b.kind(), b.quarter(), b.asOf(), b.summary(), ts(b.issuedAt())).update();
    for (Entry e : entries) {
      jdbc.sql("INSERT INTO dialogue_bulletin_entries (bulletin_no, task_no, responsible_unit, status, progress, deadline, "
              + "overdue, escalated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(b.bulletinNo(), e.taskNo(), e.responsibleUnit(), e.status().name(), e.progress(), e.deadline(),
              e.overdue(), e.escalated())
          .update();
    }
  }

  public Optional<Bulletin> bulletin(String bulletinNo) {
    if (!DialogueRules.number(bulletinNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_bulletins WHERE bulletin_no = ?").param(bulletinNo).query(BULLETIN).optional();
  }

  public List<Bulletin> bulletins(String cycleNo) {
    if ((cycleNo != null && !DialogueRules.number(cycleNo))) {
      return List.of();
    }
    return cycleNo == null
        ? jdbc.sql("SELECT * FROM dialogue_bulletins ORDER BY issued_at, bulletin_no").query(BULLETIN).list()
        : jdbc.sql("SELECT * FROM dialogue_bulletins WHERE cycle_no = ? ORDER BY issued_at, bulletin_no").param(cycleNo)
            .query(BULLETIN).list();
  }

  public List<Entry> entries(String bulletinNo, Scope scope) {
    StringBuilder sql = new StringBuilder("SELECT * FROM dialogue_bulletin_entries WHERE bulletin_no = ?");
    List<Object> args = new ArrayList<>(List.of(bulletinNo));
    unitFilter(sql, args, scope, "responsible_unit");
    sql.append(" ORDER BY task_no");
    return jdbc.sql(sql.toString()).params(args).query((rs, n) -> new Entry(rs.getString("task_no"),
        rs.getString("responsible_unit"), TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
        date(rs, "deadline"), rs.getBoolean("overdue"), rs.getBoolean("escalated"))).list();
  }

  // --------------------------------------------------------------------------------- assessments

  private static final RowMapper<Assessment> ASSESSMENT = (rs, n) -> new Assessment(rs.getString("cycle_no"),
      rs.getString("unit_code"), rs.getInt("task_count"), rs.getInt("on_time"), rs.getInt("solved"), rs.getInt("partly"),
      rs.getInt("not_solved"), rs.getBigDecimal("score"), rs.getString("grade"),
      (Boolean) rs.getObject("admonish", Boolean.class), date(rs, "admonition_held_on"), rs.getString("admonition_note"));

  public void upsertAssessment(Assessment a) {
    jdbc.sql("DELETE FROM dialogue_assessments WHERE cycle_no = ? AND unit_code = ?").params(a.cycleNo(), a.unitCode()).update();
    jdbc.sql("INSERT INTO dialogue_assessments (cycle_no, unit_code, task_count, on_time, solved, partly, not_solved, score) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(a.cycleNo(), a.unitCode(), a.taskCount(), a.onTime(), a.solved(), a.partly(), a.notSolved(), a.score())
        .update();
  }

  public void setGrade(String cycleNo, String unitCode, String grade, boolean admonish) {
    jdbc.sql("UPDATE dialogue_assessments SET grade = ?, admonish = ? WHERE cycle_no = ? AND unit_code = ?")
        .params(grade, admonish, cycleNo, unitCode).update();
  }

  public void recordAdmonition(String cycleNo, String unitCode, LocalDate heldOn, String note) {
    jdbc.sql("UPDATE dialogue_assessments SET admonition_held_on = ?, admonition_note = ? WHERE cycle_no = ? AND unit_code = ?")
        .params(heldOn, note, cycleNo, unitCode).update();
  }

  public Optional<Assessment> assessment(String cycleNo, String unitCode) {
    if (!DialogueRules.number(cycleNo) || unitCode == null || !DialogueRules.UNIT_CODE.matcher(unitCode).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_assessments WHERE cycle_no = ? AND unit_code = ?").params(cycleNo, unitCode)
        .query(ASSESSMENT).optional();
  }

  public List<Assessment> assessments(Scope scope, String cycleNo) {
    if ((cycleNo != null && !DialogueRules.number(cycleNo))) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM dialogue_assessments WHERE 1=1");
    List<Object> args = new ArrayList<>();
    unitFilter(sql, args, scope, "unit_code");
    if (cycleNo != null) {
      sql.append(" AND cycle_no = ?");
      args.add(cycleNo);
    }
    sql.append(" ORDER BY cycle_no, score DESC, unit_code");
    return jdbc.sql(sql.toString()).params(args).query(ASSESSMENT).list();
  }
}
