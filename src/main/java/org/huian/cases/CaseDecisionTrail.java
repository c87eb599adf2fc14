package org.huian.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.instance.CoreExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records, for every case, which deployed version of {@code case-routing}, {@code case-deadlines}
 * and {@code case-dispatch} decided for it: a decision evaluation listener of the engine's DMN
 * engine, which is handed the deployed decision definition itself (id, version, version tag,
 * tenant), the one the business rule task's binding chose. It writes a {@code case_decisions} row
 * in the same transaction, so the record is exact even when a designer deploys a new version a
 * moment later; the engine's own decision history keeps the inputs and outputs.
 */
@Component
class CaseDecisionTrail extends AbstractProcessEnginePlugin implements DmnDecisionEvaluationListener {

  static final String ROUTING = "case-routing";
  static final String DEADLINES = "case-deadlines";
  static final String DISPATCH = "case-dispatch";
  static final Set<String> RECORDED = Set.of(ROUTING, DEADLINES, DISPATCH);

  private final ObjectProvider<CaseRepository> cases;

  CaseDecisionTrail(ObjectProvider<CaseRepository> cases) {
    this.cases = cases;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionEvaluationListener> listeners = dmn.getCustomPostDecisionEvaluationListeners() == null
        ? new ArrayList<>() : new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
    listeners.add(this);
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
  }

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    DmnDecision decision = event.getDecisionResult().getDecision();
    if (!(decision instanceof DecisionDefinition definition) || !RECORDED.contains(definition.getKey())
        || Context.getCoreExecutionContext() == null) {
      return;
    }
    CoreExecution core = Context.getCoreExecutionContext().getExecution();
    if (!(core instanceof ExecutionEntity execution) || !(execution.getVariable(CaseFunnel.Variables.CASE_NO.name())
        instanceof String caseNo)) {
      return;
    }
    Object level = execution.getVariable(CaseFunnel.Variables.LEVEL.name());
    cases.getObject().addDecision(caseNo, new CaseDecision(definition.getKey(), definition.getId(), definition.getVersion(),
        definition.getVersionTag(), definition.getTenantId(), execution.getActivityId(),
        ROUTING.equals(definition.getKey()) || !(level instanceof String l) ? null : l,
        result(event), ClockUtil.getCurrentTime().toInstant()));
  }

  /** {@code routedLevel=STREET, complexity=NORMAL}: the outputs of the matching rule(s). */
  static String result(DmnDecisionEvaluationEvent event) {
    if (!(event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table)) {
      return null;
    }
    StringJoiner out = new StringJoiner("; ");
    for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
      StringJoiner entries = new StringJoiner(", ");
      for (DmnEvaluatedOutput o : rule.getOutputEntries().values()) {
        entries.add(o.getOutputName() + "=" + (o.getValue() == null ? null : o.getValue().getValue()));
      }
      out.add(entries.toString());
    }
    String s = out.toString();
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }
}
