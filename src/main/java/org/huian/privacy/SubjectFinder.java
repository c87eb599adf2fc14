package org.huian.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huian.privacy.SubjectExport.AgreementData;
import org.huian.privacy.SubjectExport.CaseData;
import org.huian.privacy.SubjectExport.EventData;
import org.huian.privacy.SubjectExport.GridReportData;
import org.huian.privacy.SubjectExport.HistoryTask;
import org.huian.privacy.SubjectExport.HistoryVariable;
import org.huian.privacy.SubjectExport.NotificationData;
import org.huian.privacy.SubjectExport.PartyData;
import org.huian.privacy.SubjectExport.ReferralData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds everything Huian holds about a phone or ID number: the cases where it is the reporter's or
 * a party's number or appears in the text, the grid reports about it, the messages sent to it, and
 * for each case its timeline, agreements, referrals, notifications and Camunda history (variables
 * and tasks). Structured numbers are matched in any format; in free text the digits must appear
 * together (138 1234 5678 and 138-1234-5678 count).
 */
@Component
class SubjectFinder {

  private final JdbcClient jdbc;
  private final HistoryScrubber history;
  private final LegalHolds holds;
  private final PrivacyRuns runs;
  private final org.huian.attachment.AttachmentService attachments;

  SubjectFinder(JdbcClient jdbc, HistoryScrubber history, LegalHolds holds, PrivacyRuns runs,
      org.huian.attachment.AttachmentService attachments) {
    this.attachments = attachments;
    this.jdbc = jdbc;
    this.history = history;
    this.holds = holds;
    this.runs = runs;
  }

  /** The case numbers in which the subject appears, oldest first. */
  List<String> caseNumbers(Subject s) {
    String text = "%" + s.value() + "%";
    String structured = s.kind() == Subject.Kind.PHONE ? "%" + s.value().substring(s.value().length() - 7) + "%" : "%" + s.value() + "%";
    List<String> candidates = jdbc.sql("""
        SELECT case_no FROM cases WHERE reporter_phone LIKE :p OR UPPER(title) LIKE :t OR UPPER(description) LIKE :t OR UPPER(address) LIKE :t
        UNION SELECT case_no FROM case_parties WHERE phone LIKE :p
        UNION SELECT case_no FROM case_events WHERE UPPER(note) LIKE :t
        UNION SELECT case_no FROM grid_reports WHERE case_no IS NOT NULL AND (subject_phone LIKE :p OR UPPER(description) LIKE :t
          OR UPPER(subject_code) = :v)
        UNION SELECT a.case_no FROM agreements a WHERE UPPER(a.agreement_text) LIKE :t
        ORDER BY case_no""")
        .param("p", structured).param("t", text).param("v", s.value()).query(String.class).list();
    List<String> found = new ArrayList<>();
    for (String caseNo : candidates) {
      if (mentions(caseNo, s)) {
        found.add(caseNo);
      }
    }
    return found;
  }

  /** Checks a candidate in Java: a number in another format, or a longer number containing the last seven digits, is not a match. */
  private boolean mentions(String caseNo, Subject s) {
    var c = jdbc.sql("SELECT reporter_phone, title, description, address FROM cases WHERE case_no = ?").param(caseNo).query().singleRow();
    if (s.isPhone((String) c.get("reporter_phone")) || s.mentionedIn((String) c.get("title"))
        || s.mentionedIn((String) c.get("description")) || s.mentionedIn((String) c.get("address"))) {
      return true;
    }
    for (String phone : jdbc.sql("SELECT phone FROM case_parties WHERE case_no = ?").param(caseNo).query(String.class).list()) {
      if (s.isPhone(phone)) {
        return true;
      }
    }
    for (String note : jdbc.sql("SELECT note FROM case_events WHERE case_no = ?").param(caseNo).query(String.class).list()) {
      if (s.mentionedIn(note)) {
        return true;
      }
    }
    for (String text : jdbc.sql("SELECT agreement_text FROM agreements WHERE case_no = ?").param(caseNo).query(String.class).list()) {
      if (s.mentionedIn(text)) {
        return true;
      }
    }
    return gridReports(s, caseNo).size() > 0;
  }

  SubjectExport export(Subject s, String by) {
    List<CaseData> cases = new ArrayList<>();
    Set<String> caseNos = new LinkedHashSet<>(caseNumbers(s));
    for (String caseNo : caseNos) {
      cases.add(caseData(caseNo));
    }
    List<NotificationData> others = notifications(s).stream().filter(n -> n.caseNo() == null || !caseNos.contains(n.caseNo())).toList();
    return new SubjectExport(s.kind().name(), s.masked(), RetentionJob.now(), by, cases, gridReports(s, null), others);
  }

  private CaseData caseData(String caseNo) {
    Instant now = RetentionJob.now();
    var c = jdbc.sql("SELECT * FROM cases WHERE case_no = ?").param(caseNo).query().singleRow();
    List<PartyData> parties = jdbc.sql("SELECT role, kind, name, phone FROM case_parties WHERE case_no = ? ORDER BY position")
        .param(caseNo).query((rs, n) -> new PartyData(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    List<EventData> timeline = jdbc.sql("SELECT event_type, occurred_at, level, unit_code, actor, note FROM case_events WHERE case_no = ? ORDER BY id")
        .param(caseNo).query((rs, n) -> new EventData(rs.getString(1), PrivacyRuns.instant(rs, "occurred_at"), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6))).list();
    List<AgreementData> agreements = jdbc.sql("SELECT status, agreement_text, created_at, effective_at FROM agreements WHERE case_no = ? ORDER BY id")
        .param(caseNo).query((rs, n) -> new AgreementData(rs.getString(1), rs.getString(2), PrivacyRuns.instant(rs, "created_at"),
            PrivacyRuns.instant(rs, "effective_at"))).list();
    List<ReferralData> referrals = jdbc.sql("SELECT kind, court_station, referral_date, result FROM judicial_referrals WHERE case_no = ? ORDER BY id")
        .param(caseNo).query((rs, n) -> new ReferralData(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4))).list();
    List<NotificationData> notifications = jdbc.sql("SELECT * FROM notification_outbox WHERE case_no = ? ORDER BY id")
        .param(caseNo).query(SubjectFinder::notification).list();
    List<String> roots = history.roots(caseNo, (String) c.get("process_instance_id"));
    List<HistoryVariable> variables = roots.isEmpty() ? List.of() : jdbc.sql("""
        SELECT v.PROC_DEF_KEY_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_, v.DOUBLE_, v.STATE_, v.CREATE_TIME_, b.BYTES_
        FROM ACT_HI_VARINST v LEFT JOIN ACT_GE_BYTEARRAY b ON b.ID_ = v.BYTEARRAY_ID_
        WHERE v.ROOT_PROC_INST_ID_ IN (:roots) ORDER BY v.CREATE_TIME_, v.NAME_""")
        .param("roots", roots).query((rs, n) -> new HistoryVariable(rs.getString(1), rs.getString(2), rs.getString(3), value(rs),
            rs.getString(7), time(rs.getTimestamp(8)))).list();
    List<HistoryTask> tasks = roots.isEmpty() ? List.of() : jdbc.sql("""
        SELECT PROC_DEF_KEY_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_ FROM ACT_HI_TASKINST
        WHERE ROOT_PROC_INST_ID_ IN (:roots) ORDER BY START_TIME_""")
        .param("roots", roots).query((rs, n) -> new HistoryTask(rs.getString(1), rs.getString(2), rs.getString(3),
            time(rs.getTimestamp(4)), time(rs.getTimestamp(5)))).list();
    Object anonymous = c.get("reporter_anonymous");
    return new CaseData(caseNo, (String) c.get("status"), (String) c.get("category"), (String) c.get("channel"),
        (String) c.get("title"), (String) c.get("description"), (String) c.get("address"), (String) c.get("street_code"),
        instant(c.get("created_at")), instant(c.get("closed_at")), (String) c.get("reporter_name"), (String) c.get("reporter_phone"),
        Boolean.TRUE.equals(anonymous), runs.anonymised("CASE", caseNo), holds.reason(caseNo, now).orElse(null), parties, timeline,
        agreements, referrals, notifications, variables, tasks,
        attachments.list(org.huian.attachment.AttachmentOwner.CASE, caseNo));
  }

  /** The grid reports about the subject (of one case when {@code caseNo} is given). */
  List<GridReportData> gridReports(Subject s, String caseNo) {
    String structured = s.kind() == Subject.Kind.PHONE ? "%" + s.value().substring(s.value().length() - 7) + "%" : "%" + s.value() + "%";
    return jdbc.sql("SELECT * FROM grid_reports WHERE (subject_phone LIKE :p OR UPPER(description) LIKE :t OR UPPER(subject_code) = :v)"
            + (caseNo == null ? "" : " AND case_no = :c") + " ORDER BY occurred_at")
        .param("p", structured).param("t", "%" + s.value() + "%").param("v", s.value()).param("c", caseNo == null ? "" : caseNo)
        .query((rs, n) -> new GridReportData(rs.getString("report_no"), rs.getString("kind"), PrivacyRuns.instant(rs, "occurred_at"),
            rs.getString("description"), rs.getString("subject_name"), rs.getString("subject_code"), rs.getString("subject_phone"),
            rs.getString("subject_address"), rs.getInt("severity"), rs.getString("case_no")))
        .list().stream()
        .filter(g -> s.isPhone(g.subjectPhone()) || s.mentionedIn(g.description()) || s.value().equalsIgnoreCase(g.subjectCode()))
        .toList();
  }

  /** Messages sent to the subject's number or mentioning it. */
  List<NotificationData> notifications(Subject s) {
    String structured = s.kind() == Subject.Kind.PHONE ? "%" + s.value().substring(s.value().length() - 7) + "%" : "%" + s.value() + "%";
    return jdbc.sql("SELECT * FROM notification_outbox WHERE recipient LIKE :p OR UPPER(body) LIKE :t ORDER BY id")
        .param("p", structured).param("t", "%" + s.value() + "%")
        .query(SubjectFinder::notification).list().stream()
        .filter(n -> s.isPhone(n.recipient().replaceFirst("^sms:", "")) || s.mentionedIn(n.body()))
        .toList();
  }

  private static NotificationData notification(ResultSet rs, int n) throws SQLException {
    return new NotificationData(rs.getString("case_no"), rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
        rs.getString("body"), rs.getString("status"), PrivacyRuns.instant(rs, "created_at"), PrivacyRuns.instant(rs, "sent_at"));
  }

  private static String value(ResultSet rs) throws SQLException {
    if (rs.getString(4) != null) {
      return rs.getString(4);
    }
    if (rs.getObject(5) != null) {
      return String.valueOf(rs.getLong(5));
    }
    if (rs.getObject(6) != null) {
      return String.valueOf(rs.getDouble(6));
    }
    byte[] bytes = rs.getBytes(9);
    if (bytes == null) {
      return null;
    }
    return Redaction.utf8(bytes).orElse("（二进制数据 " + bytes.length + " 字节）");
  }

  private static Instant time(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.Instant i) {
      return i;
    }
    throw new IllegalStateException("unexpected time type " + o.getClass());
  }
}
