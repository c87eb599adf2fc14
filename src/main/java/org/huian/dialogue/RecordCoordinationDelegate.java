package org.huian.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

/** Records the coordination decision and, when given, the new deadline; the task goes back to its unit. */
@Component
class RecordCoordinationDelegate implements JavaDelegate {

  private final ImplementationRepository implementation;

  RecordCoordinationDelegate(ImplementationRepository implementation) {
    this.implementation = implementation;
  }

  @Override
  public void execute(DelegateExecution e) {
    String taskNo = DialogueTaskProcess.Variables.TASK_NO.get(e);
    List<FieldError> errors = new ArrayList<>();
    String decision = DialogueRules.text(errors, "decision", DialogueTaskProcess.Variables.DECISION.optional(e).orElse(null),
        2000, true, "协调意见");
    LocalDate deadline = DialogueRules.date(errors, "newDeadline",
        DialogueTaskProcess.Variables.NEW_DEADLINE.optional(e).orElse(null), false, "新的完成期限");
    if (deadline != null && deadline.isBefore(DialogueClock.today())) {
      errors.add(new FieldError("newDeadline", "新的完成期限不能早于今天"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    implementation.recordCoordination(taskNo, decision, deadline);
    if (deadline != null) {
      DialogueTaskProcess.Variables.DEADLINE.set(e, DialogueClock.endOf(deadline));
      e.setVariable("deadlineText", DialogueClock.format(deadline));
    }
    e.setVariable("progressText", e.getVariable("progressText") + "；区级协调意见：" + decision);
    DialogueTaskProcess.Variables.DECISION.remove(e);
    DialogueTaskProcess.Variables.NEW_DEADLINE.remove(e);
  }
}
