package org.huian.dialogue;

import static org.huian.dialogue.DialogueJdbc.instant;
import static org.huian.dialogue.DialogueJdbc.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The yearly cycle's table: one row per district and year, with its stage and quarter. */
@Repository
class CycleRepository {

  record Cycle(String cycleNo, String districtCode, int year, CycleStatus status, int quarter, String processInstanceId,
      Instant startedAt, String reviewSummary, Instant reviewedAt, Instant closedAt) {}

  private static final RowMapper<Cycle> CYCLE = (rs, n) -> new Cycle(rs.getString("cycle_no"), rs.getString("district_code"),
      rs.getInt("cycle_year"), CycleStatus.valueOf(rs.getString("status")), rs.getInt("quarter"),
      rs.getString("process_instance_id"), instant(rs, "started_at"), rs.getString("review_summary"),
      instant(rs, "reviewed_at"), instant(rs, "closed_at"));

  private final JdbcClient jdbc;

  CycleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertCycle(String cycleNo, String districtCode, int year, int quarter) {
    jdbc.sql("INSERT INTO dialogue_cycles (cycle_no, district_code, cycle_year, status, quarter, started_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(cycleNo, districtCode, year, CycleStatus.IMPLEMENTATION.name(), quarter, ts(DialogueClock.now())).update();
  }

  Optional<Cycle> cycle(String cycleNo) {
    if (!DialogueRules.number(cycleNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_cycles WHERE cycle_no = ?").param(cycleNo).query(CYCLE).optional();
  }

  Optional<Cycle> cycleOfYear(String districtCode, int year) {
    return jdbc.sql("SELECT * FROM dialogue_cycles WHERE cycle_year = ? AND district_code = ?").params(year, districtCode)
        .query(CYCLE).optional();
  }

  List<Cycle> cycles() {
    return jdbc.sql("SELECT * FROM dialogue_cycles ORDER BY cycle_year").query(CYCLE).list();
  }

  void setCycleProcess(String cycleNo, String processInstanceId) {
    jdbc.sql("UPDATE dialogue_cycles SET process_instance_id = ? WHERE cycle_no = ?").params(processInstanceId, cycleNo).update();
  }

  void setCycleQuarter(String cycleNo, int quarter) {
    jdbc.sql("UPDATE dialogue_cycles SET quarter = ? WHERE cycle_no = ?").params(quarter, cycleNo).update();
  }

  void setCycleStatus(String cycleNo, CycleStatus status) {
    jdbc.sql("UPDATE dialogue_cycles SET status = ?, closed_at = ? WHERE cycle_no = ?")
        .params(status.name(), status == CycleStatus.CLOSED ? ts(DialogueClock.now()) : null, cycleNo).update();
  }

  void setReviewSummary(String cycleNo, String summary) {
    jdbc.sql("UPDATE dialogue_cycles SET review_summary = ?, reviewed_at = ? WHERE cycle_no = ?")
        .params(summary, ts(DialogueClock.now()), cycleNo).update();
  }
}
