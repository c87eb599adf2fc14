package org.huian.dialogue;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Records a progress report (落实清单): a percentage 0–100 and a narrative; a lower percentage than
 * the last needs a reason. 100 % ends the task; "hard" sends it to district-level coordination.
 */
@Component
class RecordProgressDelegate implements JavaDelegate {

  private final TaskRepository tasks;
  private final ImplementationRepository implementation;

  RecordProgressDelegate(TaskRepository tasks, ImplementationRepository implementation) {
    this.tasks = tasks;
    this.implementation = implementation;
  }

  @Override
  public void execute(DelegateExecution e) {
    String taskNo = DialogueTaskProcess.Variables.TASK_NO.get(e);
    TaskRepository.Task t = tasks.requireTask(taskNo);
    List<FieldError> errors = new ArrayList<>();
    Object raw = DialogueTaskProcess.Variables.PERCENT.optional(e).orElse(null);
    Integer percent = null;
    if (raw == null) {
      errors.add(new FieldError("percent", "请填写完成进度（0–100）"));
    } else if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < 0 || n.doubleValue() > 100) {
      errors.add(new FieldError("percent", "完成进度须为 0 至 100 的整数"));
    } else {
      percent = ((Number) raw).intValue();
    }
    String narrative = DialogueRules.text(errors, "narrative", DialogueTaskProcess.Variables.NARRATIVE.optional(e).orElse(null),
        2000, true, "进展情况");
    String reason = DialogueRules.text(errors, "reason", DialogueTaskProcess.Variables.REASON.optional(e).orElse(null),
        1000, false, "进度回退原因");
    boolean hard = DialogueTaskProcess.Variables.HARD.optional(e).orElse(false);
    if (percent != null && percent < t.progress() && reason == null) {
      errors.add(new FieldError("reason", "进度由 " + t.progress() + "% 回退到 " + percent + "%，请说明原因"));
    }
    if (percent != null && percent == 100 && hard) {
      errors.add(new FieldError("hard", "已完成的任务无需申请专题协调"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    implementation.recordProgress(taskNo, percent, narrative, reason, hard, CaseContext.actor(e));
    String state = percent == 100 ? "DONE" : hard ? "HARD" : "ONGOING";
    DialogueTaskProcess.Variables.PROGRESS_STATE.set(e, state);
    e.setVariable("progressText", "当前进度 " + percent + "%：" + narrative);
    if (hard) {
      e.setVariable("coordinationReasonText", "责任单位申报为难点任务（进度 " + percent + "%）：" + narrative);
    }
    DialogueTaskProcess.Variables.PERCENT.remove(e);
    DialogueTaskProcess.Variables.NARRATIVE.remove(e);
    DialogueTaskProcess.Variables.REASON.remove(e);
    DialogueTaskProcess.Variables.HARD.remove(e);
  }
}
