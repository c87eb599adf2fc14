package org.huian.geography;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Lets a district keep its own version of a decision (its deadlines, routing or dispatch), with
 * the shared one as the fallback. The business rule tasks bind {@code latest} with
 * {@code camunda:decisionRefTenantId="${districtDecisions.tenantFor(execution, 'case-deadlines')}"}:
 * the district's tenant when a decision of that key is deployed for it, else {@code null}, which
 * makes the engine take the latest shared version. A district deploys its own table through
 * {@code /engine-rest/deployment/create} with {@code tenant-id=<district code>} (docs/geography.md).
 */
@Component("districtDecisions")
public class DistrictDecisions {

  private final RepositoryService repository;

  DistrictDecisions(@Lazy RepositoryService repository) {
    this.repository = repository;
  }

  public String tenantFor(DelegateExecution execution, String decisionKey) {
    String tenant = execution.getTenantId();
    if (tenant == null) {
      return null;
    }
    boolean own = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).tenantIdIn(tenant)
        .count() > 0;
    return own ? tenant : null;
  }
}
