package org.huian.cases;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;

import org.huian.process.StartGrant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Everyone may start a case (the funnel) in Tasklist and read the handling process it runs. */
@Configuration(proxyBeanMethods = false)
class CaseStartGrants {

  @Bean
  StartGrant caseFunnelStart() {
    return StartGrant.everyone(CaseFunnel.KEY, READ, CREATE_INSTANCE);
  }

  @Bean
  StartGrant caseHandlingRead() {
    return StartGrant.everyone(CaseHandling.KEY, READ);
  }
}
