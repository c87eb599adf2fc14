package org.huian.cases;

import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/**
 * Checks a handler's answer in the transaction that completes the handling task. A broken answer
 * is refused with a clear message (400 in {@code /engine-rest}, an error notice in Tasklist), the
 * transaction rolls back and the task stays open. (A task listener cannot do this: the engine
 * wraps its exceptions, which {@code /engine-rest} then answers with 500.)
 */
@Component
class CheckHandlingDelegate implements JavaDelegate {

  private final CaseContext context;

  CheckHandlingDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution task) {
    CaseRow c = context.caseOf(task);
    Level level = context.level(c);
    String outcome = CaseHandling.Variables.OUTCOME.optional(task).orElse(null);
    String reason = CaseHandling.Variables.OUTCOME_REASON.optional(task).map(String::strip).orElse("");
    String actions = CaseHandling.Variables.ACTIONS_TAKEN.optional(task).map(String::strip).orElse("");
    List<FieldError> errors = new ArrayList<>();
    if (actions.isEmpty()) {
      errors.add(new FieldError("actionsTaken", "请填写处置措施及经过"));
    } else if (actions.length() > 4000) {
      errors.add(new FieldError("actionsTaken", "处置措施不能超过 4000 字"));
    }
    if (outcome == null) {
      errors.add(new FieldError("outcome", "请选择处置结果"));
    } else {
      switch (outcome) {
        case CaseHandling.Outcome.RESOLVED -> { }
        case CaseHandling.Outcome.ESCALATE -> {
          if (level == Level.DISTRICT) {
            errors.add(new FieldError("outcome", "区级是最高层级，不能再上报；如超期将启动督办"));
          }
          requireReason(errors, reason);
        }
        case CaseHandling.Outcome.REFER -> checkReferral(errors, c, level,
            CaseHandling.Variables.REFER_TO_UNIT.optional(task).orElse(null), reason);
        case CaseHandling.Outcome.REQUEST_COMPLEX -> {
          if (level != Level.STREET && level != Level.DISTRICT) {
            errors.add(new FieldError("outcome", "只有街道和区级可以申请按复杂案件办理"));
          } else if (c.complexity() == Complexity.COMPLEX) {
            errors.add(new FieldError("outcome", "本案已按复杂案件办理"));
          }
          requireReason(errors, reason);
        }
        case CaseHandling.Outcome.MEDIATE -> {
          if (context.cases().parties(c.caseNo()).size() < 2) {
            errors.add(new FieldError("outcome", "组织调解须至少登记两方当事人"));
          }
        }
        case CaseHandling.Outcome.JUDICIAL_REFERRAL -> { } // details are checked where they are recorded
        default -> errors.add(new FieldError("outcome", "处置结果取值无效：" + outcome));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private void checkReferral(List<FieldError> errors, CaseRow c, Level level, String target, String reason) {
    requireReason(errors, reason);
    if (level == Level.DISTRICT) {
      errors.add(new FieldError("outcome", "区级案件不能转同级单位"));
      return;
    }
    Unit to = target == null ? null : context.geography().find(target).orElse(null);
    if (to == null) {
      errors.add(new FieldError("referToUnit", "请选择有效的转办单位"));
    } else if (to.level() != level) {
      errors.add(new FieldError("referToUnit", "只能转给同一层级的单位"));
    } else if (to.code().equals(c.unitCode())) {
      errors.add(new FieldError("referToUnit", "不能转给本单位"));
    }
  }

  private static void requireReason(List<FieldError> errors, String reason) {
    if (reason.isEmpty()) {
      errors.add(new FieldError("outcomeReason", "请填写理由"));
    } else if (reason.length() > 2000) {
      errors.add(new FieldError("outcomeReason", "理由不能超过 2000 字"));
    }
  }
}
