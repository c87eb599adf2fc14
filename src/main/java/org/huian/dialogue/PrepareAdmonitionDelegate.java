package org.huian.dialogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/** Puts the called-in unit's name and score into the talk's scope, for the form. */
@Component
class PrepareAdmonitionDelegate implements JavaDelegate {

  private final EffectivenessRepository effectiveness;
  private final Geography geography;

  PrepareAdmonitionDelegate(EffectivenessRepository effectiveness, Geography geography) {
    this.effectiveness = effectiveness;
    this.geography = geography;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    String unit = DialogueCycle.Variables.ADMONISHED_UNIT.get(e);
    e.setVariableLocal(DialogueCycle.Variables.ADMONISHED_UNIT.name(), unit);
    e.setVariableLocal("admonishedUnitName", geography.find(unit).map(Unit::name).orElse(unit));
    e.setVariableLocal("unitScoreText", effectiveness.assessment(cycleNo, unit)
        .map(a -> a.score() + " 分（任务 " + a.taskCount() + " 项，按期完成 " + a.onTime() + " 项，已解决 " + a.solved()
            + " 项，部分解决 " + a.partly() + " 项，未解决 " + a.notSolved() + " 项）").orElse("—"));
  }
}
