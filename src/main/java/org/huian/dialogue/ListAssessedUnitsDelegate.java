package org.huian.dialogue;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.huian.security.Scope;
import org.springframework.stereotype.Component;

/** Every unit responsible for at least one task of the year is assessed. */
@Component
class ListAssessedUnitsDelegate implements JavaDelegate {

  private final TaskRepository tasks;

  ListAssessedUnitsDelegate(TaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    ArrayList<String> units = new ArrayList<>(tasks.tasks(Scope.everything(), cycleNo).stream()
        .map(TaskRepository.Task::responsibleUnit).distinct().sorted().toList());
    e.setVariable(DialogueCycle.Variables.ASSESSED_UNITS,
        Variables.objectValue(units).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
