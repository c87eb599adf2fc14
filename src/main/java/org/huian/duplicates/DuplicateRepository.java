package org.huian.duplicates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huian.security.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The match keys and the duplicate links (V16), in SQL that runs on H2 and PostgreSQL alike. */
@Repository
class DuplicateRepository {

  static final String DUPLICATE_OF = "DUPLICATE_OF";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  DuplicateRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** A case as matching reads it, with what a suggestion shows. */
  record Candidate(String caseNo, String status, String level, String unitCode, Instant closedAt, Probe probe) {}

  record Link(String caseNo, String originalCaseNo, String actor, String note, Instant createdAt) {}

  void insertKeys(String caseNo, Instant createdAt, Collection<String> keys) {
    Timestamp at = Timestamp.from(createdAt);
    template.batchUpdate("INSERT INTO case_match_keys (key_value, case_no, created_at) VALUES (?, ?, ?)",
        keys.stream().map(k -> new Object[] {k, caseNo, at}).toList());
  }

  /**
   * For each key, the newest {@code perKey} cases holding it; answers how many of the keys each
   * case holds, weighted by {@code weight}. One statement of {@code UNION ALL} branches, each an
   * index range scan with a limit.
   */
  Map<String, Double> candidates(List<String> keys, int perKey, java.util.function.ToDoubleFunction<String> weight) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (String k : keys) {
      if (!sql.isEmpty()) {
        sql.append(" UNION ALL ");
      }
      sql.append("SELECT key_value, case_no FROM (SELECT key_value, case_no FROM case_match_keys WHERE key_value = ? "
          + "ORDER BY created_at DESC LIMIT ?) k").append(args.size());
      args.add(k);
      args.add(perKey);
    }
    Map<String, Double> weights = new HashMap<>();
    jdbc.sql(sql.toString()).params(args).query((ResultSet rs) -> {
      weights.merge(rs.getString(2), weight.applyAsDouble(rs.getString(1)), Double::sum);
    });
    return weights;
  }

  /**
   * The cases among {@code caseNos} that may be suggested: in the caller's scope, not themselves
   * closed as duplicates, open or closed since {@code closedSince}.
   */
  List<Candidate> load(Collection<String> caseNos, Scope scope, Instant closedSince) {
    return load(caseNos, scope, closedSince, true);
  }

  /** One case as matching reads it, whatever its status. */
  Optional<Candidate> probe(String caseNo) {
    return load(List.of(caseNo), Scope.everything(), null, false).stream().findFirst();
  }

  private List<Candidate> load(Collection<String> caseNos, Scope scope, Instant closedSince, boolean suggestable) {
    if (caseNos.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT c.case_no, c.status, c.level, c.unit_code, c.closed_at, c.title, c.description, "
        + "c.category, c.street_code, c.community_code, c.grid_id, c.address, c.reporter_name, c.reporter_phone, c.created_at "
        + "FROM cases c WHERE c.case_no IN (" + String.join(", ", caseNos.stream().map(n -> "?").toList()) + ")");
    List<Object> args = new ArrayList<>(caseNos);
    if (suggestable) {
      sql.append(" AND c.status NOT IN ('RECEIVED', 'DUPLICATE') AND (c.closed_at IS NULL OR c.closed_at >= ?)");
      args.add(ts(closedSince));
    }
    scope.appendSql(sql, args, "c");
    Map<String, Object[]> rows = new LinkedHashMap<>();
    jdbc.sql(sql.toString()).params(args).query((ResultSet rs) -> {
      rows.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
          rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
          rs.getString(12), rs.getString(13), rs.getString(14), instant(rs, 15)});
    });
    Map<String, List<Probe.Subject>> subjects = subjects(rows.keySet());
    List<Candidate> out = new ArrayList<>();
    rows.forEach((caseNo, r) -> {
      List<Probe.Subject> s = new ArrayList<>(subjects.getOrDefault(caseNo, List.of()));
      if (r[11] != null || r[12] != null) {
        s.add(new Probe.Subject(false, (String) r[11], (String) r[12], null));
      }
      out.add(new Candidate(caseNo, (String) r[0], (String) r[1], (String) r[2], (Instant) r[3],
          new Probe((String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10],
              s, (Instant) r[13])));
    });
    return out;
  }

  /** The parties of the cases, as subjects (a credit code written in the name is read from it). */
  Map<String, List<Probe.Subject>> subjects(Collection<String> caseNos) {
    Map<String, List<Probe.Subject>> out = new HashMap<>();
    if (caseNos.isEmpty()) {
      return out;
    }
    jdbc.sql("SELECT case_no, kind, name, phone FROM case_parties WHERE case_no IN ("
            + String.join(", ", caseNos.stream().map(n -> "?").toList()) + ") ORDER BY case_no, position")
        .params(new ArrayList<>(caseNos))
        .query((ResultSet rs) -> {
          String name = rs.getString(3);
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Probe.Subject(
              "ORGANISATION".equals(rs.getString(2)), name, rs.getString(4),
              MatchKeys.creditCodes(name).stream().findFirst().orElse(null)));
        });
    return out;
  }

  /**
   * Cases taken in before V16 (or written by the demo generator) that have no key yet and can
   * still be suggested: open, or closed since {@code closedSince}. A case closed longer ago is
   * never a candidate, so it is never keyed again, least of all after anonymisation removed its keys.
   */
  List<String> withoutKeys(int limit, Instant closedSince) {
    return jdbc.sql("SELECT c.case_no FROM cases c WHERE c.status <> 'RECEIVED' AND (c.closed_at IS NULL OR c.closed_at >= ?) "
            + "AND NOT EXISTS (SELECT 1 FROM case_match_keys k WHERE k.case_no = c.case_no) ORDER BY c.case_no LIMIT ?")
        .params(ts(closedSince), limit).query(String.class).list();
  }

  void insertLink(String caseNo, String originalCaseNo, String actor, String note, Instant at) {
    jdbc.sql("INSERT INTO case_links (case_no, original_case_no, kind, actor, note, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(caseNo, originalCaseNo, DUPLICATE_OF, actor, note, ts(at)).update();
  }

  Optional<Link> duplicateOf(String caseNo) {
    return jdbc.sql("SELECT case_no, original_case_no, actor, note, created_at FROM case_links WHERE case_no = ? AND kind = ?")
        .params(caseNo, DUPLICATE_OF).query(this::link).optional();
  }

  List<Link> duplicatesOf(String originalCaseNo) {
    return jdbc.sql("SELECT case_no, original_case_no, actor, note, created_at FROM case_links "
            + "WHERE original_case_no = ? AND kind = ? ORDER BY id")
        .params(originalCaseNo, DUPLICATE_OF).query(this::link).list();
  }

  private Link link(ResultSet rs, int n) throws SQLException {
    return new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5));
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
