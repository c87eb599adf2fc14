package org.huian.cases;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/**
 * Places a routed case at its entry unit. The routing table names a level; the unit is the one of
 * that level over the case's location. A case routed below the most specific unit its location
 * names (GRID without a gridId) enters at that unit instead.
 */
@Component
class AssignEntryUnitDelegate implements JavaDelegate {

  private final CaseContext context;

  AssignEntryUnitDelegate(CaseContext context) {
    this.context = context;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> routing = CaseFunnel.Variables.ROUTING.get(execution);
    // the decision's result, read once: its outputs are in the decision history and case_decisions
    CaseFunnel.Variables.ROUTING.remove(execution);
    Level routed = Level.valueOf((String) routing.get("routedLevel"));
    Complexity complexity = Complexity.valueOf((String) routing.get("complexity"));
    CaseRow c = context.caseOf(execution);
    Unit located = context.unit(c.gridId() != null ? c.gridId() : c.communityCode() != null ? c.communityCode() : c.streetCode());
    Unit entry = located.level().ordinal() > routed.ordinal()
        ? located
        : context.geography().ancestorAt(located, routed).orElseThrow();

    Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
    context.cases().enterLevel(c.caseNo(), entry.level(), entry.code(), complexity, now.toInstant());
    context.setUnitVariables(execution, entry);
    CaseFunnel.Variables.COMPLEXITY.set(execution, complexity.name());
    CaseFunnel.Variables.COMPLEXITY_NAME.set(execution, complexity.nameZh());
    String note = "按分拨规则由" + entry.level().nameZh() + "级办理：" + entry.name() + "（" + complexity.nameZh() + "）"
        + (entry.level() != routed ? "；规则指向" + routed.nameZh() + "级，但事发地点只明确到" + entry.level().nameZh() : "")
        + context.cases().latestDecision(c.caseNo(), CaseDecisionTrail.ROUTING).map(d -> "；分拨规则 " + d.describeZh()).orElse("");
    context.cases().addEvent(c.caseNo(), EventType.ROUTED, entry.level().name(), entry.code(), CaseContext.SYSTEM, note);
  }
}
