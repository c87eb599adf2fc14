package org.huian.dialogue;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.huian.problem.ConflictException;
import org.huian.problem.Constraints;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.huian.security.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation list (落实清单): the responsible unit reports each task's progress, hard and
 * overdue tasks go to district-level coordination, and the quarterly bulletins (and the annual one)
 * freeze the list's state for everyone to read.
 */
@Service
public class ImplementationService {

  static final String PERCENT_RANGE = "完成进度须为 0 至 100 的整数";

  /** A progress report; {@code reason} is required when the percentage goes down, {@code hard} asks for coordination. */
  public record ProgressRequest(
      @NotNull(message = "请填写完成进度（0–100）") @Min(value = 0, message = PERCENT_RANGE)
      @Max(value = 100, message = PERCENT_RANGE) Integer percent,
      @NotBlank(message = "请填写进展情况") @Size(max = 2000, message = "进展情况不能超过 2000 字") String narrative,
      @Size(max = 1000, message = "进度回退原因不能超过 1000 字") String reason,
      Boolean hard) {}

  public record CoordinationRequest(
      @NotBlank(message = "请填写协调意见") @Size(max = 2000, message = "协调意见不能超过 2000 字") String decision,
      String newDeadline) {}

  public record BulletinEntryView(String taskNo, String responsibleUnit, String status, int progress, LocalDate deadline,
      boolean overdue, boolean escalated) {}

  public record CalledInUnit(String unitCode, String unitName, BigDecimal score) {}

  /** A bulletin; {@code calledIn} (the units called in for a talk) only in the annual one. */
  public record BulletinView(String bulletinNo, String cycleNo, String kind, Integer quarter, LocalDate asOf,
      Instant issuedAt, String summary, List<BulletinEntryView> entries,
      List<CalledInUnit> calledIn) {}

  private final ImplementationRepository implementation;
  private final EffectivenessRepository effectiveness;
  private final TaskRepository tasks;
  private final TaskListService taskList;
  private final DialogueSupport support;
  private final Validator validator;

  ImplementationService(ImplementationRepository implementation, EffectivenessRepository effectiveness,
      TaskRepository tasks, TaskListService taskList, DialogueSupport support, Validator validator) {
    this.implementation = implementation;
    this.effectiveness = effectiveness;
    this.tasks = tasks;
    this.taskList = taskList;
    this.support = support;
    this.validator = validator;
  }

  /** The responsible unit reports progress: completes its open report task. */
  @Transactional
  public TaskListService.TaskView reportProgress(String taskNo, ProgressRequest r, CurrentUser user) {
    TaskRepository.Task t = taskList.visibleTask(taskNo, user);
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    Task open = support.userTask(taskNo, DialogueTaskProcess.Elements.REPORT);
    if (open == null) {
      throw new ConflictException("taskNo", "任务当前" + t.status().nameZh() + "，不在报告进展环节：" + taskNo);
    }
    DialogueSupport.reject(Constraints.check(validator, r));
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueTaskProcess.Variables.PERCENT.name(), r.percent());
    v.put(DialogueTaskProcess.Variables.NARRATIVE.name(), r.narrative());
    v.put(DialogueTaskProcess.Variables.REASON.name(), r.reason());
    v.put(DialogueTaskProcess.Variables.HARD.name(), r.hard() != null && r.hard());
    support.completeAs(user, open, v);
    return taskList.taskView(tasks.requireTask(taskNo), true);
  }

  /** District-level coordination (专题协调) of a hard or overdue task: the committee's decision, maybe a new deadline. */
  @Transactional
  public TaskListService.TaskView coordinate(String taskNo, CoordinationRequest r, CurrentUser user) {
    DialogueSupport.requireCommittee(user, "专题协调由区委政法委组织");
    TaskRepository.Task t = taskList.visibleTask(taskNo, user);
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    Task open = support.userTask(taskNo, DialogueTaskProcess.Elements.COORDINATE);
    if (open == null) {
      throw new ConflictException("taskNo", "任务当前" + t.status().nameZh() + "，没有待办的专题协调：" + taskNo);
    }
    DialogueSupport.reject(Constraints.check(validator, r));
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueTaskProcess.Variables.DECISION.name(), r.decision());
    v.put(DialogueTaskProcess.Variables.NEW_DEADLINE.name(), r.newDeadline());
    support.completeAs(user, open, v);
    return taskList.taskView(tasks.requireTask(taskNo), true);
  }

  @Transactional(readOnly = true)
  public List<BulletinView> bulletins(CurrentUser user, String cycleNo) {
    return implementation.bulletins(cycleNo).stream().map(b -> bulletinView(b, user)).toList();
  }

  @Transactional(readOnly = true)
  public BulletinView bulletin(String bulletinNo, CurrentUser user) {
    return bulletinView(implementation.bulletin(bulletinNo)
        .orElseThrow(() -> new NotFoundException("通报不存在：" + DialogueRules.abbreviate(bulletinNo))), user);
  }

  BulletinView bulletinView(ImplementationRepository.Bulletin b, CurrentUser user) {
    List<BulletinEntryView> entries = implementation.entries(b.bulletinNo(), user.scope()).stream()
        .map(e -> new BulletinEntryView(e.taskNo(), e.responsibleUnit(), e.status().name(), e.progress(), e.deadline(),
            e.overdue(), e.escalated()))
        .toList();
    List<CalledInUnit> calledIn = !"ANNUAL".equals(b.kind()) ? null
        : effectiveness.assessments(Scope.everything(), b.cycleNo()).stream()
            .filter(a -> Boolean.TRUE.equals(a.admonish()))
            .map(a -> new CalledInUnit(a.unitCode(), support.unitName(a.unitCode()), a.score())).toList();
    return new BulletinView(b.bulletinNo(), b.cycleNo(), b.kind(), b.quarter(), b.asOf(), b.issuedAt(), b.summary(),
        entries, calledIn);
  }
}
