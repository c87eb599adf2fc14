package org.huian.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseStatus;
import org.huian.cases.EventType;
import org.springframework.stereotype.Component;

/** The agreement takes effect: the case is AGREED and its fulfilment will be tracked. */
@Component
class ActivateAgreementDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;

  ActivateAgreementDelegate(CaseContext context, MediationRepository repository) {
    this.context = context;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    MediationRepository.Agreement a = repository.agreement(MediationProcess.Variables.AGREEMENT_ID.get(e));
    repository.setAgreementStatus(a.id(), AgreementStatus.EFFECTIVE);
    context.cases().setStatus(a.caseNo(), CaseStatus.AGREED);
    context.cases().addEvent(a.caseNo(), EventType.AGREEMENT_CONFIRMED, a.level(), a.unitCode(), CaseContext.actor(e),
        (a.remote() ? "各方当事人均已确认，" : "当事人现场签字确认，") + "调解协议生效，进入履行跟踪");
    MediationProcess.Variables.RESULT.set(e, "AGREED");
  }
}
