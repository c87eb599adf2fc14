package org.huian.dialogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the first quarterly bulletin: 09:00 Beijing on the day after the current quarter ends. */
@Component
class OpenCycleDelegate implements JavaDelegate {

  private final CycleRepository cycles;

  OpenCycleDelegate(CycleRepository cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution e) {
    String cycleNo = DialogueCycle.Variables.CYCLE_NO.get(e);
    CycleRepository.Cycle cycle = cycles.cycle(cycleNo).orElseThrow();
    DialogueCycle.Variables.QUARTER.set(e, cycle.quarter());
    DialogueCycle.Variables.NEXT_BULLETIN_AT.set(e, DialogueClock.bulletinTime(cycle.year(), cycle.quarter()));
    DialogueCycle.Variables.YEAR_OVER.set(e, false);
    e.setVariable("cycleYear", cycle.year());
  }
}
