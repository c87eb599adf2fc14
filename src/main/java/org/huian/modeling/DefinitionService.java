package org.huian.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.huian.cases.CaseRepository;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The deployed versions of Huian's processes and decisions: what each version is (time, who,
 * from where, tag, tenant), how much runs on it, its XML, and a rollback that makes an older
 * version the effective one again for new cases by deploying its XML once more.
 */
@Service
public class DefinitionService {

  public enum Kind { PROCESS, DECISION, FORM }

  /** One version of a definition. Counts: running instances and open cases (processes), cases decided (decisions). */
  public record Version(int version, String versionTag, String definitionId, String tenantId, String resourceName,
      String deploymentId, String deploymentName, Instant deployedAt, String deployedBy, Deployments.Source source,
      String sourceName, boolean effective, Long runningInstances, Long openCases, Long casesDecided, Long evaluations) {}

  public record Versions(String key, Kind kind, String name, List<Version> versions) {}

  /** The XML (or form JSON) of one version and where it belongs in the repository. */
  public record Model(String key, Kind kind, int version, String versionTag, String fileName, byte[] bytes) {}

  public record RolledBack(String key, Kind kind, int rolledBackTo, int version, String versionTag, String deploymentId,
      List<String> resources) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final Deployments deployments;
  private final CaseRepository cases;
  private final JdbcClient jdbc;
  private final org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration;

  DefinitionService(org.camunda.bpm.engine.ProcessEngine engine, Deployments deployments, CaseRepository cases,
      JdbcClient jdbc) {
    this.engineConfiguration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.deployments = deployments;
    this.cases = cases;
    this.jdbc = jdbc;
  }

  /** Every version of a process or decision key, newest first (all tenants unless one is named). */
  public Versions versions(String key, String tenantId) {
    List<? extends ResourceDefinition> defs = definitions(key, tenantId);
    Kind kind = defs.get(0) instanceof ProcessDefinition ? Kind.PROCESS : Kind.DECISION;
    List<Version> versions = new ArrayList<>();
    for (ResourceDefinition d : defs) {
      Deployments.Info info = deployments.info(d.getDeploymentId());
      ResourceDefinition effective = effective(kind, key, d.getTenantId());
      boolean isEffective = effective != null && effective.getId().equals(d.getId());
      if (kind == Kind.PROCESS) {
        long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
        long open = jdbc.sql("SELECT COUNT(DISTINCT e.BUSINESS_KEY_) FROM ACT_RU_EXECUTION e JOIN cases c ON c.case_no = e.BUSINESS_KEY_ "
            + "WHERE e.PROC_DEF_ID_ = ? AND e.ID_ = e.PROC_INST_ID_").param(d.getId()).query(Long.class).single();
        versions.add(version(d, info, isEffective, running, open, null, null));
      } else {
        long evaluations = history.createHistoricDecisionInstanceQuery().decisionDefinitionId(d.getId()).count();
        versions.add(version(d, info, isEffective, null, null, cases.casesDecidedBy(d.getId()), evaluations));
      }
    }
    return new Versions(key, kind, defs.get(0).getName(), versions);
  }

  private static Version version(ResourceDefinition d, Deployments.Info info, boolean effective, Long running, Long open,
      Long decided, Long evaluations) {
    return new Version(d.getVersion(), ModelDeployer.versionTag(d), d.getId(), d.getTenantId(), d.getResourceName(),
        d.getDeploymentId(), info == null ? null : info.name(), info == null ? null : info.time(),
        info == null ? null : info.deployedBy(), info == null ? null : info.source(), info == null ? null : info.sourceName(),
        effective, running, open, decided, evaluations);
  }

  /** The version new cases get: the latest of the tenant (the shared one for {@code null}). */
  ResourceDefinition effective(Kind kind, String key, String tenantId) {
    if (kind == Kind.PROCESS) {
      var q = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
      return (tenantId == null ? q.withoutTenantId() : q.tenantIdIn(tenantId)).singleResult();
    }
    var q = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion();
    return (tenantId == null ? q.withoutTenantId() : q.tenantIdIn(tenantId)).singleResult();
  }

  private List<? extends ResourceDefinition> definitions(String key, String tenantId) {
    var processes = repository.createProcessDefinitionQuery().processDefinitionKey(key);
    List<ProcessDefinition> p = (tenantId == null ? processes : processes.tenantIdIn(tenantId)).list();
    if (!p.isEmpty()) {
      return p.stream().sorted(Comparator.comparing((ProcessDefinition d) -> d.getTenantId() == null ? "" : d.getTenantId())
          .thenComparing(ProcessDefinition::getVersion, Comparator.reverseOrder())).toList();
    }
    var decisions = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
    List<DecisionDefinition> d = (tenantId == null ? decisions : decisions.tenantIdIn(tenantId)).list();
    if (d.isEmpty()) {
      throw new NotFoundException("没有已部署的流程或决策：" + key);
    }
    return d.stream().sorted(Comparator.comparing((DecisionDefinition x) -> x.getTenantId() == null ? "" : x.getTenantId())
        .thenComparing(DecisionDefinition::getVersion, Comparator.reverseOrder())).toList();
  }

  /** One version of a key (the effective shared one when {@code version} is null). */
  ResourceDefinition definition(String key, Integer version, String tenantId) {
    List<? extends ResourceDefinition> defs = definitions(key, tenantId);
    Kind kind = defs.get(0) instanceof ProcessDefinition ? Kind.PROCESS : Kind.DECISION;
    if (version == null) {
      ResourceDefinition effective = effective(kind, key, tenantId);
      if (effective == null) {
        throw new NotFoundException("没有已部署的" + (tenantId == null ? "共用" : tenantId + " 的") + "版本：" + key);
      }
      return effective;
    }
    return defs.stream().filter(d -> d.getVersion() == version && java.util.Objects.equals(d.getTenantId(), tenantId))
        .findFirst().orElseThrow(() -> new NotFoundException(key + " 没有第 " + version + " 版"
            + (tenantId == null ? "（共用）" : "（" + tenantId + "）")));
  }

  /** The deployed XML of a version: what a designer commits to {@code processes/}. Forms by their id too. */
  public Model model(String key, Integer version, String tenantId) {
    Optional<Model> form = version == null && tenantId == null ? form(key) : Optional.empty();
    if (form.isPresent() && definitionsExist(key).isEmpty()) {
      return form.get();
    }
    ResourceDefinition d = definition(key, version, tenantId);
    Kind kind = d instanceof ProcessDefinition ? Kind.PROCESS : Kind.DECISION;
    return new Model(key, kind, d.getVersion(), ModelDeployer.versionTag(d), key + (kind == Kind.PROCESS ? ".bpmn" : ".dmn"),
        bytes(d.getDeploymentId(), d.getResourceName()));
  }

  private Optional<String> definitionsExist(String key) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0
        || repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() > 0) {
      return Optional.of(key);
    }
    return Optional.empty();
  }

  /** The latest deployed form with this id (Camunda has no form query in its public API). */
  private Optional<Model> form(String key) {
    var found = engineConfiguration.getCommandExecutorTxRequired().execute(ctx -> {
      try {
        return ctx.getCamundaFormDefinitionManager().findLatestDefinitionByKeyAndTenantId(key, null);
      } catch (RuntimeException e) {
        return null;
      }
    });
    if (found == null) {
      return Optional.empty();
    }
    return Optional.of(new Model(key, Kind.FORM, found.getVersion(), null, key + ".form",
        bytes(found.getDeploymentId(), found.getResourceName())));
  }

  private byte[] bytes(String deploymentId, String resourceName) {
    try (var in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------- rollback

  /**
   * Makes {@code version} of a key the effective one again for new cases: deploys its XML once
   * more, as a new version tagged {@code rollback-of-<version>}, with the files its own deployment
   * bound to it ({@code binding="deployment"}: for a process, its bundle as it was then). Running
   * instances stay where they are; move them with a migration. The deployment passes the same
   * guard as any other and is logged under the caller's name.
   */
  public RolledBack rollback(String key, int version, String tenantId, CurrentUser user) {
    ResourceDefinition target = definition(key, version, tenantId);
    Kind kind = target instanceof ProcessDefinition ? Kind.PROCESS : Kind.DECISION;
    ResourceDefinition effective = effective(kind, key, target.getTenantId());
    if (effective != null && effective.getId().equals(target.getId())) {
      throw new InvalidRequestException(List.of(new org.huian.problem.FieldError("version",
          "第 " + version + " 版已是当前生效的版本，无需回退")));
    }
    ModelFiles then = new ModelFiles(deployments.resources(target.getDeploymentId()));
    Map<String, byte[]> bundle = then.closure(List.of(target.getResourceName()));
    String tag = "rollback-of-" + version;
    bundle.put(target.getResourceName(), withVersionTag(bundle.get(target.getResourceName()), kind, key, tag));
    DeploymentBuilder builder = repository.createDeployment()
        .name("回退 " + key + " 至第 " + version + " 版")
        .source(Deployments.ROLLBACK_SOURCE);
    if (target.getTenantId() != null) {
      builder.tenantId(target.getTenantId());
    }
    bundle.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployed;
    identity.setAuthentication(user.id(), user.groups(), user.tenants());
    try {
      deployed = builder.deployWithResult();
    } finally {
      identity.clearAuthentication();
    }
    ResourceDefinition now = effective(kind, key, target.getTenantId());
    return new RolledBack(key, kind, version, now.getVersion(), ModelDeployer.versionTag(now), deployed.getId(),
        List.copyOf(bundle.keySet()));
  }

  private static final Pattern CAMUNDA_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)=\"http://camunda\\.org/schema/1\\.0/(?:bpmn|dmn)\"");

  /**
   * The same XML with {@code camunda:versionTag} of the process or decision {@code key} set to
   * {@code tag}, changed in its start tag only, so the rest of the file stays byte for byte.
   */
  static byte[] withVersionTag(byte[] xml, Kind kind, String key, String tag) {
    String s = new String(xml, StandardCharsets.UTF_8);
    Matcher ns = CAMUNDA_PREFIX.matcher(s);
    if (!ns.find()) {
      throw new InvalidRequestException(List.of(new org.huian.problem.FieldError("version",
          "该版本的文件未声明 Camunda 命名空间，无法标记版本")));
    }
    String prefix = ns.group(1);
    String element = kind == Kind.PROCESS ? "process" : "decision";
    Matcher start = Pattern.compile("<(?:[\\w.-]+:)?" + element + "\\b[^>]*?\\sid=\"" + Pattern.quote(key) + "\"[^>]*?/?>").matcher(s);
    if (!start.find()) {
      throw new IllegalStateException("no " + element + " " + key + " in its own resource");
    }
    String tagOpen = start.group();
    Matcher existing = Pattern.compile("\\s" + Pattern.quote(prefix) + ":versionTag=\"[^\"]*\"").matcher(tagOpen);
    String replaced = existing.find()
        ? existing.replaceFirst(Matcher.quoteReplacement(" " + prefix + ":versionTag=\"" + tag + "\""))
        : tagOpen.replaceFirst("\\s*(/?>)$", Matcher.quoteReplacement(" " + prefix + ":versionTag=\"" + tag + "\"") + "$1");
    return (s.substring(0, start.start()) + replaced + s.substring(start.end())).getBytes(StandardCharsets.UTF_8);
  }
}
