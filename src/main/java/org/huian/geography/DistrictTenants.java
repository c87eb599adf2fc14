package org.huian.geography;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Camunda multi-tenancy with one tenant per district (docs/geography.md): the models are deployed
 * once, without a tenant, and every process instance gets its district as tenant when it starts.
 * A called process inherits its caller's district; an instance started on its own takes the
 * district of the first unit its start variables name. The engine then keeps a district's
 * instances, tasks and history to the members of that tenant (the district's groups and the city
 * centre) in every query, in {@code /engine-rest}, Tasklist and Cockpit; camunda-admin sees all.
 * An instance none of whose variables names a unit (the monthly health-check run, which covers
 * every district) has no tenant.
 */
@Component
public class DistrictTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  /** Start variables that name a unit, in the order they are consulted. */
  static final List<String> UNIT_VARIABLES = List.of("districtCode", "unitCode", "streetCode", "unitGroup", "officerStreet");

  private final Geography geography;

  DistrictTenants(Geography geography) {
    this.geography = geography;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null && caller.getTenantId() != null) {
      return caller.getTenantId();
    }
    return districtOf(ctx.getVariables());
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return districtOf(ctx.getVariables());
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }

  String districtOf(VariableMap variables) {
    if (variables == null) {
      return null;
    }
    for (String name : UNIT_VARIABLES) {
      Object value = variables.get(name);
      if (value instanceof String code && !code.isBlank()) {
        String district = geography.districtOf(code.strip()).map(Unit::code).orElse(null);
        if (district != null) {
          return district;
        }
      }
    }
    return null;
  }
}
