package org.huian.mediation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The record of a mediation session and the agreement reached, in one canonical shape. {@code POST
 * /api/cases/{caseNo}/agreement} sends it as JSON; the Tasklist form's rows are mapped onto it.
 * Both are checked by {@link AgreementValidator}.
 */
public record AgreementRequest(
    String outcome, String responsibilities, String text, List<Obligation> obligations) {

  /**
   * One obligation: instalments (a total and its instalments) or an action with a due date.
   * Party ids are those of {@code GET /api/cases/{caseNo}} ({@code parties[].id}).
   */
  public record Obligation(
      Long obligorPartyId,
      Long beneficiaryPartyId,
      String description,
      BigDecimal totalAmount,
      List<Instalment> instalments,
      LocalDate dueDate) {

    public ObligationKind kind() {
      return instalments != null && !instalments.isEmpty() ? ObligationKind.INSTALMENTS : ObligationKind.ACTION;
    }
  }

  public record Instalment(BigDecimal amount, LocalDate dueDate) {}

  public List<Obligation> obligationsOrEmpty() {
    return obligations == null ? List.of() : obligations;
  }
}
