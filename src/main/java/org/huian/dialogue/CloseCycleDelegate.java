package org.huian.dialogue;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.security.Scope;
import org.springframework.stereotype.Component;

/** Closes the year: tasks still open are carried over (their processes end), the cycle is CLOSED. */
@Component
class CloseCycleDelegate implements JavaDelegate {

  private final TaskRepository tasks;
  private final CycleRepository cycles;

  CloseCycleDelegate(TaskRepository tasks, CycleRepository cycles) {
    this.tasks = tasks;
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    RuntimeService runtime = e.getProcessEngineServices().getRuntimeService();
    org.huian.security.ProcessInstanceGrants.withoutAuthorization(() -> carryOver(runtime, cycleNo));
    cycles.setCycleStatus(cycleNo, CycleStatus.CLOSED);
  }

  private void carryOver(RuntimeService runtime, String cycleNo) {
    for (TaskRepository.Task t : tasks.tasks(Scope.everything(), cycleNo)) {
      if (t.status() != TaskStatus.DONE && t.status() != TaskStatus.CARRIED_OVER
          && runtime.createProcessInstanceQuery().processInstanceBusinessKey(t.taskNo())
              .processDefinitionKey(DialogueTaskProcess.KEY).count() > 0) {
        runtime.createMessageCorrelation(DialogueTaskProcess.MESSAGE_CYCLE_CLOSED).processInstanceBusinessKey(t.taskNo())
            .correlate();
      }
    }
  }
}
