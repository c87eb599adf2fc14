package org.huian.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The routing facts of a case, handed to every decision of the case's processes as transient
 * variables: read from the {@code cases} row just before a business rule task of
 * {@code case-funnel} or {@code case-handling} evaluates its table, never stored as process
 * variables. The row is the truth; a copy of it in the engine was two rows per fact (runtime and
 * history), in each process instance, for facts no form shows and no gateway reads
 * ({@code docs/performance.md}, "Rows and transactions").
 *
 * <p>A decision table may read any of {@link #NAMES} as before; a designer adds a column reading,
 * say, {@code gridId} without touching Java. A fact that is already a process variable (a case
 * started from the Tasklist start form before this change) is left as it is. The facts are the
 * decision's inputs, so the engine's decision history ({@code ACT_HI_DEC_IN}) still records them.
 */
@Component
class CaseFacts extends AbstractProcessEnginePlugin implements ExecutionListener {

  /** The processes whose business rule tasks get the facts. */
  static final Set<String> PROCESSES = Set.of(CaseFunnel.KEY, CaseHandling.KEY);

  /** Every fact a decision table of the case processes may read, by variable name. */
  static final List<String> NAMES = List.of("channel", "category", "peopleInvolved", "amountInvolved", "crossRegion",
      "crossDepartment", "streetCode", "communityCode", "gridId");

  private final ObjectProvider<CaseRepository> cases;

  CaseFacts(ObjectProvider<CaseRepository> cases) {
    this.cases = cases;
  }

  /** The facts of a case row, as transient typed values. */
  static Map<String, TypedValue> of(CaseRow c) {
    Map<String, TypedValue> facts = new LinkedHashMap<>();
    facts.put("channel", Variables.stringValue(c.channel().name(), true));
    facts.put("category", Variables.stringValue(c.category().name(), true));
    facts.put("peopleInvolved", Variables.integerValue(c.peopleInvolved(), true));
    facts.put("amountInvolved", Variables.doubleValue(c.amountInvolved().doubleValue(), true));
    facts.put("crossRegion", Variables.booleanValue(c.crossRegion(), true));
    facts.put("crossDepartment", Variables.booleanValue(c.crossDepartment(), true));
    facts.put("streetCode", Variables.stringValue(c.streetCode(), true));
    facts.put("communityCode", Variables.stringValue(c.communityCode(), true));
    facts.put("gridId", Variables.stringValue(c.gridId(), true));
    return facts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNo = CaseFunnel.Variables.CASE_NO.optional(execution).orElse(null);
    if (caseNo == null) {
      return;
    }
    cases.getObject().find(caseNo).ifPresent(row -> of(row).forEach((name, value) -> {
      if (!execution.hasVariable(name)) {
        execution.setVariableLocal(name, value);
      }
    }));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new java.util.ArrayList<>() : new java.util.ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition && PROCESSES.contains(definition.getKey())) {
          activity.addListener(ExecutionListener.EVENTNAME_START, CaseFacts.this);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
