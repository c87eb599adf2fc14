package org.huian.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Lets the groups that work on a case read its process instances (its variables in the Tasklist
 * list, its history tab) and nobody else's. Granted when a unit is given the case, revoked when
 * the case closes. Runs without the caller's authorization: a caseworker completing a task may not
 * create authorizations, but the engine acting for them may.
 */
@Component
public class ProcessInstanceGrants {

  private final AuthorizationService authorizations;
  private final HistoryService history;

  ProcessInstanceGrants(@Lazy AuthorizationService authorizations, @Lazy HistoryService history) {
    this.authorizations = authorizations;
    this.history = history;
  }

  public void grantRead(String groupId, Collection<String> processInstanceIds) {
    withoutAuthorization(() -> {
      for (String id : processInstanceIds) {
        if (id == null || authorizations.createAuthorizationQuery().groupIdIn(groupId)
            .resourceType(Resources.PROCESS_INSTANCE).resourceId(id).count() > 0) {
          continue;
        }
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId(id);
        a.addPermission(Permissions.READ);
        authorizations.saveAuthorization(a);
      }
    });
  }

  /** Withdraws every grant on the process instances of a case (funnel, handling, mediation, fulfilment). */
  public void revokeCase(String caseNo) {
    withoutAuthorization(() -> {
      List<String> ids = new ArrayList<>();
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()
          .forEach(h -> ids.add(h.getId()));
      for (String id : ids) {
        authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(id).list()
            .forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
    });
  }

  public long count(String processInstanceId) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).count();
  }

  /**
   * Runs engine calls a delegate makes on the process's behalf (granting, or correlating to other
   * instances) without the current user's authorizations: the user completing the task may not
   * update those instances, but the process acting for them may. Outside a command, just runs.
   */
  public static void withoutAuthorization(Runnable work) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      work.run();
      return;
    }
    context.runWithoutAuthorization(() -> {
      work.run();
      return null;
    });
  }
}
