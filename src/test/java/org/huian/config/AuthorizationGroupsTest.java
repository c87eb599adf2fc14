package org.huian.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine checks authorizations with the user's groups as they are: the same answers as
 * Camunda's narrowing to groups that hold an authorization, for few groups and for many.
 */
class AuthorizationGroupsTest {

  static ProcessEngine engine;
  static AuthorizationService authorizations;

  @BeforeAll
  static void start() {
    StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
    c.setJdbcUrl("jdbc:h2:mem:authorization-groups;DB_CLOSE_DELAY=-1");
    c.setAuthorizationEnabled(true);
    c.setJobExecutorActivate(false);
    c.setProcessEnginePlugins(new ArrayList<>(List.of(new AuthorizationGroups(false))));
    engine = c.buildProcessEngine();
    authorizations = engine.getAuthorizationService();
    // many groups with authorizations of their own, as Huian's units have
    for (int i = 0; i < 500; i++) {
      grant("unit-" + i, "definition-" + i);
    }
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static void grant(String group, String definition) {
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(Resources.PROCESS_DEFINITION);
    a.setResourceId(definition);
    a.addPermission(Permissions.READ);
    authorizations.saveAuthorization(a);
  }

  static boolean reads(List<String> groups, String definition) {
    return authorizations.isUserAuthorized("someone", groups, Permissions.READ, Resources.PROCESS_DEFINITION, definition);
  }

  @Test
  void shouldUseHuiansManagerForEveryCommand() {
    var factories = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories();
    assertThat(factories.get(AuthorizationManager.class).openSession()).isInstanceOf(AuthorizationGroups.Manager.class);
  }

  @Test
  void shouldAnswerAsBeforeForAFewGroups() {
    assertThat(reads(List.of("unit-7", "nobody"), "definition-7")).isTrue();
    assertThat(reads(List.of("unit-7", "unit-7"), "definition-7")).isTrue();
    assertThat(reads(List.of("nobody", "unit-8"), "definition-7")).isFalse();
    assertThat(reads(List.of("nobody"), "definition-7")).isFalse();
    assertThat(reads(List.of(), "definition-7")).isFalse();
  }

  @Test
  void shouldNarrowManyGroupsAsCamundaDoes() {
    List<String> many = new ArrayList<>(IntStream.range(0, AuthorizationGroups.FILTER_ABOVE + 20).mapToObj(i -> "other-" + i).toList());
    assertThat(reads(many, "definition-3")).isFalse();
    many.add("unit-3");
    assertThat(reads(many, "definition-3")).isTrue();
    assertThat(new AuthorizationGroups.Manager().filterAuthenticatedGroupIds(List.of("a", "b", "a"))).containsExactly("a", "b");
  }
}
