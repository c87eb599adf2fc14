package org.huian.dialogue;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.security.Scope;
import org.springframework.stereotype.Component;

/** The review ends only with a summary and every task of the year rated; otherwise the form is refused (400). */
@Component
class CheckReviewDelegate implements JavaDelegate {

  private final TaskRepository tasks;
  private final CycleRepository cycles;

  CheckReviewDelegate(TaskRepository tasks, CycleRepository cycles) {
    this.tasks = tasks;
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    List<FieldError> errors = new ArrayList<>();
    String summary = DialogueRules.text(errors, "summary", DialogueCycle.Variables.REVIEW_SUMMARY.optional(e).orElse(null),
        4000, true, "成效评估总结");
    List<String> unrated = tasks.tasks(Scope.everything(), cycleNo).stream().filter(t -> t.rating() == null)
        .map(TaskRepository.Task::taskNo).toList();
    if (!unrated.isEmpty()) {
      errors.add(new FieldError("ratings", "尚有 " + unrated.size() + " 项任务未评定成效：" + String.join("、", unrated)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    cycles.setReviewSummary(cycleNo, summary);
    cycles.setCycleStatus(cycleNo, CycleStatus.ASSESSMENT);
  }
}
