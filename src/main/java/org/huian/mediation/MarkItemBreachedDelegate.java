package org.huian.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The grace period ended and the instalment or action is still missed. */
@Component
class MarkItemBreachedDelegate implements JavaDelegate {

  private final MediationRepository repository;

  MarkItemBreachedDelegate(MediationRepository repository) {
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    long itemId = AgreementFulfilment.Variables.ITEM_ID.get(e);
    repository.setItemStatus(itemId, ItemStatus.BREACHED, null, null);
    repository.setObligationStatus(repository.item(itemId).obligationId(), "BREACHED");
  }
}
