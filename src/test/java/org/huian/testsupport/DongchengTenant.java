package org.huian.testsupport;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * The model tests' stand-in for {@code DistrictTenants}: every instance belongs to the embedded
 * default district, so expressions like {@code ${execution.tenantId}-leaders} read as in production.
 */
public class DongchengTenant implements TenantIdProvider {

  public static final String DISTRICT = "110101000000";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    return DISTRICT;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return DISTRICT;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return DISTRICT;
  }

  /** The model tests' {@code districtDecisions}: no district has its own tables, the shared ones decide. */
  public static class SharedDecisions {
    public String tenantFor(DelegateExecution execution, String decisionKey) {
      return null;
    }
  }
}
