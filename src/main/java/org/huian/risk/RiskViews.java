package org.huian.risk;

import java.time.Instant;
import java.util.List;
import org.huian.geography.Geography;
import org.huian.security.Masking;

/** What the risk API answers (JSON shapes), built from rows. */
final class RiskViews {

  private RiskViews() {}

  record Subject(String name, String creditCode, String phone, String address) {}

  record Report(String reportNo, String source, String sourceName, String externalRef, String kind, String kindName,
      String gridId, String gridName, String communityCode, String streetCode, String streetName, String description,
      int severity, List<String> tags, Double lat, Double lon, Instant occurredAt, Instant receivedAt, String reportedBy,
      Subject subject, String caseNo) implements org.huian.security.ShowsPersonalNumbers {

    @Override
    public String accessLogCaseNo() {
      return caseNo;
    }

    @Override
    public String accessLogItemRef() {
      return reportNo;
    }

    /** The subject's phone, shown in full to the report's units (docs/privacy.md). */
    @Override
    public List<String> unmaskedNumberFields() {
      return subject == null || subject.phone() == null ? List.of() : List.of("subject.phone");
    }
  }

  record ReportSummary(String reportNo, String source, String kind, String kindName, String gridId, String streetName,
      String description, int severity, List<String> tags, Instant occurredAt, String subjectName, String subjectPhone,
      String caseNo) {}

  record ReportPage(List<ReportSummary> items, int page, int size, long total) {}

  record BatchResult(int lines, long accepted, long rejected, List<GridReportService.LineResult> results) {}

  /** The detail a unit reads about a report in its own area: the subject's phone in full. */
  static Report report(GridReport r, Geography geography) {
    Subject subject = r.subjectName() == null && r.subjectCode() == null && r.subjectPhone() == null && r.subjectAddress() == null
        ? null : new Subject(r.subjectName(), r.subjectCode(), r.subjectPhone(), r.subjectAddress());
    return new Report(r.reportNo(), r.source().name(), r.source().nameZh(), r.externalRef(), r.kind().name(), r.kind().nameZh(),
        r.gridId(), geography.get(r.gridId()).name(), r.communityCode(), r.streetCode(), geography.get(r.streetCode()).name(),
        r.description(), r.severity(), r.tags(), r.lat(), r.lon(), r.occurredAt(), r.receivedAt(), r.reportedBy(), subject,
        r.caseNo());
  }

  /** A line of a list: the subject's phone masked. */
  static ReportSummary summary(GridReport r, Geography geography) {
    String description = r.description().length() > 80 ? r.description().substring(0, 80) + "…" : r.description();
    return new ReportSummary(r.reportNo(), r.source().name(), r.kind().name(), r.kind().nameZh(), r.gridId(),
        geography.get(r.streetCode()).name(), description, r.severity(), r.tags(), r.occurredAt(), r.subjectName(),
        Masking.phone(r.subjectPhone()), r.caseNo());
  }
}
