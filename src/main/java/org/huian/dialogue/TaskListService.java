package org.huian.dialogue;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.problem.ConflictException;
import org.huian.problem.Constraints;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.huian.security.ProcessInstanceGrants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task list (任务清单): the district political-legal committee turns one or more problems into a
 * task with a responsible unit, a deadline and a measurable target; each task runs its own process.
 */
@Service
public class TaskListService {

  public record TaskRequest(
      @NotBlank(message = "请填写任务名称") @Size(max = 200, message = "任务名称不能超过 200 字") String title,
      @NotEmpty(message = PROBLEM_NOS) @Size(max = 20, message = PROBLEM_NOS) List<String> problemNos,
      @NotBlank(message = "请指定责任单位") String responsibleUnit,
      @NotBlank(message = "请填写完成期限") String deadline,
      @NotBlank(message = "请填写可衡量的目标") @Size(max = 1000, message = "可衡量的目标不能超过 1000 字") String target,
      String areaCode) {}

  public record ProgressReportView(int percent, String narrative, String reason, boolean hard, String reportedBy,
      Instant reportedAt) {}

  /** A task; {@code progressReports} only in the detail of one task. */
  public record TaskView(String taskNo, String cycleNo, String title, String target, String responsibleUnit,
      String responsibleUnitName, String areaCode, LocalDate deadline, String status, String statusName, int progress,
      boolean overdue, boolean hard, String coordinationReason, String coordinationDecision, Instant completedAt,
      String rating, List<String> problemNos,
      List<ProgressReportView> progressReports) {}

  static final String PROBLEM_NOS = "请列出 1 至 20 个问题编号";

  private final TaskRepository tasks;
  private final ProblemRepository problems;
  private final CycleRepository cycles;
  private final ImplementationRepository implementation;
  private final DialogueJdbc numbers;
  private final Geography geography;
  private final RuntimeService runtime;
  private final ProcessInstanceGrants grants;
  private final DialogueSupport support;
  private final Validator validator;

  TaskListService(TaskRepository tasks, ProblemRepository problems, CycleRepository cycles,
      ImplementationRepository implementation, DialogueJdbc numbers, Geography geography, RuntimeService runtime,
      ProcessInstanceGrants grants, DialogueSupport support, Validator validator) {
    this.tasks = tasks;
    this.problems = problems;
    this.cycles = cycles;
    this.implementation = implementation;
    this.numbers = numbers;
    this.geography = geography;
    this.runtime = runtime;
    this.grants = grants;
    this.support = support;
    this.validator = validator;
  }

  /** Triage: the political-legal committee turns one or more problems into a task with an owner, a deadline and a target. */
  @Transactional
  public TaskView createTask(TaskRequest r, CurrentUser user) {
    DialogueSupport.requireCommittee(user, "任务由区委政法委研判下达");
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>(Constraints.check(validator, r));
    String title = DialogueRules.text(errors, "title", r.title(), 200, true, "任务名称");
    String target = DialogueRules.text(errors, "target", r.target(), 1000, true, "可衡量的目标");
    Unit unit = DialogueRules.responsibleUnit(errors, geography, "responsibleUnit", r.responsibleUnit());
    LocalDate deadline = DialogueRules.date(errors, "deadline", r.deadline(), true, "完成期限");
    LocalDate today = DialogueClock.today();
    if (deadline != null && deadline.isBefore(today)) {
      errors.add(new FieldError("deadline", "完成期限不能早于任务下达之日（" + today + "）"));
    } else if (deadline != null && deadline.isAfter(today.plusYears(2))) {
      errors.add(new FieldError("deadline", "完成期限不能超过两年"));
    }
    String areaCode = null;
    if (r.areaCode() != null) {
      Unit area = geography.find(r.areaCode()).orElse(null);
      if (area == null || (area.level() != Level.STREET && area.level() != Level.COMMUNITY)) {
        errors.add(new FieldError("areaCode", "关联区域须为街道或社区代码"));
      } else {
        areaCode = area.code();
      }
    }
    List<ProblemRepository.Problem> merged = new ArrayList<>();
    Set<String> numbersGiven = new LinkedHashSet<>(r.problemNos() == null ? List.of() : r.problemNos());
    if (numbersGiven.isEmpty() || numbersGiven.size() > 20) {
      errors.add(new FieldError("problemNos", PROBLEM_NOS));
    } else {
      for (String no : numbersGiven) {
        Optional<ProblemRepository.Problem> p = no == null ? Optional.empty() : problems.problem(no);
        if (p.isEmpty()) {
          errors.add(new FieldError("problemNos", "问题不存在：" + (no == null ? "null" : DialogueRules.abbreviate(no))));
        } else if (p.get().taskNo() != null) {
          errors.add(new FieldError("problemNos", "问题 " + no + " 已转为任务 " + p.get().taskNo()));
        } else {
          merged.add(p.get());
        }
      }
      if (merged.stream().map(ProblemRepository.Problem::cycleNo).distinct().count() > 1) {
        errors.add(new FieldError("problemNos", "合并的问题须属于同一年度"));
      }
    }
    DialogueSupport.reject(errors);
    CycleRepository.Cycle cycle = cycles.cycle(merged.get(0).cycleNo()).orElseThrow();
    // a committee tasks its own district's problems, to its own district's units
    if (cycle.districtCode() != null && !user.scope().coversDistrict(cycle.districtCode())) {
      throw new ForbiddenException("只能为本区的问题下达任务");
    }
    if (cycle.districtCode() != null && !cycle.districtCode().equals(unit.districtCode())) {
      throw new InvalidRequestException("responsibleUnit", "责任单位须为本区的单位：" + unit.name());
    }
    if (cycle.status() != CycleStatus.IMPLEMENTATION) {
      throw new ConflictException("problemNos", "该年度循环已进入" + cycle.status().nameZh() + "阶段，不再下达任务");
    }
    if (areaCode == null && merged.stream().map(ProblemRepository.Problem::streetCode).distinct().count() == 1) {
      areaCode = merged.get(0).streetCode();
    }
    String taskNo = String.format("RW-%d-%04d", cycle.year(), numbers.next("task"));
    TaskRepository.Task t = new TaskRepository.Task(taskNo, cycle.cycleNo(), title, target, unit.code(), areaCode,
        deadline, TaskStatus.IN_PROGRESS, 0, false, null, null, null, null, null, null, null, null, null, null, user.id(),
        DialogueClock.now());
    tasks.insertTask(t);
    merged.forEach(p -> problems.assignProblem(p.problemNo(), taskNo));
    Map<String, Object> vars = new HashMap<>();
    vars.put(DialogueTaskProcess.Variables.TASK_NO.name(), taskNo);
    vars.put(DialogueTaskProcess.Variables.UNIT_GROUP.name(), unit.code());
    vars.put(DialogueTaskProcess.Variables.DEADLINE.name(), DialogueClock.endOf(deadline));
    vars.put("taskTitle", title);
    vars.put("title", title);
    vars.put("taskTarget", target);
    vars.put("unitName", unit.name());
    vars.put("deadlineText", DialogueClock.format(deadline));
    vars.put("progressText", "尚未报告进展");
    ProcessInstance pi = runtime.startProcessInstanceByKey(DialogueTaskProcess.KEY, taskNo, vars);
    tasks.setTaskProcess(taskNo, pi.getId());
    grants.grantRead(unit.code(), List.of(pi.getId()));
    return taskView(tasks.requireTask(taskNo), true);
  }

  @Transactional(readOnly = true)
  public List<TaskView> tasks(CurrentUser user, String cycleNo) {
    return tasks.tasks(user.scope(), cycleNo).stream().map(t -> taskView(t, false)).toList();
  }

  @Transactional(readOnly = true)
  public TaskView task(String taskNo, CurrentUser user) {
    return taskView(visibleTask(taskNo, user), true);
  }

  TaskRepository.Task visibleTask(String taskNo, CurrentUser user) {
    TaskRepository.Task t = tasks.task(taskNo)
        .orElseThrow(() -> new NotFoundException("任务不存在：" + DialogueRules.abbreviate(taskNo)));
    if (!user.scope().all() && !user.scope().units().contains(t.responsibleUnit())) {
      throw new ForbiddenException("无权查看其他单位的任务：" + taskNo);
    }
    return t;
  }

  /** A task as the API shows it; with {@code detail}, its progress reports (the implementation list's entries). */
  TaskView taskView(TaskRepository.Task t, boolean detail) {
    return new TaskView(t.taskNo(), t.cycleNo(), t.title(), t.target(), t.responsibleUnit(),
        support.unitName(t.responsibleUnit()), t.areaCode(), t.deadline(), t.status().name(), t.status().nameZh(),
        t.progress(), t.overdueOn(DialogueClock.today()), t.hard(), t.coordinationReason(), t.coordinationDecision(),
        t.completedAt(), t.rating() == null ? null : t.rating().name(),
        problems.problemsOfTask(t.taskNo()).stream().map(ProblemRepository.Problem::problemNo).toList(),
        detail ? implementation.progress(t.taskNo()).stream().map(p -> new ProgressReportView(p.percent(), p.narrative(),
            p.reason(), p.hard(), p.reportedBy(), p.reportedAt())).toList() : null);
  }
}
