package org.huian.mediation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.huian.security.ProcessInstanceGrants;
import org.springframework.stereotype.Component;

/** Lists the instalments and actions of the agreement in force (each is then tracked on its own) and lets the handling unit read the tracking instance. */
@Component
class PlanFulfilmentDelegate implements JavaDelegate {

  private final MediationRepository repository;
  private final ProcessInstanceGrants grants;

  PlanFulfilmentDelegate(MediationRepository repository, ProcessInstanceGrants grants) {
    this.repository = repository;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution e) {
    long agreementId = MediationProcess.Variables.AGREEMENT_ID.get(e);
    Object handlers = e.getVariable("handlerGroup");
    if (handlers != null) {
      grants.grantRead(handlers.toString(), List.of(e.getProcessInstanceId()));
    }
    List<Long> ids = new ArrayList<>();
    repository.agreementItems(agreementId).forEach(i -> ids.add(i.id()));
    e.setVariable(AgreementFulfilment.Variables.ITEMS.name(),
        Variables.objectValue(ids).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
