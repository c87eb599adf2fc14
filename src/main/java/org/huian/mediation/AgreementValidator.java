package org.huian.mediation;

import org.huian.config.TextRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.cases.StoredParty;
import org.springframework.stereotype.Component;

/**
 * The rules of a mediation record and its agreement: the outcome and the responsibilities are
 * stated; an agreement has text and obligations between two different parties of the case; an
 * instalment plan adds up to its total, its due dates lie in the future and in order; an action has
 * a future due date. Remote sessions need a phone for every bound party, to send the links to.
 */
@Component
public class AgreementValidator {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  public MediationOutcome validate(AgreementRequest r, List<StoredParty> parties, boolean remote) {
    List<FieldError> errors = new ArrayList<>();
    MediationOutcome outcome = null;
    try {
      outcome = r.outcome() == null ? null : MediationOutcome.valueOf(r.outcome());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("outcome", "调解结果取值无效：" + r.outcome()));
    }
    if (r.outcome() == null) {
      errors.add(new FieldError("outcome", "请选择调解结果"));
    }
    text(errors, "responsibilities", r.responsibilities(), 4000, "责任边界认定");
    if (outcome == MediationOutcome.AGREEMENT || outcome == MediationOutcome.PARTIAL) {
      text(errors, "text", r.text(), 4000, "协议内容");
      if (r.obligationsOrEmpty().isEmpty()) {
        errors.add(new FieldError("obligations", "协议须至少包含一项履行义务"));
      }
      if (r.obligationsOrEmpty().size() > 50) {
        errors.add(new FieldError("obligations", "履行义务最多 50 项"));
      }
      Map<Long, StoredParty> byId = parties.stream().collect(Collectors.toMap(StoredParty::id, Function.identity()));
      LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(BEIJING).toLocalDate();
      for (int i = 0; i < r.obligationsOrEmpty().size(); i++) {
        obligation(errors, "obligations[" + i + "]", r.obligationsOrEmpty().get(i), byId, today, remote);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return outcome;
  }

  private void obligation(List<FieldError> errors, String at, AgreementRequest.Obligation o,
      Map<Long, StoredParty> parties, LocalDate today, boolean remote) {
    if (o == null) {
      errors.add(new FieldError(at, "履行义务不能为空"));
      return;
    }
    StoredParty obligor = party(errors, at + ".obligorPartyId", o.obligorPartyId(), parties, "履行义务人");
    StoredParty beneficiary = party(errors, at + ".beneficiaryPartyId", o.beneficiaryPartyId(), parties, "权利人");
    if (obligor != null && obligor == beneficiary) {
      errors.add(new FieldError(at + ".beneficiaryPartyId", "义务人与权利人不能是同一当事人"));
    }
    if (remote) {
      for (StoredParty p : java.util.stream.Stream.of(obligor, beneficiary).filter(java.util.Objects::nonNull).distinct().toList()) {
        if (p.phone() == null || p.phone().isBlank()) {
          errors.add(new FieldError(at, "远程调解须登记当事人手机号以发送确认链接：" + p.name()));
        }
      }
    }
    text(errors, at + ".description", o.description(), 200, "履行事项");
    if (o.kind() == ObligationKind.INSTALMENTS) {
      if (o.totalAmount() == null || o.totalAmount().signum() <= 0) {
        errors.add(new FieldError(at + ".totalAmount", "分期履行须填写大于 0 的总金额"));
      }
      if (o.dueDate() != null) {
        errors.add(new FieldError(at + ".dueDate", "分期履行的期限写在各期中"));
      }
      if (o.instalments().size() > 120) {
        errors.add(new FieldError(at + ".instalments", "分期最多 120 期"));
      }
      BigDecimal sum = BigDecimal.ZERO;
      LocalDate previous = null;
      for (int j = 0; j < o.instalments().size(); j++) {
        AgreementRequest.Instalment in = o.instalments().get(j);
        String iat = at + ".instalments[" + j + "]";
        if (in == null || in.amount() == null || in.amount().signum() <= 0 || in.amount().scale() > 2) {
          errors.add(new FieldError(iat + ".amount", "每期金额须大于 0，最多两位小数"));
        } else {
          sum = sum.add(in.amount());
        }
        LocalDate due = in == null ? null : in.dueDate();
        if (due == null) {
          errors.add(new FieldError(iat + ".dueDate", "请填写履行期限"));
        } else if (!due.isAfter(today)) {
          errors.add(new FieldError(iat + ".dueDate", "履行期限须晚于今天"));
        } else if (previous != null && !due.isAfter(previous)) {
          errors.add(new FieldError(iat + ".dueDate", "各期期限须按先后顺序排列"));
        }
        previous = due == null ? previous : due;
      }
      if (o.totalAmount() != null && sum.compareTo(o.totalAmount()) != 0) {
        errors.add(new FieldError(at + ".instalments", "各期金额合计 " + sum.toPlainString() + " 元，与总金额 "
            + o.totalAmount().toPlainString() + " 元不符"));
      }
    } else {
      if (o.dueDate() == null) {
        errors.add(new FieldError(at + ".dueDate", "请填写履行期限，或为付款义务填写分期"));
      } else if (!o.dueDate().isAfter(today)) {
        errors.add(new FieldError(at + ".dueDate", "履行期限须晚于今天"));
      }
      if (o.totalAmount() != null) {
        errors.add(new FieldError(at + ".totalAmount", "付款义务请按分期填写（一次付清即一期）"));
      }
    }
  }

  private static StoredParty party(List<FieldError> errors, String field, Long id, Map<Long, StoredParty> parties, String label) {
    if (id == null) {
      errors.add(new FieldError(field, "请选择" + label));
      return null;
    }
    StoredParty p = parties.get(id);
    if (p == null) {
      errors.add(new FieldError(field, label + "不是本案当事人：" + id));
    }
    return p;
  }

  private static void text(List<FieldError> errors, String field, String value, int max, String label) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "请填写" + label));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, label + "不能超过 " + max + " 字"));
    } else if (TextRules.hasControlCharacters(value)) {
      errors.add(new FieldError(field, label + "含有不可见的控制字符"));
    }
  }
}
