package org.huian.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization checks without its per-command scan of every group that holds an
 * authorization.
 *
 * <p>Before each check Camunda narrows the user's groups to those that hold any authorization:
 * once per command it reads {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} into a set,
 * then copies that set for every check and intersects it with the user's groups. The narrowing
 * is meant for users in thousands of groups (a large LDAP directory). Huian is the opposite case:
 * every unit has its groups and each group its authorizations, Dongcheng alone about 8,000 groups,
 * while a user belongs to a handful. The scan then was most of the cost of a small command: 70 %
 * of the request threads' time of a trivial start through {@code /engine-rest} in the benchmark's
 * profile ({@code docs/performance.md}, "Authorization checks").
 *
 * <p>Here a user's groups go into the checks as they are, at most {@link #FILTER_ABOVE} of them,
 * which the SQL's {@code GROUP_ID_ IN (...)} takes easily; a group without an authorization matches
 * no row there, so every check answers exactly as before. A user in more groups is narrowed by
 * Camunda's own code as before. {@code huian.engine.authorization-group-scan=true} restores Camunda's
 * scan for every user (the benchmark's A/B).
 */
@Component
class AuthorizationGroups extends AbstractProcessEnginePlugin {

  /** Above this many groups Camunda's own narrowing runs, to keep the SQL's group list short. */
  static final int FILTER_ABOVE = 50;

  private final boolean scan;

  AuthorizationGroups(@Value("${huian.engine.authorization-group-scan:false}") boolean scan) {
    this.scan = scan;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (scan) {
      return;
    }
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class; // replaces the engine's own factory of this session type
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager, with the user's groups passed through unless there are many. */
  static class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty() || authenticatedGroupIds.size() > FILTER_ABOVE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
