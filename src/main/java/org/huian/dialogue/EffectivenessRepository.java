package org.huian.dialogue;

import static org.huian.dialogue.DialogueJdbc.date;
import static org.huian.dialogue.DialogueJdbc.ts;
import static org.huian.dialogue.DialogueJdbc.unitFilter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huian.security.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The effectiveness list's tables (成效清单): each task's rating and each unit's assessment and admonition talk. */
@Repository
class EffectivenessRepository {

  record Assessment(String cycleNo, String unitCode, int taskCount, int onTime, int solved, int partly,
      int notSolved, BigDecimal score, String grade, Boolean admonish, LocalDate admonitionHeldOn,
      String admonitionNote) {}

  private static final RowMapper<Assessment> ASSESSMENT = (rs, n) -> new Assessment(rs.getString("cycle_no"),
      rs.getString("unit_code"), rs.getInt("task_count"), rs.getInt("on_time"), rs.getInt("solved"), rs.getInt("partly"),
      rs.getInt("not_solved"), rs.getBigDecimal("score"), rs.getString("grade"),
      (Boolean) rs.getObject("admonish", Boolean.class), date(rs, "admonition_held_on"), rs.getString("admonition_note"));

  private final JdbcClient jdbc;

  EffectivenessRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void rate(String taskNo, Rating rating, String evidence, String actor) {
    jdbc.sql("UPDATE dialogue_tasks SET rating = ?, rating_evidence = ?, rated_by = ?, rated_at = ? WHERE task_no = ?")
        .params(rating.name(), evidence, actor, ts(DialogueClock.now()), taskNo).update();
  }

  void upsertAssessment(Assessment a) {
    jdbc.sql("DELETE FROM dialogue_assessments WHERE cycle_no = ? AND unit_code = ?").params(a.cycleNo(), a.unitCode()).update();
    jdbc.sql("INSERT INTO dialogue_assessments (cycle_no, unit_code, task_count, on_time, solved, partly, not_solved, score) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(a.cycleNo(), a.unitCode(), a.taskCount(), a.onTime(), a.solved(), a.partly(), a.notSolved(), a.score())
        .update();
  }

  void setGrade(String cycleNo, String unitCode, String grade, boolean admonish) {
    jdbc.sql("UPDATE dialogue_assessments SET grade = ?, admonish = ? WHERE cycle_no = ? AND unit_code = ?")
        .params(grade, admonish, cycleNo, unitCode).update();
  }

  void recordAdmonition(String cycleNo, String unitCode, LocalDate heldOn, String note) {
    jdbc.sql("UPDATE dialogue_assessments SET admonition_held_on = ?, admonition_note = ? WHERE cycle_no = ? AND unit_code = ?")
        .params(heldOn, note, cycleNo, unitCode).update();
  }

  Optional<Assessment> assessment(String cycleNo, String unitCode) {
    if (!DialogueRules.number(cycleNo) || unitCode == null || !DialogueRules.UNIT_CODE.matcher(unitCode).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_assessments WHERE cycle_no = ? AND unit_code = ?").params(cycleNo, unitCode)
        .query(ASSESSMENT).optional();
  }

  List<Assessment> assessments(Scope scope, String cycleNo) {
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
