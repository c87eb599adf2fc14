package org.huian.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.EventType;
import org.springframework.stereotype.Component;

/** The agreement is BREACHED; the funnel reopens the case at its level. */
@Component
class RecordBreachDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;

  RecordBreachDelegate(CaseContext context, MediationRepository repository) {
    this.context = context;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    MediationRepository.Agreement a = repository.agreement(MediationProcess.Variables.AGREEMENT_ID.get(e));
    repository.setAgreementStatus(a.id(), AgreementStatus.BREACHED);
    context.cases().addEvent(a.caseNo(), EventType.AGREEMENT_BREACHED, a.level(), a.unitCode(), CaseContext.SYSTEM,
        "宽限期满仍未履行，认定协议违约；案件在本级重新办理，可再次调解、上报或引导司法确认、诉讼");
    AgreementFulfilment.Variables.RESULT.set(e, "BREACHED");
  }
}
