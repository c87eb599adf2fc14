package org.huian.mediation;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseNotifications;
import org.huian.cases.DeadlineCalculator;
import org.huian.geography.Level;
import org.springframework.stereotype.Component;

/**
 * A missed instalment or action gets the grace period of {@code fulfilment-grace.dmn}, counted by
 * the deadline bean; the obligor is reminded, and the unit may confirm a late fulfilment until it ends.
 */
@Component
class StartGraceDelegate implements JavaDelegate {

  private final MediationRepository repository;
  private final DeadlineCalculator deadlines;
  private final AgreementService agreements;
  private final MediationNotifications notifications;

  StartGraceDelegate(MediationRepository repository, DeadlineCalculator deadlines, AgreementService agreements,
      MediationNotifications notifications) {
    this.repository = repository;
    this.deadlines = deadlines;
    this.agreements = agreements;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution e) {
    long itemId = AgreementFulfilment.Variables.ITEM_ID.get(e);
    String grace = AgreementFulfilment.Variables.GRACE_DURATION.get(e);
    Instant until = deadlines.window(MediationRepository.now(), grace, Level.DISTRICT).deadline();
    repository.setGrace(itemId, until);
    e.setVariableLocal(AgreementFulfilment.Variables.GRACE_UNTIL.name(), Date.from(until));
    e.setVariableLocal("graceText", "已催告义务人，宽限至 " + CaseNotifications.format(until));
    MediationRepository.ItemContext ctx = repository.itemContext(itemId);
    MediationRepository.Item item = ctx.item();
    MediationRepository.Obligation o = ctx.obligation();
    MediationRepository.Agreement a = ctx.agreement();
    notifications.remind(a.caseNo(), agreements.party(a.caseNo(), o.obligorPartyId()),
        o.description() + AgreementService.label(item), CaseNotifications.format(until));
  }
}
