package org.huian.mediation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Lists the instalments and actions of the agreement in force; each is then tracked on its own. */
@Component
class PlanFulfilmentDelegate implements JavaDelegate {

  private final MediationRepository repository;

  PlanFulfilmentDelegate(MediationRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    long agreementId = MediationProcess.Variables.AGREEMENT_ID.get(e);
    List<Long> ids = new ArrayList<>();
    repository.agreementItems(agreementId).forEach(i -> ids.add(i.id()));
    e.setVariable(AgreementFulfilment.Variables.ITEMS.name(),
        Variables.objectValue(ids).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
