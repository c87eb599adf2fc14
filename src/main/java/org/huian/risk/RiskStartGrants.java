package org.huian.risk;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;

import org.huian.process.StartGrant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A district centre may start a health-check report by hand (besides the monthly timer). */
@Configuration(proxyBeanMethods = false)
class RiskStartGrants {

  @Bean
  StartGrant healthReportStart() {
    return StartGrant.districtCentres(HealthReportProcess.KEY, CREATE_INSTANCE);
  }
}
