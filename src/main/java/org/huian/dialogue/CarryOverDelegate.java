package org.huian.dialogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A task still open when its year closes is carried over: its process ends, its rating stays. */
@Component
class CarryOverDelegate implements JavaDelegate {

  private final TaskRepository tasks;

  CarryOverDelegate(TaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution e) {
    tasks.setTaskStatus(DialogueTaskProcess.Variables.TASK_NO.get(e), TaskStatus.CARRIED_OVER);
  }
}
