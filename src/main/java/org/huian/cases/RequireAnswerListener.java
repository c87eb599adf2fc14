package org.huian.cases;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete an approval, return-visit or supervision task without its answer, so a
 * gateway never meets a missing or unknown value (a client's mistake, answered with 400).
 */
@Component
class RequireAnswerListener implements TaskListener {

  private record Rule(String variable, Set<String> allowed, String message) {}

  private static final Map<String, Rule> RULES = Map.of(
      CaseHandling.Elements.APPROVE_COMPLEXITY, new Rule(CaseHandling.Variables.COMPLEXITY_DECISION.name(),
          Set.of(CaseHandling.ComplexityDecision.APPROVE, CaseHandling.ComplexityDecision.REFUSE), "请选择审批意见"),
      CaseFunnel.Elements.RETURN_VISIT, new Rule(CaseFunnel.Variables.FEEDBACK.name(),
          Set.of(CaseFunnel.Feedback.SATISFIED, CaseFunnel.Feedback.DISSATISFIED, CaseFunnel.Feedback.UNREACHABLE), "请选择回访结果"),
      CaseFunnel.Elements.SUPERVISE_CASE, new Rule(CaseFunnel.Variables.SUPERVISION_INSTRUCTION.name(), null, "请填写督办意见"));

  @Override
  public void notify(DelegateTask task) {
    Rule rule = RULES.get(task.getTaskDefinitionKey());
    if (rule == null) {
      throw new IllegalStateException("no answer rule for task " + task.getTaskDefinitionKey());
    }
    Object value = task.getVariable(rule.variable());
    boolean ok = value instanceof String s && !s.isBlank() && s.length() <= 4000
        && (rule.allowed() == null || rule.allowed().contains(s));
    if (!ok) {
      throw new InvalidRequestException(rule.variable(), rule.message());
    }
  }
}
