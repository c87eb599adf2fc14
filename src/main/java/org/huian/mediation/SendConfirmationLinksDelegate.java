package org.huian.mediation;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseNotifications;
import org.huian.cases.EventType;
import org.springframework.stereotype.Component;

/**
 * A remote session's agreement: every party bound by it (as obligor or beneficiary) gets a
 * personal link to read and confirm it. Earlier links of the agreement are retired.
 */
@Component
class SendConfirmationLinksDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;
  private final ConfirmationLinks links;
  private final AgreementService agreements;
  private final MediationNotifications notifications;

  SendConfirmationLinksDelegate(CaseContext context, MediationRepository repository, ConfirmationLinks links,
      AgreementService agreements, MediationNotifications notifications) {
    this.context = context;
    this.repository = repository;
    this.links = links;
    this.agreements = agreements;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution e) {
    MediationRepository.Agreement a = repository.agreement(MediationProcess.Variables.AGREEMENT_ID.get(e));
    repository.expireOpenTokens(a.id());
    Set<Long> bound = new LinkedHashSet<>();
    repository.obligations(a.id()).forEach(o -> {
      bound.add(o.obligorPartyId());
      bound.add(o.beneficiaryPartyId());
    });
    String deadline = CaseNotifications.format(a.confirmationDeadline());
    for (long partyId : bound) {
      String link = links.issue(TokenPurpose.AGREEMENT, a.id(), null, partyId, a.confirmationDeadline());
      notifications.confirmAgreement(a.caseNo(), agreements.party(a.caseNo(), partyId), link, deadline);
    }
    context.cases().addEvent(a.caseNo(), EventType.AGREEMENT_LINKS_SENT, a.level(), a.unitCode(), CaseContext.actor(e),
        "已向 " + bound.size() + " 方当事人发送协议确认链接，" + deadline + " 前有效");
  }
}
