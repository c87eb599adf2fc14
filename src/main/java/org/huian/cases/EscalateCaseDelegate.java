package org.huian.cases;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.operations.HuianMetrics;
import org.springframework.stereotype.Component;

/**
 * Moves a case one level up: grid to its community, community to its street, street to the
 * district. The reason comes from the task's input parameter {@code escalationReason}. The unit
 * the case leaves is read from the case row, which a referral may have changed.
 */
@Component
class EscalateCaseDelegate implements JavaDelegate {

  static final String ESCALATED_FROM_UNIT = "escalatedFromUnit";
  static final String ESCALATED_REASON = "escalatedReason";

  private final CaseContext context;
  private final HuianMetrics metrics;

  EscalateCaseDelegate(CaseContext context, HuianMetrics metrics) {
    this.context = context;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationReason reason = EscalationReason.valueOf(CaseFunnel.Variables.ESCALATION_REASON.get(execution));
    CaseRow c = context.caseOf(execution);
    Unit from = context.unit(c.unitCode());
    Level toLevel = from.level().up();
    if (toLevel == null) {
      throw new IllegalStateException("case " + c.caseNo() + " is at the district and cannot go higher");
    }
    Unit to = context.geography().ancestorAt(from, toLevel).orElseThrow();
    String note = switch (reason) {
      case DEADLINE -> "超过" + from.level().nameZh() + "级办结时限（" + CaseNotifications.format(c.deadline()) + "）未办结，自动上报";
      case MANUAL -> "承办单位上报：" + CaseHandling.Variables.OUTCOME_REASON.getOrDefault(execution, "");
      case DISSATISFIED -> "反映人再次不满意：" + CaseFunnel.Variables.FEEDBACK_NOTE.getOrDefault(execution, "");
    };
    String actor = reason == EscalationReason.DEADLINE ? CaseContext.SYSTEM : CaseContext.actor(execution);
    Date now = ClockUtil.getCurrentTime();

    context.cases().addEscalation(c.caseNo(), from.level().name(), from.code(), to.level().name(), to.code(), reason, note, actor);
    context.cases().enterLevel(c.caseNo(), to.level(), to.code(), c.complexity(), now.toInstant());
    context.cases().addEvent(c.caseNo(), EventType.ESCALATED, to.level().name(), to.code(), actor,
        from.name() + " → " + to.name() + "：" + note);
    context.setUnitVariables(execution, to);
    execution.setVariable(ESCALATED_FROM_UNIT, from.code());
    execution.setVariable(ESCALATED_REASON, reason.name());
    CaseContext.clearHandlingAnswers(execution);
    metrics.escalated(from.level(), reason.name());
    if (reason == EscalationReason.DEADLINE) {
      metrics.slaBreached(from.level());
    }
  }
}
