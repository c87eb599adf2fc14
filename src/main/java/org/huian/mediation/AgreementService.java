package org.huian.mediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.huian.cases.CaseRepository;
import org.huian.cases.EventType;
import org.huian.problem.InvalidRequestException;
import org.huian.cases.StoredParty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agreements: creating them from a mediation record, confirmations through links, and their views. */
@Service
public class AgreementService {

  /** What a confirmation link answered. */
  public enum LinkResult { CONFIRMED, DECLINED }

  private final MediationRepository repository;
  private final CaseRepository cases;
  private final ObjectMapper json;
  private final RuntimeService runtime;
  private final TaskService tasks;

  AgreementService(MediationRepository repository, CaseRepository cases, ObjectMapper json,
      @Lazy RuntimeService runtime, @Lazy TaskService tasks) {
    this.repository = repository;
    this.cases = cases;
    this.json = json;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** Stores a validated agreement with its obligations and one fulfilment item per instalment or action. */
  public long create(MediationRepository.Mediation m, AgreementRequest r, MediationOutcome outcome, Instant confirmationDeadline) {
    long agreementId = repository.insertAgreement(m.caseNo(), m.id(), m.level(), m.unitCode(),
        outcome == MediationOutcome.PARTIAL, r.text().strip(), m.mode().remote(), confirmationDeadline);
    int position = 0;
    for (AgreementRequest.Obligation o : r.obligations()) {
      ObligationKind kind = o.kind();
      long obligationId = repository.insertObligation(agreementId, position++, kind, o.obligorPartyId(),
          o.beneficiaryPartyId(), o.description().strip(), kind == ObligationKind.INSTALMENTS ? o.totalAmount() : null);
      if (kind == ObligationKind.INSTALMENTS) {
        int seq = 1;
        for (AgreementRequest.Instalment in : o.instalments()) {
          repository.insertItem(obligationId, seq++, in.amount(), in.dueDate());
        }
      } else {
        repository.insertItem(obligationId, 1, null, o.dueDate());
      }
    }
    return agreementId;
  }

  /**
   * The Tasklist form as the canonical request: one payment plan (obligor, beneficiary and up to
   * six instalments, in date order) and one optional action. Agreements with more obligations are
   * recorded through {@code POST /api/cases/{caseNo}/agreement}.
   */
  public AgreementRequest fromForm(java.util.function.Function<String, Object> variable) {
    List<AgreementRequest.Obligation> obligations = new ArrayList<>();
    List<AgreementRequest.Instalment> instalments = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int n = 1; n <= 6; n++) {
      String amount = text(variable.apply("instalment" + n + "Amount"));
      if (amount == null) {
        continue;
      }
      BigDecimal value;
      try {
        value = new BigDecimal(amount);
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("instalment" + n + "Amount", "第 " + n + " 期金额格式不正确");
      }
      instalments.add(new AgreementRequest.Instalment(value, date("instalment" + n + "Due", variable.apply("instalment" + n + "Due"))));
      total = total.add(value);
    }
    if (!instalments.isEmpty()) {
      obligations.add(new AgreementRequest.Obligation(id("paymentObligor", variable.apply("paymentObligor")),
          id("paymentBeneficiary", variable.apply("paymentBeneficiary")),
          Optional.ofNullable(text(variable.apply("paymentDescription"))).orElse("支付款项"), total, instalments, null));
    }
    String action = text(variable.apply("actionDescription"));
    if (action != null) {
      obligations.add(new AgreementRequest.Obligation(id("actionObligor", variable.apply("actionObligor")),
          id("actionBeneficiary", variable.apply("actionBeneficiary")), action, null, null,
          date("actionDue", variable.apply("actionDue"))));
    }
    return new AgreementRequest(text(variable.apply("mediationOutcome")), text(variable.apply("responsibilities")),
        text(variable.apply("agreementText")), obligations);
  }

  private static String text(Object v) {
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  private static Long id(String field, Object v) {
    String s = text(v);
    try {
      return s == null ? null : Long.valueOf(s);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field, "当事人选择无效：" + s);
    }
  }

  private static LocalDate date(String field, Object v) {
    String s = text(v);
    if (s == null) {
      return null;
    }
    try {
      return s.length() > 10 ? OffsetDateTime.parse(s).atZoneSameInstant(AgreementValidator.BEIJING).toLocalDate() : LocalDate.parse(s);
    } catch (RuntimeException e) {
      throw new InvalidRequestException(field, "日期格式不正确：" + s);
    }
  }

  public AgreementRequest fromJson(String agreementJson) {
    try {
      return json.readValue(agreementJson, AgreementRequest.class);
    } catch (java.io.IOException e) {
      throw new InvalidRequestException("agreement", "协议格式不正确");
    }
  }

  public String toJson(AgreementRequest r) {
    try {
      return json.writeValueAsString(r);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------- links

  /** The token behind a link, checked: 404 unknown, 410 used or expired. */
  public MediationRepository.Token token(String rawToken) {
    MediationRepository.Token t = rawToken == null || rawToken.length() > 100 ? null
        : repository.tokenByHash(ConfirmationLinks.hash(rawToken)).orElse(null);
    if (t == null) {
      throw new LinkException(404, "链接无效", "该确认链接不存在，请核对短信中的链接。");
    }
    if (t.usedAt() != null) {
      throw new LinkException(410, "链接已使用", "该确认链接已于此前使用，不能重复提交。");
    }
    if (!t.expiresAt().isAfter(MediationRepository.now())) {
      throw new LinkException(410, "链接已过期", "该确认链接已过期，请联系调解员重新发送。");
    }
    return t;
  }

  /** Records a party's answer; the agreement takes effect when every bound party confirmed. */
  @Transactional
  public LinkResult answer(String rawToken, boolean confirm) {
    MediationRepository.Token t = token(rawToken);
    if (!repository.useToken(t.id(), confirm ? "CONFIRMED" : "DECLINED")) {
      throw new LinkException(410, "链接已使用", "该确认链接已于此前使用，不能重复提交。");
    }
    MediationRepository.Agreement a = repository.agreement(t.agreementId());
    StoredParty party = party(a.caseNo(), t.partyId());
    if (t.purpose() == TokenPurpose.AGREEMENT) {
      agreementAnswer(a, party, confirm);
    } else {
      fulfilmentAnswer(a, t, party, confirm);
    }
    return confirm ? LinkResult.CONFIRMED : LinkResult.DECLINED;
  }

  private void agreementAnswer(MediationRepository.Agreement a, StoredParty party, boolean confirm) {
    if (a.status() != AgreementStatus.PENDING_CONFIRMATION) {
      throw new LinkException(410, "协议已不在确认阶段", "该协议已不在确认阶段，无需再次确认。");
    }
    String processInstanceId = repository.mediation(a.mediationId()).processInstanceId();
    if (!confirm) {
      cases.addEvent(a.caseNo(), EventType.AGREEMENT_DECLINED, a.level(), a.unitCode(), "party:" + party.id(),
          party.roleNameZh() + party.name() + "通过确认链接表示不同意协议");
      runtime.createMessageCorrelation(MediationProcess.MESSAGE_DECLINED).processInstanceId(processInstanceId).correlate();
      return;
    }
    cases.addEvent(a.caseNo(), EventType.AGREEMENT_CONFIRMED, a.level(), a.unitCode(), "party:" + party.id(),
        party.roleNameZh() + party.name() + "通过确认链接确认协议");
    if (repository.unconfirmed(a.id()) == 0) {
      runtime.createMessageCorrelation(MediationProcess.MESSAGE_CONFIRMED).processInstanceId(processInstanceId).correlate();
    }
  }

  private void fulfilmentAnswer(MediationRepository.Agreement a, MediationRepository.Token t, StoredParty party, boolean confirm) {
    MediationRepository.Item item = repository.item(t.itemId());
    if (item.status() == ItemStatus.FULFILLED || item.status() == ItemStatus.BREACHED) {
      throw new LinkException(410, "该事项已有结论", "该履行事项已有结论，无需再次确认。");
    }
    if (!confirm) {
      cases.addEvent(a.caseNo(), EventType.INSTALMENT_MISSED, a.level(), a.unitCode(), "party:" + party.id(),
          party.roleNameZh() + party.name() + "通过链接表示尚未收到：" + label(item));
      return;
    }
    Task task = openConfirmationTask(a.caseNo(), item.id());
    if (task == null) {
      throw new LinkException(409, "暂不能确认", "该事项当前不在确认阶段，请联系承办单位。");
    }
    tasks.complete(task.getId(), Map.of(
        AgreementFulfilment.Variables.ANSWER.name(), "FULFILLED",
        AgreementFulfilment.Variables.EVIDENCE.name(), "权利人" + party.name() + "通过确认链接确认已履行"));
  }

  /** The open confirmation task (on time or in grace) of one fulfilment item, if any. */
  public Task openConfirmationTask(String caseNo, long itemId) {
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(AgreementFulfilment.KEY)
        .taskDefinitionKeyIn(AgreementFulfilment.Elements.CONFIRM, AgreementFulfilment.Elements.CONFIRM_LATE).list()) {
      Object id = runtime.getVariable(task.getExecutionId(), AgreementFulfilment.Variables.ITEM_ID.name());
      if (id instanceof Number n && n.longValue() == itemId) {
        return task;
      }
    }
    return null;
  }

  StoredParty party(String caseNo, long partyId) {
    return cases.parties(caseNo).stream().filter(p -> p.id() == partyId).findFirst()
        .orElseThrow(() -> new IllegalStateException("party " + partyId + " not in case " + caseNo));
  }

  static String label(MediationRepository.Item item) {
    return "第" + item.seq() + "项（" + (item.amount() == null ? "履行行为" : item.amount().toPlainString() + " 元")
        + "，期限 " + item.dueDate() + "）";
  }

  /** An answer to a link that cannot be taken: status and a Chinese title and text for the page. */
  public static class LinkException extends RuntimeException {
    private final int status;
    private final String title;

    public LinkException(int status, String title, String detail) {
      super(detail);
      this.status = status;
      this.title = title;
    }

    public int status() {
      return status;
    }

    public String title() {
      return title;
    }
  }
}
