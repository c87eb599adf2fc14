package org.huian.mediation;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.EventType;
import org.huian.cases.StoredParty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records the session: outcome and each party's responsibility. With an agreement, checks and
 * stores it (from the API's JSON or the form's rows, by the same rules); a remote session's
 * agreement waits for the parties' confirmation until {@code confirmationDeadline}.
 */
@Component
class RecordMediationDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;
  private final AgreementService agreements;
  private final AgreementValidator validator;
  private final Duration linkValidity;

  RecordMediationDelegate(CaseContext context, MediationRepository repository, AgreementService agreements,
      AgreementValidator validator, @Value("${huian.mediation.link-validity:P7D}") Duration linkValidity) {
    this.context = context;
    this.repository = repository;
    this.agreements = agreements;
    this.validator = validator;
    this.linkValidity = linkValidity;
  }

  @Override
  public void execute(DelegateExecution e) {
    AgreementRequest request = MediationProcess.Variables.AGREEMENT_JSON.optional(e)
        .map(agreements::fromJson)
        .orElseGet(() -> agreements.fromForm(e::getVariable));
    MediationRepository.Mediation m = repository.mediation(MediationProcess.Variables.MEDIATION_ID.get(e));
    List<StoredParty> parties = context.cases().parties(m.caseNo());
    MediationOutcome outcome = validator.validate(request, parties, m.mode().remote());
    MediationProcess.Variables.AGREEMENT_JSON.remove(e);
    repository.recordOutcome(m.id(), outcome, request.responsibilities().strip());
    String actor = CaseContext.actor(e);
    String label = switch (outcome) {
      case AGREEMENT -> "达成调解协议";
      case PARTIAL -> "部分达成调解协议";
      case NO_AGREEMENT -> "未达成调解协议";
    };
    context.cases().addEvent(m.caseNo(), EventType.MEDIATION_HELD, m.level(), m.unitCode(), actor,
        label + "。责任边界：" + request.responsibilities().strip());
    if (outcome == MediationOutcome.NO_AGREEMENT) {
      MediationProcess.Variables.RESULT.set(e, "NO_AGREEMENT");
      return;
    }
    Instant deadline = m.mode().remote() ? MediationRepository.now().plus(linkValidity) : null;
    long agreementId = agreements.create(m, request, outcome, deadline);
    MediationProcess.Variables.AGREEMENT_ID.set(e, agreementId);
    MediationProcess.Variables.AGREEMENT_REMOTE.set(e, m.mode().remote());
    MediationProcess.Variables.CONFIRMATION_DEADLINE.set(e, deadline == null ? null : Date.from(deadline));
    MediationProcess.Variables.RESULT.set(e, "AGREEMENT");
  }
}
