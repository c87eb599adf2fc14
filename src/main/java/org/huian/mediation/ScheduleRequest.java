package org.huian.mediation;

import java.time.OffsetDateTime;

/** A mediation session to schedule: {@code POST /api/cases/{caseNo}/mediations}, or the schedule form. */
public record ScheduleRequest(
    String mode,
    OffsetDateTime scheduledAt,
    String place,
    String meetingLink,
    String externalMediatorKind,
    String externalMediatorName,
    String courtStation,
    String note) {}
