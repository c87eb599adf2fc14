package org.huian.dialogue;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the grade the assessment DMN gave a unit, and whether it is called in for a talk. */
@Component
class RecordRatingDelegate implements JavaDelegate {

  private final EffectivenessRepository effectiveness;

  RecordRatingDelegate(EffectivenessRepository effectiveness) {
    this.effectiveness = effectiveness;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution e) {
    Map<String, Object> rating = (Map<String, Object>) e.getVariable("unitRating");
    effectiveness.setGrade(DialogueCycle.Variables.CYCLE_NO.get(e), DialogueCycle.Variables.ASSESSED_UNIT.get(e),
        String.valueOf(rating.get("grade")), Boolean.TRUE.equals(rating.get("admonish")));
  }
}
