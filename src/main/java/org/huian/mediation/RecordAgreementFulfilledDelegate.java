package org.huian.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.EventType;
import org.springframework.stereotype.Component;

/** Every instalment and action was carried out: the agreement is FULFILLED. */
@Component
class RecordAgreementFulfilledDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;

  RecordAgreementFulfilledDelegate(CaseContext context, MediationRepository repository) {
    this.context = context;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    MediationRepository.Agreement a = repository.agreement(MediationProcess.Variables.AGREEMENT_ID.get(e));
    repository.setAgreementStatus(a.id(), AgreementStatus.FULFILLED);
    repository.obligations(a.id()).forEach(o -> repository.setObligationStatus(o.id(), "FULFILLED"));
    context.cases().addEvent(a.caseNo(), EventType.AGREEMENT_FULFILLED, a.level(), a.unitCode(), CaseContext.SYSTEM,
        "调解协议约定的全部义务均已履行");
    AgreementFulfilment.Variables.RESULT.set(e, "FULFILLED");
  }
}
