package org.huian.dialogue;

import static org.huian.dialogue.DialogueJdbc.date;
import static org.huian.dialogue.DialogueJdbc.instant;
import static org.huian.dialogue.DialogueJdbc.ts;
import static org.huian.dialogue.DialogueJdbc.unitFilter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huian.security.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The implementation list's tables (落实清单): each task's progress reports, its escalation and
 * district-level coordination, and the quarterly and annual bulletins that freeze the list's state.
 */
@Repository
class ImplementationRepository {

  record Progress(long id, String taskNo, int percent, String narrative, String reason, boolean hard,
      String reportedBy, Instant reportedAt) {}

  record Bulletin(String bulletinNo, String cycleNo, String kind, Integer quarter, LocalDate asOf,
      String summary, Instant issuedAt) {}

  record Entry(String taskNo, String responsibleUnit, TaskStatus status, int progress, LocalDate deadline,
      boolean overdue, boolean escalated) {}

  private static final RowMapper<Bulletin> BULLETIN = (rs, n) -> new Bulletin(rs.getString("bulletin_no"),
      rs.getString("cycle_no"), rs.getString("kind"), (Integer) rs.getObject("quarter", Integer.class),
      date(rs, "as_of"), rs.getString("summary"), instant(rs, "issued_at"));

  private final JdbcClient jdbc;

  ImplementationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------------------------ progress

  void recordProgress(String taskNo, int percent, String narrative, String reason, boolean hard, String actor) {
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

  List<Progress> progress(String taskNo) {
    return jdbc.sql("SELECT * FROM dialogue_progress WHERE task_no = ? ORDER BY reported_at, id").param(taskNo)
        .query((rs, n) -> new Progress(rs.getLong("id"), rs.getString("task_no"), rs.getInt("percent"),
            rs.getString("narrative"), rs.getString("reason"), rs.getBoolean("hard"), rs.getString("reported_by"),
            instant(rs, "reported_at")))
        .list();
  }

  // -------------------------------------------------------------------------------- coordination

  void markEscalated(String taskNo, LocalDate deadline) {
    jdbc.sql("UPDATE dialogue_tasks SET status = ?, coordination_reason = 'OVERDUE', coordination_at = ?, "
            + "escalated_deadline = ? WHERE task_no = ?")
        .params(TaskStatus.COORDINATION.name(), ts(DialogueClock.now()), deadline, taskNo).update();
  }

  void recordCoordination(String taskNo, String decision, LocalDate newDeadline) {
    jdbc.sql("UPDATE dialogue_tasks SET status = ?, coordination_decision = ?, hard = ?, deadline = COALESCE(?, deadline) "
            + "WHERE task_no = ?")
        .params(TaskStatus.IN_PROGRESS.name(), decision, false, newDeadline, taskNo).update();
  }

  // ----------------------------------------------------------------------------------- bulletins

  void insertBulletin(Bulletin b, List<Entry> entries) {
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

  Optional<Bulletin> bulletin(String bulletinNo) {
    if (!DialogueRules.number(bulletinNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_bulletins WHERE bulletin_no = ?").param(bulletinNo).query(BULLETIN).optional();
  }

  List<Bulletin> bulletins(String cycleNo) {
    if ((cycleNo != null && !DialogueRules.number(cycleNo))) {
      return List.of();
    }
    return cycleNo == null
        ? jdbc.sql("SELECT * FROM dialogue_bulletins ORDER BY issued_at, bulletin_no").query(BULLETIN).list()
        : jdbc.sql("SELECT * FROM dialogue_bulletins WHERE cycle_no = ? ORDER BY issued_at, bulletin_no").param(cycleNo)
            .query(BULLETIN).list();
  }

  List<Entry> entries(String bulletinNo, Scope scope) {
    StringBuilder sql = new StringBuilder("SELECT * FROM dialogue_bulletin_entries WHERE bulletin_no = ?");
    List<Object> args = new ArrayList<>(List.of(bulletinNo));
    unitFilter(sql, args, scope, "responsible_unit");
    sql.append(" ORDER BY task_no");
    return jdbc.sql(sql.toString()).params(args).query((rs, n) -> new Entry(rs.getString("task_no"),
        rs.getString("responsible_unit"), TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
        date(rs, "deadline"), rs.getBoolean("overdue"), rs.getBoolean("escalated"))).list();
  }
}
