package org.huian.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/** When the district handling ends, the case has moved on: its SLA-breach incident is resolved. */
@Component
class ResolveSlaBreachListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (Incident incident : runtime.createIncidentQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .incidentType(CaseFunnel.SLA_BREACH_INCIDENT)
          .list()) {
        runtime.resolveIncident(incident.getId());
      }
      return null;
    });
  }
}
