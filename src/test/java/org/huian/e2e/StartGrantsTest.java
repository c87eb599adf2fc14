package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may start which process in Tasklist, now that each capability declares its start grants
 * ({@code process.StartGrant} beans) and security grants them without importing the capability:
 * everyone starts a case, the district centre also the roster form and a health-check report.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-start-grants;DB_CLOSE_DELAY=-1")
class StartGrantsTest extends AbstractApiTest {

  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  @Test
  void shouldGrantEachCapabilitysStartsToTheGroupsItDeclares() {
    assertThat(may("district", ProcessDefinitionPermissions.CREATE_INSTANCE, "dialogue-roster")).isTrue();
    assertThat(may("district", ProcessDefinitionPermissions.READ, "dialogue-roster")).isTrue();
    assertThat(may("district", ProcessDefinitionPermissions.CREATE_INSTANCE, "safety-health-report")).isTrue();
    assertThat(may("district", ProcessDefinitionPermissions.CREATE_INSTANCE, "case-funnel")).isTrue();

    assertThat(may(STREET_USER, ProcessDefinitionPermissions.CREATE_INSTANCE, "case-funnel")).isTrue();
    assertThat(may(STREET_USER, ProcessDefinitionPermissions.READ, "case-handling")).isTrue();
    assertThat(may(STREET_USER, ProcessDefinitionPermissions.CREATE_INSTANCE, "case-handling")).isFalse();
    assertThat(may(STREET_USER, ProcessDefinitionPermissions.CREATE_INSTANCE, "dialogue-roster")).isFalse();
    assertThat(may(STREET_USER, ProcessDefinitionPermissions.CREATE_INSTANCE, "safety-health-report")).isFalse();
  }

  boolean may(String user, Permission permission, String processKey) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    assertThat(groups).as("demo user " + user + " has groups").isNotEmpty();
    return authorizations.isUserAuthorized(user, groups, permission, Resources.PROCESS_DEFINITION, processKey);
  }
}
