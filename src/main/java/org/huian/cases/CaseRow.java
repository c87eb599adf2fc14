package org.huian.cases;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the {@code cases} table; placed in the unit tree, so a {@code Scope} can tell who sees it. */
public record CaseRow(
    String caseNo,
    String externalRef,
    String requestHash,
    Channel channel,
    Category category,
    String title,
    String description,
    String streetCode,
    String communityCode,
    String gridId,
    String address,
    Double lat,
    Double lon,
    String reporterName,
    String reporterPhone,
    boolean reporterAnonymous,
    int peopleInvolved,
    BigDecimal amountInvolved,
    boolean crossRegion,
    boolean crossDepartment,
    CaseStatus status,
    String level,
    String unitCode,
    Complexity complexity,
    Instant levelEnteredAt,
    Instant deadline,
    Sla sla,
    int reopenCount,
    String processInstanceId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt) implements org.huian.security.Placed {}
