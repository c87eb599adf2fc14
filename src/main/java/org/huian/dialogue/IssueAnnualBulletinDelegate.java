package org.huian.dialogue;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.security.Scope;
import org.springframework.stereotype.Component;

/** The annual bulletin: every task's final state, and the units called in for a talk (通报约谈). */
@Component
class IssueAnnualBulletinDelegate implements JavaDelegate {

  private final TaskRepository tasks;
  private final CycleRepository cycles;
  private final EffectivenessRepository effectiveness;
  private final ImplementationRepository implementation;
  private final Geography geography;

  IssueAnnualBulletinDelegate(TaskRepository tasks, CycleRepository cycles, EffectivenessRepository effectiveness, ImplementationRepository implementation, Geography geography) {
    this.tasks = tasks;
    this.cycles = cycles;
    this.effectiveness = effectiveness;
    this.implementation = implementation;
    this.geography = geography;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    CycleRepository.Cycle cycle = cycles.cycle(cycleNo).orElseThrow();
    List<ImplementationRepository.Entry> entries = new ArrayList<>();
    for (TaskRepository.Task t : tasks.tasks(Scope.everything(), cycleNo)) {
      entries.add(new ImplementationRepository.Entry(t.taskNo(), t.responsibleUnit(), t.status(), t.progress(), t.deadline(),
          !t.onTime(), "OVERDUE".equals(t.coordinationReason())));
    }
    ArrayList<String> calledIn = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (EffectivenessRepository.Assessment a : effectiveness.assessments(Scope.everything(), cycleNo)) {
      if (Boolean.TRUE.equals(a.admonish())) {
        calledIn.add(a.unitCode());
        names.add(geography.find(a.unitCode()).map(Unit::name).orElse(a.unitCode()) + "（" + a.score() + " 分）");
      }
    }
    String summary = cycle.year() + " 年度平安恳谈任务落实考核：任务 " + entries.size() + " 项；"
        + (calledIn.isEmpty() ? "无单位被约谈。" : "以下单位得分低于约谈线，予以通报并约谈：" + String.join("、", names) + "。");
    implementation.insertBulletin(new ImplementationRepository.Bulletin("TB-" + cycle.year() + "-ND", cycleNo, "ANNUAL", null,
        DialogueClock.today(), summary, DialogueClock.now()), entries);
    e.setVariable(DialogueCycle.Variables.ADMONISHED_UNITS,
        Variables.objectValue(calledIn).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    DialogueCycle.Variables.ADMONISHED_COUNT.set(e, calledIn.size());
  }
}
