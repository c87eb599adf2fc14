package org.huian.dialogue;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.huian.problem.ConflictException;
import org.huian.problem.Constraints;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The effectiveness list (成效清单): at the year's end the committee rates every task, then ends the
 * review; the cycle's process scores the units, and the units below the line are called in for a talk.
 */
@Service
public class EffectivenessService {

  public record ReviewRequest(
      @NotBlank(message = "请指定任务编号") String taskNo,
      @NotBlank(message = "请评定成效") @Pattern(regexp = "SOLVED|PARTLY|NOT_SOLVED", message = RATING) String rating,
      @NotBlank(message = "请填写评定依据") @Size(max = 2000, message = "评定依据不能超过 2000 字") String evidence) {}

  public record AssessmentRequest(
      @NotBlank(message = "请指定年度循环编号") String cycleNo,
      @NotBlank(message = "请填写成效评估总结") @Size(max = 4000, message = "成效评估总结不能超过 4000 字") String summary) {}

  public record AdmonitionRequest(
      @NotBlank(message = "请填写约谈日期") String heldOn,
      @NotBlank(message = "请填写约谈情况") @Size(max = 2000, message = "约谈情况不能超过 2000 字") String note) {}

  /**
   * A rated task, with the area's safety index when the task was set and at the review (absent when
   * unknown: like every null, it is left out of the JSON).
   */
  public record ReviewView(String taskNo, String cycleNo, String title, String responsibleUnit, String rating,
      String ratingName, String evidence, boolean onTime, String areaCode, BigDecimal indexBefore, BigDecimal indexAfter) {}

  /** A unit's assessment; {@code calledIn}: below the line, to be called in for a talk (约谈). */
  public record AssessmentView(String cycleNo, String unitCode, String unitName, int tasks, int onTime, int solved,
      int partly, int notSolved, BigDecimal score, String grade, Boolean calledIn, LocalDate admonitionHeldOn,
      String admonitionNote) {}

  record IndexPair(BigDecimal before, BigDecimal after) {}

  static final String RATING = "成效须为 SOLVED、PARTLY 或 NOT_SOLVED";

  private final EffectivenessRepository effectiveness;
  private final TaskRepository tasks;
  private final CycleRepository cycles;
  private final DialogueSupport support;
  private final Validator validator;
  private final ObjectProvider<AreaIndexLookup> indexLookup;

  EffectivenessService(EffectivenessRepository effectiveness, TaskRepository tasks, CycleRepository cycles,
      DialogueSupport support, Validator validator, ObjectProvider<AreaIndexLookup> indexLookup) {
    this.effectiveness = effectiveness;
    this.tasks = tasks;
    this.cycles = cycles;
    this.support = support;
    this.validator = validator;
    this.indexLookup = indexLookup;
  }

  AreaIndexLookup index() {
    return indexLookup.getIfUnique(() -> AreaIndexLookup.NONE);
  }

  // ------------------------------------------------------------------------------------ reviews

  /** The annual review rates a task (成效清单); only while the cycle is at its review. */
  @Transactional
  public ReviewView review(ReviewRequest r, CurrentUser user) {
    DialogueSupport.requireCommittee(user, "成效评估由区委政法委开展");
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>(Constraints.check(validator, r));
    Rating rating = null;
    if (r.rating() == null || r.rating().isBlank()) {
      errors.add(new FieldError("rating", "请评定成效"));
    } else {
      try {
        rating = Rating.valueOf(r.rating());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("rating", RATING));
      }
    }
    String evidence = DialogueRules.text(errors, "evidence", r.evidence(), 2000, true, "评定依据");
    if (r.taskNo() == null || r.taskNo().isBlank()) {
      errors.add(new FieldError("taskNo", "请指定任务编号"));
    }
    DialogueSupport.reject(errors);
    TaskRepository.Task t = tasks.task(r.taskNo())
        .orElseThrow(() -> new InvalidRequestException("taskNo", "任务不存在：" + DialogueRules.abbreviate(r.taskNo())));
    CycleRepository.Cycle cycle = cycles.cycle(t.cycleNo()).orElseThrow();
    if (cycle.status() != CycleStatus.REVIEW) {
      throw new ConflictException("taskNo", cycle.year() + " 年度循环" + (cycle.status() == CycleStatus.IMPLEMENTATION
          ? "尚未结束，年底第四季度通报后方可开展成效评估" : "的成效评估已经结束"));
    }
    effectiveness.rate(t.taskNo(), rating, evidence, user.id());
    return reviewView(tasks.requireTask(t.taskNo()));
  }

  @Transactional(readOnly = true)
  public List<ReviewView> reviews(CurrentUser user, String cycleNo) {
    return tasks.tasks(user.scope(), cycleNo).stream().filter(t -> t.rating() != null).map(this::reviewView).toList();
  }

  // --------------------------------------------------------------------------------- assessments

  /** Ends the review and assesses the units: completes the cycle's review task; the model scores and calls in. */
  @Transactional
  public List<AssessmentView> assess(AssessmentRequest r, CurrentUser user) {
    DialogueSupport.requireCommittee(user, "考核由区委政法委组织");
    if (r == null || r.cycleNo() == null || r.cycleNo().isBlank()) {
      throw new InvalidRequestException("cycleNo", "请指定年度循环编号");
    }
    CycleRepository.Cycle cycle = cycles.cycle(r.cycleNo())
        .orElseThrow(() -> new InvalidRequestException("cycleNo", "年度循环不存在：" + DialogueRules.abbreviate(r.cycleNo())));
    DialogueSupport.requireOwnDistrict(user, cycle);
    Task open = support.userTask(cycle.cycleNo(), DialogueCycle.Elements.REVIEW);
    if (open == null) {
      throw new ConflictException("cycleNo", cycle.year() + " 年度循环当前" + cycle.status().nameZh() + "，不在成效评估环节");
    }
    DialogueSupport.reject(Constraints.check(validator, r));
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueCycle.Variables.REVIEW_SUMMARY.name(), r.summary());
    support.completeAs(user, open, v);
    return assessments(user, cycle.cycleNo());
  }

  @Transactional(readOnly = true)
  public List<AssessmentView> assessments(CurrentUser user, String cycleNo) {
    return effectiveness.assessments(user.scope(), cycleNo).stream().map(this::assessmentView).toList();
  }

  /** Records the admonition talk (约谈) of a unit called in. */
  @Transactional
  public AssessmentView admonition(String cycleNo, String unitCode, AdmonitionRequest r, CurrentUser user) {
    DialogueSupport.requireCommittee(user, "约谈由区委政法委组织");
    cycles.cycle(cycleNo).ifPresent(c -> DialogueSupport.requireOwnDistrict(user, c));
    EffectivenessRepository.Assessment a = effectiveness.assessment(cycleNo, unitCode)
        .orElseThrow(() -> new NotFoundException("没有该单位的考核结果：" + DialogueRules.abbreviate(cycleNo + "/" + unitCode)));
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    Task open = support.tasks().createTaskQuery().processInstanceBusinessKey(cycleNo)
        .taskDefinitionKey(DialogueCycle.Elements.ADMONITION_TALK).list().stream()
        .filter(t -> unitCode.equals(support.tasks().getVariable(t.getId(), DialogueCycle.Variables.ADMONISHED_UNIT.name())))
        .findFirst().orElse(null);
    if (open == null) {
      throw new ConflictException("unitCode", "该单位没有待开展的约谈：" + unitCode);
    }
    DialogueSupport.reject(Constraints.check(validator, r));
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueCycle.Variables.ADMONITION_DATE.name(), r.heldOn());
    v.put(DialogueCycle.Variables.ADMONITION_NOTE.name(), r.note());
    support.completeAs(user, open, v);
    return assessmentView(effectiveness.assessment(a.cycleNo(), a.unitCode()).orElseThrow());
  }

  // --------------------------------------------------------------------------------------- views

  ReviewView reviewView(TaskRepository.Task t) {
    IndexPair index = indexPair(t);
    return new ReviewView(t.taskNo(), t.cycleNo(), t.title(), t.responsibleUnit(), t.rating() == null ? null : t.rating().name(),
        t.rating() == null ? null : t.rating().nameZh(), t.ratingEvidence(), t.onTime(), t.areaCode(), index.before(),
        index.after());
  }

  /** The area's safety index when the task was set and at the review (or now), when risk monitoring knows it. */
  IndexPair indexPair(TaskRepository.Task t) {
    if (t.areaCode() == null) {
      return new IndexPair(null, null);
    }
    LocalDate set = LocalDate.ofInstant(t.createdAt(), DialogueClock.BEIJING);
    LocalDate after = t.ratedAt() == null ? DialogueClock.today() : LocalDate.ofInstant(t.ratedAt(), DialogueClock.BEIJING);
    return new IndexPair(index().indexOn(t.areaCode(), set).orElse(null), index().indexOn(t.areaCode(), after).orElse(null));
  }

  AssessmentView assessmentView(EffectivenessRepository.Assessment a) {
    return new AssessmentView(a.cycleNo(), a.unitCode(), support.unitName(a.unitCode()), a.taskCount(), a.onTime(),
        a.solved(), a.partly(), a.notSolved(), a.score(), a.grade(), a.admonish(), a.admonitionHeldOn(), a.admonitionNote());
  }
}
