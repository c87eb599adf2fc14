package org.huian.risk;

import java.time.Instant;
import java.util.List;

/** A stored grid report (row of {@code grid_reports}). */
public record GridReport(
    String reportNo,
    ReportSource source,
    String externalRef,
    String requestHash,
    ReportKind kind,
    String category,
    String gridId,
    String communityCode,
    String streetCode,
    String description,
    int severity,
    List<String> tags,
    Double lat,
    Double lon,
    Instant occurredAt,
    Instant receivedAt,
    String reportedBy,
    String subjectName,
    String subjectCode,
    String subjectPhone,
    String subjectAddress,
    String caseNo) {}
