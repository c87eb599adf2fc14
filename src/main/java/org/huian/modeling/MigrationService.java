package org.huian.modeling;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.cases.EventType;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of a Huian process from one version to another with Camunda's
 * migration API (Cockpit CE has no migration view): the plan maps equal activities, then the
 * caller's explicit pairs; each instance is migrated in its own transaction, so one that cannot
 * move (it waits in an activity the target lacks) is reported with Camunda's reasons while the
 * others move. A dry run does the same and rolls every transaction back. Timers and other jobs
 * of mapped activities are kept with their due dates (no event trigger is updated), so no
 * deadline fires twice or is lost. Every migrated case gets a MIGRATED timeline entry.
 */
@Service
public class MigrationService {

  private static final Logger log = LoggerFactory.getLogger(MigrationService.class);

  public record Pair(String from, String to) {}

  public record Request(String processKey, Integer fromVersion, Integer toVersion, String tenantId, List<Pair> mapping,
      Boolean dryRun) {}

  public record DefinitionRef(String id, int version, String versionTag) {}

  public record Instance(String processInstanceId, String businessKey, String caseNo, String tenantId,
      List<String> activities, boolean migrated, List<String> reasons) {}

  public record Report(String processKey, DefinitionRef from, DefinitionRef to, boolean dryRun, List<Pair> instructions,
      int total, int migrated, int failed, List<Instance> instances) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final CaseRepository cases;
  private final HuianModels models;

  MigrationService(RepositoryService repository, RuntimeService runtime, IdentityService identity,
      TransactionTemplate transaction, CaseRepository cases, HuianModels models) {
    this.repository = repository;
    this.runtime = runtime;
    this.identity = identity;
    this.transaction = transaction;
    this.cases = cases;
    this.models = models;
  }

  public Report migrate(Request request, CurrentUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (request.processKey() == null || !models.processKeys().contains(request.processKey())) {
      errors.add(new FieldError("processKey", "须为汇安的流程标识之一：" + String.join("、", models.processKeys())));
    }
    if (request.fromVersion() == null || request.fromVersion() < 1) {
      errors.add(new FieldError("fromVersion", "须给出源版本号（正整数）"));
    }
    if (request.toVersion() == null || request.toVersion() < 1) {
      errors.add(new FieldError("toVersion", "须给出目标版本号（正整数）"));
    }
    if (errors.isEmpty() && request.fromVersion().equals(request.toVersion())) {
      errors.add(new FieldError("toVersion", "目标版本与源版本相同"));
    }
    List<Pair> mapping = request.mapping() == null ? List.of() : request.mapping();
    for (int i = 0; i < mapping.size(); i++) {
      Pair p = mapping.get(i);
      if (p == null || blank(p.from()) || blank(p.to())) {
        errors.add(new FieldError("mapping[" + i + "]", "须给出 from 和 to（源、目标活动标识）"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    boolean dryRun = request.dryRun() == null || request.dryRun();
    ProcessDefinition source = definition(request.processKey(), request.fromVersion(), request.tenantId());
    ProcessDefinition target = definition(request.processKey(), request.toVersion(), request.tenantId());
    MigrationPlan plan = plan(source, target, mapping);
    List<Pair> instructions = plan.getInstructions().stream()
        .map(i -> new Pair(i.getSourceActivityId(), i.getTargetActivityId())).toList();

    List<Instance> results = new ArrayList<>();
    identity.setAuthentication(user.id(), user.groups(), user.tenants());
    try {
      for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
          .orderByProcessInstanceId().asc().list()) {
        results.add(one(pi, plan, source, target, dryRun, user));
      }
    } finally {
      identity.clearAuthentication();
    }
    int migrated = (int) results.stream().filter(Instance::migrated).count();
    log.info("migration of {} v{} -> v{}{} by {}: {} of {} instances {}", request.processKey(), source.getVersion(),
        target.getVersion(), dryRun ? " (dry run)" : "", user.id(), migrated, results.size(), dryRun ? "could move" : "moved");
    return new Report(request.processKey(), ref(source), ref(target), dryRun, instructions, results.size(), migrated,
        results.size() - migrated, results);
  }

  private Instance one(ProcessInstance pi, MigrationPlan plan, ProcessDefinition source, ProcessDefinition target,
      boolean dryRun, CurrentUser user) {
    List<String> activities = activities(pi.getId());
    String caseNo = pi.getBusinessKey() != null && cases.find(pi.getBusinessKey()).isPresent() ? pi.getBusinessKey() : null;
    List<String> reasons = new ArrayList<>();
    Boolean moved = transaction.execute(status -> {
      try {
        runtime.newMigration(plan).processInstanceIds(pi.getId()).execute();
      } catch (MigratingProcessInstanceValidationException e) {
        status.setRollbackOnly();
        reasons.addAll(reasons(e.getValidationReport(), source));
        return false;
      }
      if (caseNo != null) {
        CaseRow c = cases.get(caseNo);
        cases.addEvent(caseNo, EventType.MIGRATED, c.level(), c.unitCode(), user.id(),
            "流程 " + source.getKey() + " 由第 " + source.getVersion() + " 版" + tag(source) + "迁移到第 " + target.getVersion()
                + " 版" + tag(target) + "；迁移时所在活动：" + String.join("、", activities));
      }
      if (dryRun) {
        status.setRollbackOnly();
      }
      return true;
    });
    return new Instance(pi.getId(), pi.getBusinessKey(), caseNo, pi.getTenantId(), activities, Boolean.TRUE.equals(moved),
        reasons);
  }

  /** Equal activities, minus those the caller maps explicitly, then the caller's pairs. */
  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<Pair> mapping) {
    Set<String> explicit = new LinkedHashSet<>();
    mapping.forEach(p -> explicit.add(p.from()));
    try {
      MigrationPlan equal = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
      if (mapping.isEmpty()) {
        return equal;
      }
      MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
      for (MigrationInstruction i : equal.getInstructions()) {
        if (!explicit.contains(i.getSourceActivityId())) {
          builder = builder.mapActivities(i.getSourceActivityId(), i.getTargetActivityId());
        }
      }
      for (Pair p : mapping) {
        builder = builder.mapActivities(p.from(), p.to());
      }
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      List<FieldError> errors = new ArrayList<>();
      for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
        String pair = r.getMigrationInstruction().getSourceActivityId() + " → " + r.getMigrationInstruction().getTargetActivityId();
        r.getFailures().forEach(f -> errors.add(new FieldError("mapping", "映射 " + pair + " 无效：" + f)));
      }
      if (errors.isEmpty()) {
        errors.add(new FieldError("mapping", "迁移计划无效：" + e.getMessage()));
      }
      throw new InvalidRequestException(errors);
    }
  }

  private List<String> reasons(MigratingProcessInstanceValidationReport report, ProcessDefinition source) {
    BpmnModelInstance model = repository.getBpmnModelInstance(source.getId());
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
      a.getFailures().forEach(f -> reasons.add(explain(model, a.getSourceScopeId(), f)));
    }
    for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
      t.getFailures().forEach(f -> reasons.add(explain(model, t.getSourceScopeId(), f)));
    }
    return reasons;
  }

  /** Camunda's reason, led by what it means here: the activity the instance waits in has no counterpart. */
  static String explain(BpmnModelInstance model, String activityId, String failure) {
    FlowElement e = model == null ? null : model.getModelElementById(activityId);
    String activity = activityId + (e != null && e.getName() != null ? "（" + e.getName() + "）" : "");
    if (failure.contains("no migration instruction")) {
      return "实例停留在活动 " + activity + "，目标版本中没有与之对应的活动：请在 mapping 中指定 {from:\"" + activityId
          + "\", to:\"<目标活动>\"}（Camunda：" + failure + "）";
    }
    return "活动 " + activity + "：" + failure;
  }

  private List<String> activities(String processInstanceId) {
    return runtime.getActiveActivityIds(processInstanceId).stream().distinct().sorted().toList();
  }

  private ProcessDefinition definition(String key, int version, String tenantId) {
    var q = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version);
    ProcessDefinition d = (tenantId == null || tenantId.isBlank() ? q.withoutTenantId() : q.tenantIdIn(tenantId)).singleResult();
    if (d == null) {
      throw new NotFoundException(key + " 没有第 " + version + " 版");
    }
    return d;
  }

  private static DefinitionRef ref(ProcessDefinition d) {
    return new DefinitionRef(d.getId(), d.getVersion(), d.getVersionTag());
  }

  private static String tag(ProcessDefinition d) {
    return d.getVersionTag() == null ? "" : "（" + d.getVersionTag() + "）";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
