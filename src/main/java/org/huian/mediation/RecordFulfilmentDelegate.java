package org.huian.mediation;

import org.huian.config.TextRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseNotifications;
import org.huian.cases.EventType;
import org.huian.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Records the unit's answer for one instalment or action. On time ({@code Task_RecordFulfilment}):
 * fulfilled, or missed (the grace period follows). In the grace period ({@code
 * Task_RecordLateFulfilment}) only "fulfilled" can be recorded; the grace timer handles the rest.
 * The result is kept in the item's own scope of the multi-instance sub-process.
 */
@Component
class RecordFulfilmentDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;

  RecordFulfilmentDelegate(CaseContext context, MediationRepository repository) {
    this.context = context;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    boolean late = AgreementFulfilment.Elements.RECORD_LATE.equals(e.getCurrentActivityId());
    String answer = AgreementFulfilment.Variables.ANSWER.optional(e).orElse("");
    String evidence = AgreementFulfilment.Variables.EVIDENCE.optional(e).map(String::strip).orElse("");
    if (!answer.equals("FULFILLED") && !answer.equals("MISSED")) {
      throw new InvalidRequestException("fulfilment", "请选择履行情况");
    }
    if (late && answer.equals("MISSED")) {
      throw new InvalidRequestException("fulfilment", "宽限期内仍未履行的无需提交，宽限期满将自动认定违约");
    }
    if (evidence.isEmpty() || evidence.length() > 2000
        || TextRules.hasControlCharacters(evidence)) {
      throw new InvalidRequestException("fulfilmentEvidence", "请填写履行情况及凭证说明（不超过 2000 字）");
    }
    AgreementFulfilment.Variables.ANSWER.remove(e);
    AgreementFulfilment.Variables.EVIDENCE.remove(e);
    long itemId = AgreementFulfilment.Variables.ITEM_ID.get(e);
    MediationRepository.ItemContext ctx = repository.itemContext(itemId);
    MediationRepository.Item item = ctx.item();
    MediationRepository.Obligation o = ctx.obligation();
    MediationRepository.Agreement a = ctx.agreement();
    String actor = CaseContext.actor(e);
    boolean fulfilled = answer.equals("FULFILLED");
    repository.setItemStatus(itemId, fulfilled ? ItemStatus.FULFILLED : ItemStatus.MISSED, evidence, fulfilled ? actor : null);
    context.cases().addEvent(a.caseNo(), fulfilled ? EventType.INSTALMENT_PAID : EventType.INSTALMENT_MISSED,
        a.level(), a.unitCode(), actor,
        o.description() + AgreementService.label(item) + (fulfilled ? (late ? "已在宽限期内履行：" : "已履行：") : "未按期履行：") + evidence);
    e.setVariableLocal(AgreementFulfilment.Variables.ITEM_FULFILLED.name(), fulfilled);
    e.setVariableLocal("obligationKind", o.kind().name());
  }
}
