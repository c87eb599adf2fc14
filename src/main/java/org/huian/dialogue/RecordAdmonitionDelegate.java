package org.huian.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

/** Records the talk with a called-in unit: its date (not in the future) and what was agreed. */
@Component
class RecordAdmonitionDelegate implements JavaDelegate {

  private final EffectivenessRepository effectiveness;

  RecordAdmonitionDelegate(EffectivenessRepository effectiveness) {
    this.effectiveness = effectiveness;
  }

  @Override
  public void execute(DelegateExecution e) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate heldOn = DialogueRules.date(errors, "heldOn",
        DialogueCycle.Variables.ADMONITION_DATE.optional(e).orElse(null), true, "约谈日期");
    if (heldOn != null && heldOn.isAfter(DialogueClock.today())) {
      errors.add(new FieldError("heldOn", "约谈日期不能晚于今天"));
    }
    String note = DialogueRules.text(errors, "note", DialogueCycle.Variables.ADMONITION_NOTE.optional(e).orElse(null),
        2000, true, "约谈情况");
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    effectiveness.recordAdmonition(DialogueCycle.Variables.CYCLE_NO.get(e), DialogueCycle.Variables.ADMONISHED_UNIT.get(e),
        heldOn, note);
    DialogueCycle.Variables.ADMONITION_DATE.remove(e);
    DialogueCycle.Variables.ADMONITION_NOTE.remove(e);
  }
}
