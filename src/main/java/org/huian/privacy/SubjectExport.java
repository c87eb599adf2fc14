package org.huian.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything Huian holds about one phone or ID number (个人信息保护法第四十五条): the cases it appears
 * in with their parties, timeline, agreements, judicial referrals, notifications and Camunda history,
 * the grid reports about it and the messages sent to it.
 */
public record SubjectExport(String subjectKind, String subjectMasked, Instant generatedAt, String generatedBy,
    List<CaseData> cases, List<GridReportData> gridReports, List<NotificationData> notifications) {

  public record CaseData(String caseNo, String status, String category, String channel, String title, String description,
      String address, String streetCode, Instant createdAt, Instant closedAt, String reporterName, String reporterPhone,
      boolean reporterAnonymous, boolean anonymised, String legalHold, List<PartyData> parties, List<EventData> timeline,
      List<AgreementData> agreements, List<ReferralData> referrals, List<NotificationData> notifications,
      List<HistoryVariable> processVariables, List<HistoryTask> processTasks,
      List<org.huian.attachment.Attachment> attachments) {}

  public record PartyData(String role, String kind, String name, String phone) {}

  public record EventData(String type, Instant time, String level, String unitCode, String actor, String note) {}

  public record AgreementData(String status, String text, Instant createdAt, Instant effectiveAt) {}

  public record ReferralData(String kind, String courtStation, LocalDate referralDate, String result) {}

  public record NotificationData(String caseNo, String kind, String recipient, String subject, String body, String status,
      Instant createdAt, Instant sentAt) {}

  public record GridReportData(String reportNo, String kind, Instant occurredAt, String description, String subjectName,
      String subjectCode, String subjectPhone, String subjectAddress, int severity, String caseNo) {}

  public record HistoryVariable(String processKey, String name, String type, String value, String state, Instant createdAt) {}

  public record HistoryTask(String processKey, String name, String assignee, Instant startedAt, Instant endedAt) {}

}
