package org.huian.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deploys the models this release ships ({@link HuianModels}) at start-up, so that a restart never
 * reverts a designer's deployment, and a new release still brings its changed models:
 * <ol>
 *   <li>each file is compared with the version <em>the application itself</em> deployed last
 *       (deployment name {@code huian}, source {@code process application}), not with the
 *       effective version, which may be a designer's;</li>
 *   <li>nothing changed: nothing is deployed, and a designer's newer version stays in force;</li>
 *   <li>a file changed: its bundle (the files bound to it by {@code binding="deployment"}, e.g.
 *       the four case processes and their forms) is deployed as one new deployment; every other
 *       bundle, and so every decision a designer changed, is left alone. When a file so deployed
 *       supersedes a designer's newer version with different content, that is logged as a
 *       warning naming the version, who deployed it and how to keep it.</li>
 * </ol>
 * Nodes starting together are safe: the deployment uses Camunda's duplicate filter, which runs
 * under the engine's deployment lock, so the second node finds the first one's deployment and
 * deploys nothing. Replaces the process application's own scanning ({@code META-INF/processes.xml}
 * deploys nothing), which with {@code isDeployChangedOnly=false} redeployed every file whenever
 * one changed and so reverted every decision a designer had changed.
 */
@Component
public class ModelDeployer {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  /** What one start-up deployed, and which designers' versions it superseded. */
  public record Outcome(String deploymentId, Set<String> deployed, List<String> superseded) {}

  private final HuianModels models;
  private final ProcessEngine engine;
  private final RepositoryService repository;
  private final Deployments deployments;
  private volatile Outcome last;

  ModelDeployer(HuianModels models, ProcessEngine engine, Deployments deployments) {
    this.models = models;
    this.engine = engine;
    this.repository = engine.getRepositoryService();
    this.deployments = deployments;
  }

  /** After the process application has started, before the job executor and the first request. */
  @EventListener(PostDeployEvent.class)
  public void deployAtStartUp() {
    last = deployChanged();
  }

  /** What the last start-up did. */
  public Outcome lastOutcome() {
    return last;
  }

  Outcome deployChanged() {
    ModelFiles files = models.files();
    Map<String, ResourceEntity> previous = previousApplicationResources(files.resources().keySet());
    Set<String> changed = new TreeSet<>();
    for (Map.Entry<String, byte[]> r : files.resources().entrySet()) {
      ResourceEntity before = previous.get(r.getKey());
      if (before == null || !Arrays.equals(before.getBytes(), r.getValue())) {
        changed.add(r.getKey());
      }
    }
    if (changed.isEmpty()) {
      log.info("models: the {} files of processes/ and forms/ are as the application last deployed them; nothing deployed, "
          + "the deployed versions (a designer's among them) stay in force", files.resources().size());
      return new Outcome(null, Set.of(), List.of());
    }
    Map<String, byte[]> bundle = files.closure(changed);
    List<String> superseded = superseded(files, bundle.keySet());
    DeploymentBuilder builder = repository.createDeployment().name(Deployments.APPLICATION_DEPLOYMENT_NAME)
        .source(Deployments.APPLICATION_SOURCE).enableDuplicateFiltering(false);
    bundle.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    if (deployment instanceof org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity entity && !entity.isNew()) {
      log.info("models: another node deployed the changed files {} first; nothing deployed here", changed);
      return new Outcome(deployment.getId(), Set.of(), List.of());
    }
    log.info("models: {} changed since the application's last deployment; deployed {} as deployment {}", changed,
        bundle.keySet(), deployment.getId());
    superseded.forEach(log::warn);
    return new Outcome(deployment.getId(), bundle.keySet(), superseded);
  }

  static String versionTag(ResourceDefinition d) {
    if (d instanceof org.camunda.bpm.engine.repository.ProcessDefinition p) {
      return p.getVersionTag();
    }
    return d instanceof org.camunda.bpm.engine.repository.DecisionDefinition dd ? dd.getVersionTag() : null;
  }

  /** The application's last deployed version of each file, by resource name. */
  private Map<String, ResourceEntity> previousApplicationResources(Set<String> names) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return cfg.getCommandExecutorTxRequired().execute(ctx -> ctx.getResourceManager().findLatestResourcesByDeploymentName(
        Deployments.APPLICATION_DEPLOYMENT_NAME, names, Deployments.APPLICATION_SOURCE, null));
  }

  /**
   * The warnings for every process or decision about to be deployed whose effective version is
   * someone else's (a designer's), newer than the application's and with other content.
   */
  private List<String> superseded(ModelFiles files, Set<String> names) {
    List<String> warnings = new ArrayList<>();
    for (String name : names) {
      ModelFiles.Kind kind = files.kind(name).orElse(null);
      if (kind == null || kind == ModelFiles.Kind.FORM) {
        continue;
      }
      for (String key : files.keys(name)) {
        ResourceDefinition effective = kind == ModelFiles.Kind.PROCESS
            ? repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion().singleResult()
            : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
        if (effective == null) {
          continue;
        }
        Deployments.Info by = deployments.info(effective.getDeploymentId());
        if (by == null || by.source() == Deployments.Source.APPLICATION) {
          continue;
        }
        byte[] theirs;
        try (var in = repository.getResourceAsStream(effective.getDeploymentId(), effective.getResourceName())) {
          theirs = in.readAllBytes();
        } catch (java.io.IOException e) {
          theirs = null;
        }
        if (Arrays.equals(theirs, files.bytes(name))) {
          log.info("models: {} of this release is version {} of {} as {} deployed it; adopted", name, effective.getVersion(),
              key, by.deployedBy());
          continue;
        }
        warnings.add(String.format("models: %s changed in this release and now supersedes version %d of %s (tag %s), "
                + "deployed by %s from %s at %s: new cases follow the release's version. If the designer's change "
                + "should stay, pull it into processes/ (scripts/pull-model.sh %s %d) and release again, or roll back "
                + "to it (POST /api/admin/definitions/%s/rollback {\"version\":%d})",
            name, effective.getVersion(), key, versionTag(effective), by.deployedBy() == null ? "?" : by.deployedBy(),
            by.sourceName(), by.time(), key, effective.getVersion(), key, effective.getVersion()));
      }
    }
    return warnings;
  }
}
