package org.huian.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.springframework.stereotype.Component;

/** Mediation ended without an agreement: the handler's task opens again with empty answers. */
@Component
class ResumeHandlingDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution e) {
    CaseContext.clearHandlingAnswers(e);
    for (String v : new String[] {"mediationId", "agreementId", "mediationOutcome", "agreementText"}) {
      e.removeVariable(v);
    }
  }
}
