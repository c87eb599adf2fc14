package org.huian.risk;

import java.math.BigDecimal;
import java.util.List;
import org.huian.cases.CaseIntakeRequest;

/**
 * The body of {@code POST /api/grid-reports} and one line of the NDJSON batch. Enum-like and time
 * fields stay strings so that a bad value is answered with a field error, not a parse failure.
 *
 * @param source only in the batch: the system the line comes from ({@link ReportSource})
 * @param externalRef the sender's own id; a repeat with the same source and id is answered with
 *     the report already stored (different content: 409)
 * @param occurredAt ISO-8601 with offset; at most a few minutes in the future (clock skew)
 * @param subject who or what the report is about, for cross-matching (all optional)
 * @param dispute present when the report is a dispute: it becomes a case at GRID level
 */
public record GridReportRequest(
    String source,
    String externalRef,
    String kind,
    String gridId,
    String description,
    Integer severity,
    List<String> tags,
    Double lat,
    Double lon,
    String occurredAt,
    Subject subject,
    Dispute dispute) {

  /** @param creditCode the 18-character unified social credit code of an organisation */
  public record Subject(String name, String creditCode, String phone, String address) {}

  /** What a case needs beyond the report: its category, parties and size. */
  public record Dispute(
      String category,
      String title,
      List<CaseIntakeRequest.Party> parties,
      Integer peopleInvolved,
      BigDecimal amountInvolved,
      CaseIntakeRequest.Reporter reporter) {}

  public List<String> tagsOrEmpty() {
    return tags == null ? List.of() : tags;
  }
}
