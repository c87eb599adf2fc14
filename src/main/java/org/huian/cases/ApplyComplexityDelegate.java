package org.huian.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The supervisor approved the handler's request: the case becomes COMPLEX and the funnel computes
 * its deadline again from the moment it entered the level (7 → 30 days at a street or the district).
 */
@Component
class ApplyComplexityDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    CaseFunnel.Variables.COMPLEXITY.set(execution, Complexity.COMPLEX.name());
    CaseFunnel.Variables.COMPLEXITY_NAME.set(execution, Complexity.COMPLEX.nameZh());
    CaseContext.clearHandlingAnswers(execution);
  }
}
