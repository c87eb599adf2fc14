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
 * The task list's table (任务清单). A row also carries what the later lists record on the task
 * (progress and coordination: {@link ImplementationRepository}; rating: {@link EffectivenessRepository}).
 */
@Repository
class TaskRepository {

  record Task(String taskNo, String cycleNo, String title, String target, String responsibleUnit,
      String areaCode, LocalDate deadline, TaskStatus status, int progress, boolean hard, String coordinationReason,
      Instant coordinationAt, String coordinationDecision, LocalDate escalatedDeadline, Instant completedAt,
      Rating rating, String ratingEvidence, String ratedBy, Instant ratedAt, String processInstanceId,
      String createdBy, Instant createdAt) {

    /** Not done and past the end of its deadline day. */
    boolean overdueOn(LocalDate day) {
      return status != TaskStatus.DONE && day.isAfter(deadline);
    }

    boolean onTime() {
      return completedAt != null && !completedAt.isAfter(DialogueClock.endOf(deadline).toInstant());
    }
  }

  private static final RowMapper<Task> TASK = (rs, n) -> new Task(rs.getString("task_no"), rs.getString("cycle_no"),
      rs.getString("title"), rs.getString("target"), rs.getString("responsible_unit"), rs.getString("area_code"),
      date(rs, "deadline"), TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getBoolean("hard"),
      rs.getString("coordination_reason"), instant(rs, "coordination_at"), rs.getString("coordination_decision"),
      date(rs, "escalated_deadline"), instant(rs, "completed_at"),
      rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")), rs.getString("rating_evidence"),
      rs.getString("rated_by"), instant(rs, "rated_at"), rs.getString("process_instance_id"), rs.getString("created_by"),
      instant(rs, "created_at"));

  private final JdbcClient jdbc;

  TaskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertTask(Task t) {
    jdbc.sql("INSERT INTO dialogue_tasks (task_no, cycle_no, title, target, responsible_unit, area_code, deadline, status, "
            + "progress, hard, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(t.taskNo(), t.cycleNo(), t.title(), t.target(), t.responsibleUnit(), t.areaCode(), t.deadline(),
            t.status().name(), t.progress(), t.hard(), t.createdBy(), ts(t.createdAt()))
        .update();
  }

  Optional<Task> task(String taskNo) {
    if (!DialogueRules.number(taskNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_tasks WHERE task_no = ?").param(taskNo).query(TASK).optional();
  }

  Task requireTask(String taskNo) {
    return task(taskNo).orElseThrow(() -> new IllegalStateException("no dialogue task " + taskNo));
  }

  List<Task> tasks(Scope scope, String cycleNo) {
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

  void setTaskProcess(String taskNo, String processInstanceId) {
    jdbc.sql("UPDATE dialogue_tasks SET process_instance_id = ? WHERE task_no = ?").params(processInstanceId, taskNo).update();
  }

  void setTaskStatus(String taskNo, TaskStatus status) {
    jdbc.sql("UPDATE dialogue_tasks SET status = ? WHERE task_no = ?").params(status.name(), taskNo).update();
  }
}
