package org.huian.dialogue;

import static org.huian.dialogue.DialogueJdbc.date;
import static org.huian.dialogue.DialogueJdbc.instant;
import static org.huian.dialogue.DialogueJdbc.streetFilter;
import static org.huian.dialogue.DialogueJdbc.ts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huian.security.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The problem list's tables (问题清单): the meetings, the problems they raised and what each problem links to. */
@Repository
class ProblemRepository {

  record Meeting(String meetingNo, String cycleNo, MeetingMode mode, LocalDate date, String streetCode,
      String participants, String notes, String createdBy, Instant createdAt) {}

  record Problem(String problemNo, String meetingNo, String cycleNo, String streetCode, String title,
      String description, String taskNo, Instant createdAt) {}

  record Link(LinkKind kind, String reference) {}

  private static final RowMapper<Meeting> MEETING = (rs, n) -> new Meeting(rs.getString("meeting_no"),
      rs.getString("cycle_no"), MeetingMode.valueOf(rs.getString("mode")), date(rs, "meeting_date"),
      rs.getString("street_code"), rs.getString("participants"), rs.getString("notes"), rs.getString("created_by"),
      instant(rs, "created_at"));

  private static final RowMapper<Problem> PROBLEM = (rs, n) -> new Problem(rs.getString("problem_no"),
      rs.getString("meeting_no"), rs.getString("cycle_no"), rs.getString("street_code"), rs.getString("title"),
      rs.getString("description"), rs.getString("task_no"), instant(rs, "created_at"));

  private final JdbcClient jdbc;

  ProblemRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------------------------ meetings

  void insertMeeting(Meeting m) {
    jdbc.sql("INSERT INTO dialogue_meetings (meeting_no, cycle_no, mode, meeting_date, street_code, participants, notes, "
            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(m.meetingNo(), m.cycleNo(), m.mode().name(), m.date(), m.streetCode(), m.participants(), m.notes(),
            m.createdBy(), ts(m.createdAt()))
        .update();
  }

  Optional<Meeting> meeting(String meetingNo) {
    if (!DialogueRules.number(meetingNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_meetings WHERE meeting_no = ?").param(meetingNo).query(MEETING).optional();
  }

  List<Meeting> meetings(Scope scope, String cycleNo) {
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

  // ------------------------------------------------------------------------------------ problems

  void insertProblem(Problem p, List<Link> links) {
    jdbc.sql("INSERT INTO dialogue_problems (problem_no, meeting_no, cycle_no, street_code, title, description, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(p.problemNo(), p.meetingNo(), p.cycleNo(), p.streetCode(), p.title(), p.description(), ts(p.createdAt()))
        .update();
    for (Link l : links) {
      jdbc.sql("INSERT INTO dialogue_problem_links (problem_no, kind, reference) VALUES (?, ?, ?)")
          .params(p.problemNo(), l.kind().name(), l.reference()).update();
    }
  }

  Optional<Problem> problem(String problemNo) {
    if (!DialogueRules.number(problemNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_problems WHERE problem_no = ?").param(problemNo).query(PROBLEM).optional();
  }

  List<Problem> problems(Scope scope, String cycleNo, String meetingNo) {
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

  /** The problems a task was made of (the task list points back at the problem list). */
  List<Problem> problemsOfTask(String taskNo) {
    return jdbc.sql("SELECT * FROM dialogue_problems WHERE task_no = ? ORDER BY problem_no").param(taskNo).query(PROBLEM).list();
  }

  List<Link> links(String problemNo) {
    return jdbc.sql("SELECT kind, reference FROM dialogue_problem_links WHERE problem_no = ? ORDER BY id").param(problemNo)
        .query((rs, n) -> new Link(LinkKind.valueOf(rs.getString("kind")), rs.getString("reference"))).list();
  }

  void assignProblem(String problemNo, String taskNo) {
    jdbc.sql("UPDATE dialogue_problems SET task_no = ? WHERE problem_no = ?").params(taskNo, problemNo).update();
  }

  /** Whether a table exists (risk monitoring's tables may not yet); checked without a failing statement. */
  boolean tableExists(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?").param(table)
        .query(Long.class).single() > 0;
  }

  boolean referenceExists(LinkKind kind, String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " WHERE " + kind.column() + " = ?").param(reference)
        .query(Long.class).single() > 0;
  }
}
