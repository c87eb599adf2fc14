package org.huian.dialogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.security.Scope;
import org.springframework.stereotype.Component;

/**
 * A unit's score from its tasks: per task 40 points when done by its deadline, plus 60 / 30 / 0
 * for solved / partly / not solved; the unit's score is the average (0–100). The DMN then grades it.
 */
@Component
class ScoreUnitDelegate implements JavaDelegate {

  static final int ON_TIME_POINTS = 40;

  private final TaskRepository taskList;
  private final EffectivenessRepository effectiveness;

  ScoreUnitDelegate(TaskRepository tasks, EffectivenessRepository effectiveness) {
    this.taskList = tasks;
    this.effectiveness = effectiveness;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    String unit = DialogueCycle.Variables.ASSESSED_UNIT.get(e);
    List<TaskRepository.Task> tasks = taskList.tasks(Scope.everything(), cycleNo).stream()
        .filter(t -> t.responsibleUnit().equals(unit)).toList();
    int onTime = 0;
    int solved = 0;
    int partly = 0;
    int notSolved = 0;
    int points = 0;
    for (TaskRepository.Task t : tasks) {
      if (t.onTime()) {
        onTime++;
        points += ON_TIME_POINTS;
      }
      Rating r = t.rating() == null ? Rating.NOT_SOLVED : t.rating();
      points += r.points();
      switch (r) {
        case SOLVED -> solved++;
        case PARTLY -> partly++;
        default -> notSolved++;
      }
    }
    BigDecimal score = tasks.isEmpty() ? BigDecimal.ZERO
        : BigDecimal.valueOf(points).divide(BigDecimal.valueOf(tasks.size()), 1, RoundingMode.HALF_UP);
    effectiveness.upsertAssessment(new EffectivenessRepository.Assessment(cycleNo, unit, tasks.size(), onTime, solved, partly,
        notSolved, score, null, null, null, null));
    e.setVariableLocal(DialogueCycle.Variables.UNIT_SCORE.name(), score.doubleValue());
  }
}
