package org.huian.cases;

import org.huian.problem.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the result of the return visit into the timeline; refuses (400) a visit without a valid
 * result, so the gateway after it always sees one.
 */
@Component
class RecordFeedbackDelegate implements JavaDelegate {

  private final CaseContext context;

  RecordFeedbackDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    String feedback = CaseFunnel.Variables.FEEDBACK.optional(execution).orElse("");
    String label = switch (feedback) {
      case CaseFunnel.Feedback.SATISFIED -> "满意";
      case CaseFunnel.Feedback.DISSATISFIED -> "不满意";
      case CaseFunnel.Feedback.UNREACHABLE -> "多次联系未果";
      default -> throw new InvalidRequestException("feedback", "请选择回访结果");
    };
    context.cases().addEvent(c.caseNo(), EventType.FEEDBACK, c.level(), c.unitCode(), CaseContext.actor(execution),
        "回访结果：" + label + "。" + CaseFunnel.Variables.FEEDBACK_NOTE.getOrDefault(execution, ""));
  }
}
