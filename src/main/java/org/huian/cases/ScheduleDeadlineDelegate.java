package org.huian.cases;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.geography.Level;
import org.springframework.stereotype.Component;

/**
 * Turns the duration from {@code case-deadlines.dmn} into the level's deadline and warning
 * instants, counted from the moment the case entered the level. The timers of the handling call
 * activity read {@code deadlineAt} and {@code warnAt}. The timeline entry that brought the case to
 * the level (ROUTED, ESCALATED, REOPENED, …) gets the time allowed and the version of
 * {@code case-deadlines} that gave it, as recorded by {@link CaseDecisionTrail}.
 */
@Component
class ScheduleDeadlineDelegate implements JavaDelegate {

  private final CaseContext context;
  private final DeadlineCalculator calculator;

  ScheduleDeadlineDelegate(CaseContext context, DeadlineCalculator calculator) {
    this.context = context;
    this.calculator = calculator;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    Level level = context.level(c);
    Complexity complexity = Complexity.valueOf(CaseFunnel.Variables.COMPLEXITY.get(execution));
    String allowed = CaseFunnel.Variables.DEADLINE_DURATION.get(execution);
    // the decision's result, read once: it is in the decision history and case_decisions
    CaseFunnel.Variables.DEADLINE_DURATION.remove(execution);
    // the level's start is the case row's: every delegate that enters a level writes it there
    DeadlineCalculator.Window window = calculator.window(c.levelEnteredAt(), allowed, level);

    context.cases().setDeadline(c.caseNo(), complexity, window.deadline());
    context.cases().setSla(c.caseNo(), Sla.GREEN);
    CaseFunnel.Variables.DEADLINE_AT.set(execution, Date.from(window.deadline()));
    CaseFunnel.Variables.WARN_AT.set(execution, Date.from(window.warnAt()));
    CaseFunnel.Variables.DEADLINE_TEXT.set(execution,
        CaseNotifications.format(window.deadline()) + " 前（" + level.nameZh() + "级时限 " + readable(allowed) + "）");
    CaseFunnel.Variables.SLA_NAME.set(execution, Sla.GREEN.nameZh());
    context.cases().latestDecision(c.caseNo(), CaseDecisionTrail.DEADLINES).ifPresent(d -> context.cases()
        .appendToLatestEvent(c.caseNo(), "；" + level.nameZh() + "级办结时限 " + readable(allowed) + "，依据 " + d.describeZh()));
  }

  /** {@code P7D -> 7 天}, {@code PT4H -> 4 小时}; anything else as written. */
  static String readable(String iso) {
    String s = iso.trim().toUpperCase();
    if (s.matches("P\\d+D")) {
      return s.substring(1, s.length() - 1) + " 天";
    }
    if (s.matches("PT\\d+H")) {
      return s.substring(2, s.length() - 1) + " 小时";
    }
    return iso;
  }
}
