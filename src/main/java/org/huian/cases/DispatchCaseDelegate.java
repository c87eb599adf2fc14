package org.huian.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.security.ProcessInstanceGrants;
import org.huian.security.UnitGroups;
import org.springframework.stereotype.Component;

/**
 * Sends the case to the functional-area group of its unit that {@code case-dispatch.dmn} chose
 * (智能分拨), names the unit's supervisors for approvals, lets both groups read the case's process
 * instances, and offers the same-level units a handler may refer the case to.
 */
@Component
class DispatchCaseDelegate implements JavaDelegate {

  private final CaseContext context;
  private final ObjectMapper json;
  private final ProcessInstanceGrants grants;

  DispatchCaseDelegate(CaseContext context, ObjectMapper json, ProcessInstanceGrants grants) {
    this.context = context;
    this.json = json;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    Unit unit = context.unit(c.unitCode());
    String area = unit.level() == Level.DISTRICT || unit.level() == Level.STREET
        ? CaseHandling.Variables.FUNCTIONAL_AREA.optional(execution).orElse(null)
        : null;
    // the decision's result, read once: it is in the decision history and case_decisions
    CaseHandling.Variables.FUNCTIONAL_AREA.remove(execution);
    String group = UnitGroups.areaGroup(unit.code(), area);
    String previous = CaseHandling.Variables.HANDLER_GROUP.optional(execution).orElse(null);
    String supervisors = UnitGroups.supervisorGroup(context.geography(), unit);
    List<String> instances = List.of(execution.getProcessInstanceId(), c.processInstanceId());
    grants.grantRead(group, instances);
    grants.grantRead(supervisors, instances);

    context.setUnitVariables(execution, unit);
    CaseHandling.Variables.HANDLER_GROUP.set(execution, group);
    CaseHandling.Variables.SUPERVISOR_GROUP.set(execution, supervisors);
    execution.setVariable(CaseHandling.Variables.REFER_OPTIONS.name(), SpinValues.jsonValue(referOptions(unit)).create());
    CaseContext.clearHandlingAnswers(execution);
    if (!group.equals(previous)) {
      context.cases().addEvent(c.caseNo(), EventType.DISPATCHED, unit.level().name(), unit.code(), CaseContext.SYSTEM,
          "分派至" + unit.name() + (area == null ? "" : "（" + UnitGroups.areaNameZh(area) + "）"));
    }
  }

  /** Units of the same level a case may be referred to: siblings under the same parent, or all streets. */
  String referOptions(Unit unit) {
    List<Unit> candidates = switch (unit.level()) {
      case DISTRICT -> List.of();
      case STREET -> context.geography().all(Level.STREET);
      default -> context.geography().children(unit.parentCode());
    };
    List<Map<String, String>> options = candidates.stream()
        .filter(u -> !u.code().equals(unit.code()))
        .map(u -> Map.of("label", u.name(), "value", u.code()))
        .toList();
    try {
      return json.writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
