package org.huian.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The quarterly progress bulletin (通报): every task with its state, the overdue ones flagged. An
 * overdue task still with its unit is pulled up to district-level coordination (once per
 * deadline). After the fourth quarter the year is over and the review follows.
 */
@Component
class IssueBulletinDelegate implements JavaDelegate {

  private final TaskRepository tasks;
  private final CycleRepository cycles;
  private final ImplementationRepository implementation;

  IssueBulletinDelegate(TaskRepository tasks, CycleRepository cycles, ImplementationRepository implementation) {
    this.tasks = tasks;
    this.cycles = cycles;
    this.implementation = implementation;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    int quarter = DialogueCycle.Variables.QUARTER.get(e);
    CycleRepository.Cycle cycle = cycles.cycle(cycleNo).orElseThrow();
    LocalDate asOf = DialogueClock.today();
    List<ImplementationRepository.Entry> entries = new ArrayList<>();
    int overdue = 0;
    int escalated = 0;
    int done = 0;
    for (TaskRepository.Task t : tasks.tasks(Scope.everything(), cycleNo)) {
      boolean late = t.overdueOn(asOf);
      boolean pull = late && t.status() == TaskStatus.IN_PROGRESS && !t.deadline().equals(t.escalatedDeadline());
      if (pull) {
        implementation.markEscalated(t.taskNo(), t.deadline());
        String reason = "超过完成期限（" + DialogueClock.format(t.deadline()) + "）仍未完成，经第" + quarter + "季度通报提请区级专题协调";
        org.huian.security.ProcessInstanceGrants.withoutAuthorization(() -> e.getProcessEngineServices().getRuntimeService()
            .createMessageCorrelation(DialogueTaskProcess.MESSAGE_COORDINATION)
            .processInstanceBusinessKey(t.taskNo())
            .setVariable("coordinationReasonText", reason)
            .correlate());
        escalated++;
      }
      overdue += late ? 1 : 0;
      done += t.status() == TaskStatus.DONE ? 1 : 0;
      entries.add(new ImplementationRepository.Entry(t.taskNo(), t.responsibleUnit(),
          pull ? TaskStatus.COORDINATION : t.status(), t.progress(), t.deadline(), late,
          pull || "OVERDUE".equals(t.coordinationReason())));
    }
    String summary = String.format("%d 年第%d季度：任务 %d 项，已完成 %d 项，逾期未完成 %d 项，本期提请区级专题协调 %d 项。",
        cycle.year(), quarter, entries.size(), done, overdue, escalated);
    implementation.insertBulletin(new ImplementationRepository.Bulletin("TB-" + cycle.year() + "-Q" + quarter, cycleNo, "QUARTERLY",
        quarter, asOf, summary, DialogueClock.now()), entries);
    boolean yearOver = quarter >= 4;
    DialogueCycle.Variables.YEAR_OVER.set(e, yearOver);
    if (yearOver) {
      cycles.setCycleStatus(cycleNo, CycleStatus.REVIEW);
    } else {
      DialogueCycle.Variables.QUARTER.set(e, quarter + 1);
      DialogueCycle.Variables.NEXT_BULLETIN_AT.set(e, DialogueClock.bulletinTime(cycle.year(), quarter + 1));
      cycles.setCycleQuarter(cycleNo, quarter + 1);
    }
    e.setVariable("reviewStatusText", summary);
  }
}
