package org.huian.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.EventType;
import org.springframework.stereotype.Component;

/**
 * A party declined, or the links expired before everyone confirmed: the agreement is set aside
 * (DECLINED or EXPIRED, from the input parameter {@code confirmationEnd}) and the mediator takes
 * the case up again.
 */
@Component
class CloseConfirmationRoundDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;

  CloseConfirmationRoundDelegate(CaseContext context, MediationRepository repository) {
    this.context = context;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    AgreementStatus end = AgreementStatus.valueOf((String) e.getVariable("confirmationEnd"));
    MediationRepository.Agreement a = repository.agreement(MediationProcess.Variables.AGREEMENT_ID.get(e));
    repository.setAgreementStatus(a.id(), end);
    repository.expireOpenTokens(a.id());
    if (end == AgreementStatus.EXPIRED) {
      context.cases().addEvent(a.caseNo(), EventType.AGREEMENT_EXPIRED, a.level(), a.unitCode(), CaseContext.SYSTEM,
          "确认链接已过期，仍有当事人未确认，退回调解员");
    }
    MediationProcess.Variables.AGREEMENT_ID.remove(e);
    e.removeVariable("mediationOutcome");
    MediationProcess.Variables.RESULT.remove(e);
  }
}
