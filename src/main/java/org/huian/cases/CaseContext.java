package org.huian.cases;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/** What the funnel's delegates share: the case row behind an execution, the acting user, unit variables. */
@Component
public class CaseContext {

  public static final String SYSTEM = "system";

  private final CaseRepository cases;
  private final Geography geography;

  CaseContext(CaseRepository cases, Geography geography) {
    this.cases = cases;
    this.geography = geography;
  }

  public CaseRow caseOf(VariableScope scope) {
    return cases.get(CaseFunnel.Variables.CASE_NO.get(scope));
  }

  public static String actor(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null || auth.getUserId() == null ? SYSTEM : auth.getUserId();
  }

  /** Writes the level and unit into the process variables the forms and gateways read. */
  public void setUnitVariables(VariableScope scope, Unit unit) {
    CaseFunnel.Variables.LEVEL.set(scope, unit.level().name());
    CaseFunnel.Variables.LEVEL_NAME.set(scope, unit.level().nameZh());
    CaseFunnel.Variables.UNIT_CODE.set(scope, unit.code());
    CaseFunnel.Variables.UNIT_NAME.set(scope, unit.name());
  }

  /** Clears the answers of the handling and approval forms, so a new task starts empty. */
  public static void clearHandlingAnswers(VariableScope scope) {
    CaseHandling.Variables.OUTCOME.remove(scope);
    CaseHandling.Variables.OUTCOME_REASON.remove(scope);
    CaseHandling.Variables.REFER_TO_UNIT.remove(scope);
    CaseHandling.Variables.COMPLEXITY_DECISION.remove(scope);
    CaseHandling.Variables.COMPLEXITY_COMMENT.remove(scope);
    for (String answer : List.of("judicialKind", "courtStation", "judicialDate", "judicialResult", "mediationResult")) {
      scope.removeVariable(answer);
    }
  }

  public Unit unit(String code) {
    return geography.get(code);
  }

  public Level level(CaseRow c) {
    return Level.valueOf(c.level());
  }

  public Geography geography() {
    return geography;
  }

  public CaseRepository cases() {
    return cases;
  }
}
