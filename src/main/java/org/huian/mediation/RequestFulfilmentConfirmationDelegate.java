package org.huian.mediation;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An instalment or action fell due: the beneficiary gets a link to confirm it was carried out
 * (which completes the unit's confirmation task), and the unit's task opens next.
 */
@Component
class RequestFulfilmentConfirmationDelegate implements JavaDelegate {

  private final MediationRepository repository;
  private final ConfirmationLinks links;
  private final AgreementService agreements;
  private final MediationNotifications notifications;
  private final Duration linkValidity;

  RequestFulfilmentConfirmationDelegate(MediationRepository repository, ConfirmationLinks links, AgreementService agreements,
      MediationNotifications notifications, @Value("${huian.mediation.fulfilment-link-validity:P30D}") Duration linkValidity) {
    this.repository = repository;
    this.links = links;
    this.agreements = agreements;
    this.notifications = notifications;
    this.linkValidity = linkValidity;
  }

  @Override
  public void execute(DelegateExecution e) {
    long itemId = AgreementFulfilment.Variables.ITEM_ID.get(e);
    MediationRepository.ItemContext ctx = repository.itemContext(itemId);
    MediationRepository.Item item = ctx.item();
    MediationRepository.Obligation o = ctx.obligation();
    MediationRepository.Agreement a = ctx.agreement();
    String link = links.issue(TokenPurpose.FULFILMENT, a.id(), item.id(), o.beneficiaryPartyId(),
        MediationRepository.now().plus(linkValidity));
    notifications.confirmFulfilment(a.caseNo(), agreements.party(a.caseNo(), o.beneficiaryPartyId()),
        o.description() + AgreementService.label(item), link);
  }
}
