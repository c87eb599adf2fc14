package org.huian.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huian.problem.FieldError;
import org.huian.problem.NotFoundException;
import org.huian.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rights requests (个人信息保护法第四十五条、第四十七条): the export of everything about a phone or ID
 * number, and its early erasure by the same anonymisation as the retention job. A case still being
 * handled, or under legal hold, is refused with the reason; the others are erased, each in its own
 * transaction, and the request is audited as a run of kind ERASURE.
 */
@Service
class PrivacyRequests {

  /** The answer to an erasure request. */
  record Erasure(long runId, List<String> erasedCases, List<String> alreadyAnonymised, List<String> erasedGridReports,
      int notificationsErased, List<Refusal> refused) {}

  record Refusal(String caseNo, String reason) {}

  private final SubjectFinder finder;
  private final CaseAnonymiser anonymiser;
  private final PrivacyRuns runs;
  private final LegalHolds holds;
  private final AccessLog accessLog;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  PrivacyRequests(SubjectFinder finder, CaseAnonymiser anonymiser, PrivacyRuns runs, LegalHolds holds, AccessLog accessLog,
      JdbcClient jdbc, TransactionTemplate transaction) {
    this.finder = finder;
    this.anonymiser = anonymiser;
    this.runs = runs;
    this.holds = holds;
    this.accessLog = accessLog;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** The export, with one access-log entry per case (and per grid report) whose data it shows. */
  SubjectExport export(Subject s, String by, String request) {
    SubjectExport e = finder.export(s, by);
    for (SubjectExport.CaseData c : e.cases()) {
      accessLog.record(by, c.caseNo(), null, "export:" + s.field(), AccessLog.Purpose.EXPORT, request);
    }
    for (SubjectExport.GridReportData g : e.gridReports()) {
      if (g.caseNo() == null) {
        accessLog.record(by, null, g.reportNo(), "export:" + s.field(), AccessLog.Purpose.EXPORT, request);
      }
    }
    if (e.cases().isEmpty() && e.gridReports().isEmpty() && e.notifications().isEmpty()) {
      accessLog.record(by, null, null, "export:" + s.field(), AccessLog.Purpose.EXPORT, request);
    }
    return e;
  }

  Erasure erase(Subject s, String by, String reason) {
    Instant now = RetentionJob.now();
    List<String> caseNos = finder.caseNumbers(s);
    List<SubjectExport.GridReportData> reports = finder.gridReports(s, null).stream().filter(g -> g.caseNo() == null).toList();
    List<SubjectExport.NotificationData> messages = finder.notifications(s).stream().filter(n -> n.caseNo() == null).toList();
    if (caseNos.isEmpty() && reports.isEmpty() && messages.isEmpty()) {
      throw new NotFoundException("未找到与该" + (s.kind() == Subject.Kind.PHONE ? "电话号码" : "身份证号码") + "有关的个人信息");
    }
    List<Refusal> refused = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String caseNo : caseNos) {
      if (runs.anonymised("CASE", caseNo)) {
        already.add(caseNo);
        continue;
      }
      boolean closed = jdbc.sql("SELECT COUNT(*) FROM cases WHERE case_no = ? AND closed_at IS NOT NULL").param(caseNo)
          .query(Long.class).single() > 0;
      if (!closed) {
        refused.add(new Refusal(caseNo, "案件尚在办理中，办结前不能删除当事人的联系方式"));
        continue;
      }
      holds.reason(caseNo, now).ifPresentOrElse(r -> refused.add(new Refusal(caseNo, r)), () -> allowed.add(caseNo));
    }
    long run = runs.start(PrivacyRuns.Kind.ERASURE, by, s.masked(), reason, null, null, now);
    if (allowed.isEmpty() && reports.isEmpty() && messages.isEmpty() && !refused.isEmpty()) {
      runs.finish(run, PrivacyRuns.Status.REFUSED, refused.size(), String.join("；", refused.stream().map(r -> r.caseNo() + "：" + r.reason()).toList()),
          RetentionJob.now());
      throw new ProblemException(HttpStatus.CONFLICT, "不能删除：" + refused.get(0).reason(),
          refused.stream().map(r -> new FieldError("cases[" + r.caseNo() + "]", r.reason())).toList(), null);
    }
    try {
      for (String caseNo : allowed) {
        transaction.executeWithoutResult(t -> {
          CaseAnonymiser.Result r = anonymiser.anonymiseCase(caseNo);
          runs.mark("CASE", caseNo, run, PrivacyRuns.Kind.ERASURE, r, RetentionJob.now());
          runs.progress(run, new PrivacyRuns.Progress(1, 0, 0, r.rows(), r.historyRows(), r.photos(), 0, "CASE:" + caseNo), RetentionJob.now());
        });
      }
      List<String> erasedReports = new ArrayList<>();
      for (SubjectExport.GridReportData g : reports) {
        if (runs.anonymised("GRID_REPORT", g.reportNo())) {
          continue;
        }
        transaction.executeWithoutResult(t -> {
          CaseAnonymiser.Result r = anonymiser.anonymiseReport(g.reportNo());
          runs.mark("GRID_REPORT", g.reportNo(), run, PrivacyRuns.Kind.ERASURE, r, RetentionJob.now());
          runs.progress(run, new PrivacyRuns.Progress(0, 1, 0, r.rows(), 0, r.photos(), 0, "GRID_REPORT:" + g.reportNo()), RetentionJob.now());
        });
        erasedReports.add(g.reportNo());
      }
      Redaction r = new Redaction();
      if (s.kind() == Subject.Kind.PHONE) {
        r.phone(s.value());
      } else {
        r.idNumber(s.value());
      }
      int outbox = 0;
      for (var m : jdbc.sql("SELECT id, recipient, subject, body FROM notification_outbox WHERE case_no IS NULL AND (recipient LIKE :p OR body LIKE :t)")
          .param("p", "%" + s.value().substring(Math.max(0, s.value().length() - 7)) + "%").param("t", "%" + s.value() + "%")
          .query().listOfRows()) {
        String recipient = (String) m.get("recipient");
        boolean toSubject = s.isPhone(recipient.replaceFirst("^sms:", ""));
        String body = r.text((String) m.get("body"));
        if (toSubject || !body.equals(m.get("body"))) {
          outbox += jdbc.sql("UPDATE notification_outbox SET recipient = ?, subject = ?, body = ? WHERE id = ?")
              .params(toSubject ? "sms:" + Redaction.REMOVED : recipient, r.text((String) m.get("subject")), body, m.get("id")).update();
        }
      }
      runs.progress(run, new PrivacyRuns.Progress(0, 0, outbox, outbox, 0, 0, 0, null), RetentionJob.now());
      runs.finish(run, refused.isEmpty() ? PrivacyRuns.Status.COMPLETED : PrivacyRuns.Status.PARTIAL, refused.size(),
          refused.isEmpty() ? null : String.join("；", refused.stream().map(x -> x.caseNo() + "：" + x.reason()).toList()), RetentionJob.now());
      return new Erasure(run, allowed, already, erasedReports, outbox, refused);
    } catch (RuntimeException e) {
      runs.finish(run, PrivacyRuns.Status.FAILED, refused.size(), e.toString(), RetentionJob.now());
      throw e;
    }
  }
}
