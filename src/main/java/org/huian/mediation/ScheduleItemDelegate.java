package org.huian.mediation;

import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.StoredParty;
import org.springframework.stereotype.Component;

/**
 * Prepares the tracking of one instalment or action: it falls due at 09:00 (Beijing) on the day
 * after its due date, when the owning unit is asked to confirm it. Values are local to the item.
 */
@Component
class ScheduleItemDelegate implements JavaDelegate {

  static final LocalTime CHECK_TIME = LocalTime.of(9, 0);

  private final MediationRepository repository;
  private final AgreementService agreements;

  ScheduleItemDelegate(MediationRepository repository, AgreementService agreements) {
    this.repository = repository;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution e) {
    long itemId = AgreementFulfilment.Variables.ITEM_ID.get(e);
    MediationRepository.ItemContext ctx = repository.itemContext(itemId);
    MediationRepository.Item item = ctx.item();
    MediationRepository.Obligation o = ctx.obligation();
    MediationRepository.Agreement a = ctx.agreement();
    StoredParty obligor = agreements.party(a.caseNo(), o.obligorPartyId());
    StoredParty beneficiary = agreements.party(a.caseNo(), o.beneficiaryPartyId());
    Date dueAt = Date.from(item.dueDate().plusDays(1).atTime(CHECK_TIME).atZone(AgreementValidator.BEIJING).toInstant());
    e.setVariableLocal(AgreementFulfilment.Variables.ITEM_ID.name(), itemId);
    e.setVariableLocal(AgreementFulfilment.Variables.ITEM_DUE_AT.name(), dueAt);
    e.setVariableLocal("itemLabel", o.description() + (o.kind() == ObligationKind.INSTALMENTS ? "（第 " + item.seq() + " 期）" : ""));
    e.setVariableLocal("itemAmountText", item.amount() == null ? "—" : item.amount().toPlainString() + " 元");
    e.setVariableLocal("itemDueText", item.dueDate().toString());
    e.setVariableLocal("obligorName", obligor.name());
    e.setVariableLocal("beneficiaryName", beneficiary.name());
    e.setVariableLocal("graceText", "—");
  }
}
