package org.huian.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymises one case, or one grid report that never became a case, in Huian's tables and in
 * Camunda's history, inside the caller's transaction. Rows are changed, never deleted (except the
 * subject keys and cluster keys that are the phone itself), so every count the dashboards, the
 * safety index and the assessments make stays the same.
 *
 * <p>The columns are listed here, per table, so the policy in docs/privacy.md can be read off the
 * code; {@code PrivacyRetentionTest} searches every table of the database afterwards, so a column
 * that a later change adds and this class misses shows up there.
 */
@Component
class CaseAnonymiser {

  /** Organisation-like subject names (no resident is called 某某公司). */
  private static final Pattern ORGANISATION = Pattern.compile(
      ".*(公司|集团|中心|厂|店|部|局|院|所|处|委员会|委会|协会|合作社|学校|大学|医院|银行|酒店|宾馆|餐厅|饭店|超市|物业|商行|工作室|事务所|"
          + "单位|机构|企业|门诊|诊所|幼儿园|小区|市场|酒楼|网吧|车行|工地|项目部|俱乐部|社|站)$");

  /** What anonymising one item changed. */
  record Result(int rows, int historyRows, int photos) {}

  private final JdbcClient jdbc;
  private final HistoryScrubber history;
  private final PhotoPurge photos;
  private final org.huian.risk.CrossMatcher crossMatcher;

  CaseAnonymiser(JdbcClient jdbc, HistoryScrubber history, PhotoPurge photos, org.huian.risk.CrossMatcher crossMatcher) {
    this.crossMatcher = crossMatcher;
    this.jdbc = jdbc;
    this.history = history;
    this.photos = photos;
  }

  Result anonymiseCase(String caseNo) {
    Map<String, Object> c = jdbc.sql("SELECT reporter_name, reporter_phone, reporter_anonymous, process_instance_id "
        + "FROM cases WHERE case_no = ?").param(caseNo).query().singleRow();
    Redaction r = new Redaction();
    // 1. every secret of the case first: parties in their order, then the reporter, the linked reports' subjects
    List<Map<String, Object>> parties = jdbc.sql("SELECT id, kind, name, phone FROM case_parties WHERE case_no = ? ORDER BY position")
        .param(caseNo).query().listOfRows();
    for (Map<String, Object> p : parties) {
      if ("PERSON".equals(p.get("kind"))) {
        r.person((String) p.get("name"));
      }
      r.phone((String) p.get("phone"));
    }
    String reporterLabel = r.person((String) c.get("reporter_name"));
    r.phone((String) c.get("reporter_phone"));
    List<Map<String, Object>> reports = jdbc.sql("SELECT report_no, subject_name, subject_code, subject_phone FROM grid_reports "
        + "WHERE case_no = ?").param(caseNo).query().listOfRows();
    for (Map<String, Object> g : reports) {
      r.phone((String) g.get("subject_phone"));
      r.idNumber((String) g.get("subject_code"));
      String name = (String) g.get("subject_name");
      if (name != null && !isOrganisation(name, (String) g.get("subject_code"))) {
        r.person(name);
      }
    }
    List<String> reportNos = reports.stream().map(g -> (String) g.get("report_no")).toList();

    // 2. Huian's tables
    int rows = 0;
    rows += jdbc.sql("UPDATE cases SET reporter_name = ?, reporter_phone = NULL WHERE case_no = ? "
        + "AND (reporter_name IS NOT NULL OR reporter_phone IS NOT NULL)").params(reporterLabel, caseNo).update();
    rows += text("cases", "case_no", "case_no = :k", caseNo, r, "title", "description", "address");
    for (Map<String, Object> p : parties) {
      String name = "PERSON".equals(p.get("kind")) ? r.person((String) p.get("name")) : (String) p.get("name");
      rows += jdbc.sql("UPDATE case_parties SET name = ?, phone = NULL WHERE id = ? AND (name <> ? OR phone IS NOT NULL)")
          .params(name, p.get("id"), name).update();
    }
    rows += text("case_events", "id", "case_no = :k", caseNo, r, "note");
    rows += text("escalations", "id", "case_no = :k", caseNo, r, "note");
    rows += text("case_decisions", "id", "case_no = :k", caseNo, r, "result");
    rows += text("mediations", "id", "case_no = :k", caseNo, r, "place", "meeting_link", "responsibilities");
    rows += text("agreements", "id", "case_no = :k", caseNo, r, "agreement_text");
    rows += text("obligations", "id", "agreement_id IN (SELECT id FROM agreements WHERE case_no = :k)", caseNo, r, "description");
    rows += text("fulfilment_items", "id", "obligation_id IN (SELECT o.id FROM obligations o JOIN agreements a ON a.id = o.agreement_id "
        + "WHERE a.case_no = :k)", caseNo, r, "evidence");
    rows += text("judicial_referrals", "id", "case_no = :k", caseNo, r, "result");
    rows += jdbc.sql("UPDATE notification_outbox SET recipient = ? WHERE case_no = ? AND recipient LIKE 'sms:%' AND recipient <> ?")
        .params("sms:" + Redaction.REMOVED, caseNo, "sms:" + Redaction.REMOVED).update();
    rows += text("notification_outbox", "id", "case_no = :k", caseNo, r, "subject", "body", "last_error", "delivery_detail");
    // a resident's tracking link (docs/field-and-residents.md) has served its purpose: it stops answering
    rows += jdbc.sql("DELETE FROM resident_tracking WHERE case_no = ?").param(caseNo).update();
    // the duplicate suggester's lookup keys (names, phones, addresses: docs/duplicates.md); a case
    // closed this long is no candidate any more, and the suggester never keys it again
    rows += jdbc.sql("DELETE FROM case_match_keys WHERE case_no = ?").param(caseNo).update();
    for (String reportNo : reportNos) {
      rows += reportRows(reportNo, r);
    }
    rows += subjectKeys(caseNo, reportNos, r);

    // 3. Camunda's history of the case's process trees
    int historyRows = history.scrub(history.roots(caseNo, (String) c.get("process_instance_id")), r);

    int purged = photos.purgeCase(caseNo);
    for (String reportNo : reportNos) {
      purged += photos.purgeGridReport(reportNo);
    }
    return new Result(rows, historyRows, purged);
  }

  /** A grid report that never became a case. */
  Result anonymiseReport(String reportNo) {
    Map<String, Object> g = jdbc.sql("SELECT subject_name, subject_code, subject_phone FROM grid_reports WHERE report_no = ?")
        .param(reportNo).query().singleRow();
    Redaction r = new Redaction();
    r.phone((String) g.get("subject_phone"));
    r.idNumber((String) g.get("subject_code"));
    String name = (String) g.get("subject_name");
    if (name != null && !isOrganisation(name, (String) g.get("subject_code"))) {
      r.person(name);
    }
    int rows = reportRows(reportNo, r) + subjectKeys(null, List.of(reportNo), r);
    return new Result(rows, 0, photos.purgeGridReport(reportNo));
  }

  static boolean isOrganisation(String name, String code) {
    return (code != null && PersonalIdentifiers.idNumber(code).isEmpty()) || ORGANISATION.matcher(name.strip()).matches();
  }

  private int reportRows(String reportNo, Redaction r) {
    int rows = 0;
    Map<String, Object> g = jdbc.sql("SELECT subject_name, subject_code, subject_phone FROM grid_reports WHERE report_no = ?")
        .param(reportNo).query().singleRow();
    String name = (String) g.get("subject_name");
    String code = (String) g.get("subject_code");
    String newName = name == null || isOrganisation(name, code) ? r.text(name) : r.person(name);
    String newCode = code != null && PersonalIdentifiers.idNumber(code).isPresent() ? null : code;
    if (g.get("subject_phone") != null || !java.util.Objects.equals(name, newName) || !java.util.Objects.equals(code, newCode)) {
      rows += jdbc.sql("UPDATE grid_reports SET subject_name = ?, subject_code = ?, subject_phone = NULL WHERE report_no = ?")
          .params(newName, newCode, reportNo).update();
    }
    rows += text("grid_reports", "report_no", "report_no = :k", reportNo, r, "subject_address", "description", "tags", "reported_by");
    return rows;
  }

  /**
   * The subject keys of the items: a phone key is deleted (a later complaint must not match an
   * erased number), the others redacted; the keys of clusters the items belong to likewise. The
   * clusters and their items stay, so the index's cluster factor counts the same.
   */
  private int subjectKeys(String caseNo, List<String> reportNos, Redaction r) {
    List<String> refs = new ArrayList<>(reportNos);
    if (caseNo != null) {
      refs.add(caseNo);
    }
    if (refs.isEmpty()) {
      return 0;
    }
    int rows = 0;
    List<Map<String, Object>> phoneKeys = jdbc.sql("SELECT id, key_value FROM subject_keys WHERE item_ref IN (:refs) AND key_kind = 'PHONE'")
        .param("refs", refs).query().listOfRows();
    for (Map<String, Object> k : phoneKeys) {
      if (!r.text((String) k.get("key_value")).equals(k.get("key_value"))) {
        rows += jdbc.sql("DELETE FROM subject_keys WHERE id = ?").param(k.get("id")).update();
      }
    }
    for (Map<String, Object> k : jdbc.sql("SELECT id, key_value, label FROM subject_keys WHERE item_ref IN (:refs)")
        .param("refs", refs).query().listOfRows()) {
      String value = r.text((String) k.get("key_value"));
      String label = r.text((String) k.get("label"));
      if (!value.equals(k.get("key_value")) || !label.equals(k.get("label"))) {
        rows += jdbc.sql("UPDATE subject_keys SET key_value = ?, label = ? WHERE id = ?").params(value, label, k.get("id")).update();
      }
    }
    List<String> clusters = jdbc.sql("SELECT DISTINCT cluster_no FROM risk_cluster_items WHERE item_ref IN (:refs)")
        .param("refs", refs).query(String.class).list();
    if (clusters.isEmpty()) {
      return rows;
    }
    for (Map<String, Object> k : jdbc.sql("SELECT cluster_no, key_kind, key_value, label FROM risk_cluster_keys WHERE cluster_no IN (:c)")
        .param("c", clusters).query().listOfRows()) {
      String value = r.secretsOnly((String) k.get("key_value"));
      String label = r.secretsOnly((String) k.get("label"));
      if (value.equals(k.get("key_value")) && label.equals(k.get("label"))) {
        continue;
      }
      if ("PHONE".equals(k.get("key_kind")) || !value.equals(k.get("key_value"))) {
        rows += jdbc.sql("DELETE FROM risk_cluster_keys WHERE cluster_no = ? AND key_kind = ? AND key_value = ?")
            .params(k.get("cluster_no"), k.get("key_kind"), k.get("key_value")).update();
      } else {
        rows += jdbc.sql("UPDATE risk_cluster_keys SET label = ? WHERE cluster_no = ? AND key_kind = ? AND key_value = ?")
            .params(label, k.get("cluster_no"), k.get("key_kind"), k.get("key_value")).update();
      }
    }
    for (String cluster : clusters) {
      rows += text("risk_clusters", "cluster_no", "cluster_no = :k", cluster, r::secretsOnly, "label", "matched_keys");
      rows += crossMatcher.refreshKeyText(cluster); // the key text shows phones masked: rebuilt from the keys left
    }
    return rows;
  }

  /** Redacts the given text columns of the rows matching {@code where} (parameter {@code :k}). */
  private int text(String table, String key, String where, String k, Redaction r, String... columns) {
    return text(table, key, where, k, r::text, columns);
  }

  private int text(String table, String key, String where, String k, java.util.function.UnaryOperator<String> redact,
      String... columns) {
    int changed = 0;
    for (Map<String, Object> row : jdbc.sql("SELECT " + key + ", " + String.join(", ", columns) + " FROM " + table + " WHERE " + where)
        .param("k", k).query().listOfRows()) {
      List<String> sets = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (String column : columns) {
        Object before = row.get(column);
        if (before instanceof String s) {
          String after = redact.apply(s);
          if (!after.equals(s)) {
            sets.add(column + " = ?");
            values.add(after);
          }
        }
      }
      if (!sets.isEmpty()) {
        values.add(row.get(key));
        changed += jdbc.sql("UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + key + " = ?").params(values).update();
      }
    }
    return changed;
  }
}
