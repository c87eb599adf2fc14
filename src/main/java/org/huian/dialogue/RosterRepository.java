package org.huian.dialogue;

import static org.huian.dialogue.DialogueJdbc.ts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roster's table: officers assigned by name to the street centres. */
@Repository
class RosterRepository {

  record Officer(String officerNo, String name, Organisation organisation, String role, String contact,
      String streetCode) {}

  private static final RowMapper<Officer> OFFICER = (rs, n) -> new Officer(rs.getString("officer_no"),
      rs.getString("name"), Organisation.valueOf(rs.getString("organisation")), rs.getString("role"),
      rs.getString("contact"), rs.getString("street_code"));

  private final JdbcClient jdbc;

  RosterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertOfficer(Officer o, String actor) {
    jdbc.sql("INSERT INTO dialogue_officers (officer_no, name, organisation, role, contact, street_code, created_by, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(o.officerNo(), o.name(), o.organisation().name(), o.role(), o.contact(), o.streetCode(), actor,
            ts(DialogueClock.now()))
        .update();
  }

  void updateOfficer(Officer o) {
    jdbc.sql("UPDATE dialogue_officers SET name = ?, organisation = ?, role = ?, contact = ?, street_code = ?, "
            + "updated_at = ? WHERE officer_no = ?")
        .params(o.name(), o.organisation().name(), o.role(), o.contact(), o.streetCode(), ts(DialogueClock.now()),
            o.officerNo())
        .update();
  }

  void deleteOfficer(String officerNo) {
    jdbc.sql("DELETE FROM dialogue_officers WHERE officer_no = ?").param(officerNo).update();
  }

  Optional<Officer> officer(String officerNo) {
    if (!DialogueRules.number(officerNo)) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM dialogue_officers WHERE officer_no = ?").param(officerNo).query(OFFICER).optional();
  }

  /** The officers of the given streets, or of all streets when {@code streets} is null. */
  List<Officer> officers(Collection<String> streets) {
    if (streets == null) {
      return jdbc.sql("SELECT * FROM dialogue_officers ORDER BY street_code, officer_no").query(OFFICER).list();
    }
    if (streets.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM dialogue_officers WHERE street_code IN (:s) ORDER BY street_code, officer_no")
        .param("s", streets).query(OFFICER).list();
  }
}
