package org.huian.dialogue;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;

import org.huian.process.StartGrant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A district centre keeps the safety-dialogue roster, from a start form in Tasklist. */
@Configuration(proxyBeanMethods = false)
class DialogueStartGrants {

  @Bean
  StartGrant rosterStart() {
    return StartGrant.districtCentres(DialogueRoster.KEY, READ, CREATE_INSTANCE);
  }
}
