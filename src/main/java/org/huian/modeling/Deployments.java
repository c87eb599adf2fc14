package org.huian.modeling;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.springframework.stereotype.Component;

/**
 * Who deployed what, from where: the deployment's source (the application at start-up, Camunda
 * Modeler, a rollback, a script) and the user of the user operation log entry Camunda writes for
 * every deployment made by an authenticated user.
 */
@Component
public class Deployments {

  /** The source of the application's own deployments at start-up (as Camunda's process applications use). */
  public static final String APPLICATION_SOURCE = ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE;
  /** The {@code deployment-source} Camunda Modeler sends. */
  public static final String MODELER_SOURCE = "Camunda Modeler";
  public static final String ROLLBACK_SOURCE = "huian-rollback";
  public static final String APPLICATION_DEPLOYMENT_NAME = "huian";

  public enum Source {
    /** The application deployed {@code processes/} and {@code forms/} at start-up. */
    APPLICATION,
    MODELER,
    ROLLBACK,
    /** Anything else that posted to {@code /engine-rest/deployment/create} (a script, a test). */
    OTHER
  }

  public record Info(String id, String name, Instant time, String tenantId, Source source, String sourceName,
      String deployedBy) {}

  private final RepositoryService repository;
  private final HistoryService history;
  private final Map<String, Info> cache = new java.util.concurrent.ConcurrentHashMap<>();

  Deployments(RepositoryService repository, HistoryService history) {
    this.repository = repository;
    this.history = history;
  }

  public static Source source(String sourceName) {
    if (APPLICATION_SOURCE.equals(sourceName)) {
      return Source.APPLICATION;
    }
    if (MODELER_SOURCE.equals(sourceName)) {
      return Source.MODELER;
    }
    return ROLLBACK_SOURCE.equals(sourceName) ? Source.ROLLBACK : Source.OTHER;
  }

  /** A deployment, with who made it (deployments never change, so the answer is kept). */
  public Info info(String deploymentId) {
    Info known = cache.get(deploymentId);
    if (known != null) {
      return known;
    }
    Deployment d = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    if (d == null) {
      return null;
    }
    Source source = source(d.getSource());
    String by = null;
    List<UserOperationLogEntry> log = history.createUserOperationLogQuery().deploymentId(deploymentId)
        .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list();
    for (UserOperationLogEntry e : log) {
      if (e.getUserId() != null) {
        by = e.getUserId();
        break;
      }
    }
    if (by == null && source == Source.APPLICATION) {
      by = "application";
    }
    Info info = new Info(d.getId(), d.getName(), d.getDeploymentTime().toInstant(), d.getTenantId(), source, d.getSource(), by);
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(deploymentId, info);
    return info;
  }

  /** Every resource of a deployment by name. */
  public Map<String, byte[]> resources(String deploymentId) {
    Map<String, byte[]> resources = new HashMap<>();
    for (String name : repository.getDeploymentResourceNames(deploymentId)) {
      try (var in = repository.getResourceAsStream(deploymentId, name)) {
        resources.put(name, in.readAllBytes());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return resources;
  }
}
