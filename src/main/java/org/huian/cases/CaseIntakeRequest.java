package org.huian.cases;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/cases}; the Tasklist start form is mapped onto the same shape, so
 * both entry points share one validator. Enum-like fields stay strings here so that an unknown
 * value is answered with a field error instead of a parse failure.
 */
public record CaseIntakeRequest(
    String externalRef,
    String channel,
    String category,
    String title,
    String description,
    Location location,
    Reporter reporter,
    List<Party> parties,
    Integer peopleInvolved,
    BigDecimal amountInvolved,
    Boolean crossRegion,
    Boolean crossDepartment) {

  public record Location(
      String gridId,
      String communityCode,
      String streetCode,
      String address,
      Double lat,
      Double lon) {}

  public record Reporter(String name, String phone, Boolean anonymous) {}

  public record Party(String role, String kind, String name, String phone) {}

  public boolean anonymous() {
    return reporter != null && Boolean.TRUE.equals(reporter.anonymous());
  }

  public List<Party> partiesOrEmpty() {
    return parties == null ? List.of() : parties;
  }
}
