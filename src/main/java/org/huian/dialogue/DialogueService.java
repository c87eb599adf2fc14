package org.huian.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.problem.ConflictException;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.security.CurrentUser;
import org.huian.security.ProcessInstanceGrants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four lists through the API. Records meetings and problems, starts the yearly cycle and one
 * process per task, and works the cycle's and the tasks' user tasks as the calling user (so engine
 * authorizations apply), each call in one transaction: a rejected call changes nothing.
 */
@Service
public class DialogueService {

  public record LinkRequest(String kind, String reference) {}

  public record ProblemRequest(String meetingNo, String title, String description, List<LinkRequest> links) {}

  public record MeetingRequest(String mode, String date, String streetCode, String participants, String notes,
      List<ProblemRequest> problems) {}

  public record TaskRequest(String title, List<String> problemNos, String responsibleUnit, String deadline, String target,
      String areaCode) {}

  public record ProgressRequest(Integer percent, String narrative, String reason, Boolean hard) {}

  public record CoordinationRequest(String decision, String newDeadline) {}

  public record ReviewRequest(String taskNo, String rating, String evidence) {}

  public record AssessmentRequest(String cycleNo, String summary) {}

  public record AdmonitionRequest(String heldOn, String note) {}

  private final DialogueRepository repository;
  private final CaseRepository cases;
  private final Geography geography;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ProcessInstanceGrants grants;
  private final ObjectProvider<AreaIndexLookup> indexLookup;

  DialogueService(DialogueRepository repository, CaseRepository cases, Geography geography, RuntimeService runtime,
      TaskService tasks, IdentityService identity, ProcessInstanceGrants grants, ObjectProvider<AreaIndexLookup> indexLookup) {
    this.repository = repository;
    this.cases = cases;
    this.geography = geography;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.grants = grants;
    this.indexLookup = indexLookup;
  }

  AreaIndexLookup index() {
    return indexLookup.getIfUnique(() -> AreaIndexLookup.NONE);
  }

  // ------------------------------------------------------------------------------------ meetings

  @Transactional
  public Map<String, Object> recordMeeting(MeetingRequest r, CurrentUser user) {
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>();
    MeetingMode mode = null;
    if (r.mode() == null || r.mode().isBlank()) {
      errors.add(new FieldError("mode", "请选择恳谈方式"));
    } else {
      try {
        mode = MeetingMode.valueOf(r.mode());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("mode", "恳谈方式须为 GROUP_MEETING、RANDOM_VISIT 或 TARGETED_APPOINTMENT"));
      }
    }
    LocalDate today = DialogueClock.today();
    LocalDate date = DialogueRules.date(errors, "date", r.date(), true, "恳谈日期");
    if (date != null && date.isAfter(today)) {
      errors.add(new FieldError("date", "恳谈日期不能晚于今天"));
    } else if (date != null && date.getYear() != today.getYear()) {
      errors.add(new FieldError("date", "只能登记本年度（" + today.getYear() + " 年）的恳谈"));
    }
    Unit street = DialogueRules.street(errors, geography, "streetCode", r.streetCode());
    String participants = DialogueRules.text(errors, "participants", r.participants(), 2000, true, "参加人员");
    String notes = DialogueRules.text(errors, "notes", r.notes(), 4000, false, "恳谈记录");
    List<ProblemRequest> problems = r.problems() == null ? List.of() : r.problems();
    if (problems.size() > 50) {
      errors.add(new FieldError("problems", "一次恳谈最多登记 50 个问题"));
      problems = List.of();
    }
    List<ValidProblem> valid = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      ProblemRequest p = problems.get(i);
      if (p == null) {
        errors.add(new FieldError("problems[" + i + "]", "问题不能为空"));
        continue;
      }
      if (p.meetingNo() != null) {
        errors.add(new FieldError("problems[" + i + "].meetingNo", "随恳谈登记的问题无需填写恳谈编号"));
      }
      valid.add(validateProblem(errors, "problems[" + i + "].", p, user));
    }
    if (street != null && !user.scope().all() && !user.scope().streets().contains(street.code())) {
      throw new ForbiddenException("只能登记本街道的恳谈");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    DialogueRepository.Cycle cycle = openCycle(street.districtCode(), today.getYear());
    String meetingNo = String.format("KT-%d-%04d", date.getYear(), repository.next("meeting"));
    DialogueRepository.Meeting m = new DialogueRepository.Meeting(meetingNo, cycle.cycleNo(), mode, date, street.code(),
        participants, notes, user.id(), DialogueClock.now());
    repository.insertMeeting(m);
    for (ValidProblem p : valid) {
      insertProblem(m, p);
    }
    return meetingView(m);
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> meetings(CurrentUser user, String cycleNo) {
    return repository.meetings(user.scope(), cycleNo).stream().map(this::meetingView).toList();
  }

  @Transactional(readOnly = true)
  public Map<String, Object> meeting(String meetingNo, CurrentUser user) {
    return meetingView(visibleMeeting(meetingNo, user));
  }

  private DialogueRepository.Meeting visibleMeeting(String meetingNo, CurrentUser user) {
    DialogueRepository.Meeting m = repository.meeting(meetingNo)
        .orElseThrow(() -> new NotFoundException("恳谈记录不存在：" + DialogueRules.abbreviate(meetingNo)));
    if (!user.scope().all() && !user.scope().streets().contains(m.streetCode())) {
      throw new ForbiddenException("无权查看其他街道的恳谈：" + meetingNo);
    }
    return m;
  }

  /** The cycle of the year, started on the first meeting; a cycle past its implementation takes no more. */
  private DialogueRepository.Cycle openCycle(String districtCode, int year) {
    Optional<DialogueRepository.Cycle> existing = repository.cycleOfYear(districtCode, year);
    if (existing.isPresent()) {
      if (existing.get().status() != CycleStatus.IMPLEMENTATION) {
        throw new ConflictException("date", year + " 年度循环已进入" + existing.get().status().nameZh() + "阶段，不再登记恳谈");
      }
      return existing.get();
    }
    // one cycle a year per district: PAKT-<year>-<first six digits of the district's code>
    String cycleNo = "PAKT-" + year + "-" + districtCode.substring(0, 6);
    repository.insertCycle(cycleNo, districtCode, year, DialogueClock.quarterOf(DialogueClock.today()));
    ProcessInstance pi = runtime.startProcessInstanceByKey(DialogueCycle.KEY, cycleNo,
        Map.of(DialogueCycle.Variables.CYCLE_NO.name(), cycleNo, "districtCode", districtCode,
            "title", year + " 年度平安恳谈 " + cycleNo));
    repository.setCycleProcess(cycleNo, pi.getId());
    return repository.cycle(cycleNo).orElseThrow();
  }

  // ------------------------------------------------------------------------------------ problems

  private record ValidProblem(String title, String description, List<DialogueRepository.Link> links) {}

  @Transactional
  public Map<String, Object> recordProblem(ProblemRequest r, CurrentUser user) {
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>();
    if (r.meetingNo() == null || r.meetingNo().isBlank()) {
      errors.add(new FieldError("meetingNo", "请指定问题出自哪次恳谈"));
    }
    ValidProblem p = validateProblem(errors, "", r, user);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    DialogueRepository.Meeting m = repository.meeting(r.meetingNo())
        .orElseThrow(() -> new InvalidRequestException("meetingNo", "恳谈记录不存在：" + DialogueRules.abbreviate(r.meetingNo())));
    if (!user.scope().all() && !user.scope().streets().contains(m.streetCode())) {
      throw new ForbiddenException("无权为其他街道的恳谈登记问题");
    }
    DialogueRepository.Cycle cycle = repository.cycle(m.cycleNo()).orElseThrow();
    if (cycle.status() != CycleStatus.IMPLEMENTATION) {
      throw new ConflictException("meetingNo", "该年度循环已进入" + cycle.status().nameZh() + "阶段，不再登记问题");
    }
    return problemView(insertProblem(m, p));
  }

  private DialogueRepository.Problem insertProblem(DialogueRepository.Meeting m, ValidProblem p) {
    String problemNo = String.format("WT-%d-%04d", m.date().getYear(), repository.next("problem"));
    DialogueRepository.Problem row = new DialogueRepository.Problem(problemNo, m.meetingNo(), m.cycleNo(), m.streetCode(),
        p.title(), p.description(), null, DialogueClock.now());
    repository.insertProblem(row, p.links());
    return row;
  }

  private ValidProblem validateProblem(List<FieldError> errors, String prefix, ProblemRequest p, CurrentUser user) {
    String title = DialogueRules.text(errors, prefix + "title", p.title(), 200, true, "问题概述");
    String description = DialogueRules.text(errors, prefix + "description", p.description(), 4000, false, "问题描述");
    List<DialogueRepository.Link> links = new ArrayList<>();
    List<LinkRequest> requested = p.links() == null ? List.of() : p.links();
    if (requested.size() > 20) {
      errors.add(new FieldError(prefix + "links", "每个问题最多关联 20 项"));
      requested = List.of();
    }
    Map<LinkKind, Boolean> tables = new HashMap<>();
    for (int i = 0; i < requested.size(); i++) {
      String field = prefix + "links[" + i + "]";
      LinkRequest l = requested.get(i);
      if (l == null) {
        errors.add(new FieldError(field, "关联项不能为空"));
        continue;
      }
      LinkKind kind = null;
      try {
        kind = l.kind() == null ? null : LinkKind.valueOf(l.kind());
      } catch (IllegalArgumentException e) {
        kind = null;
      }
      if (kind == null) {
        errors.add(new FieldError(field + ".kind", "关联类型须为 CASE、GRID_REPORT 或 RISK_CLUSTER"));
        continue;
      }
      if (l.reference() == null || !DialogueRules.REFERENCE.matcher(l.reference()).matches()) {
        errors.add(new FieldError(field + ".reference", "请填写有效的编号"));
        continue;
      }
      if (kind == LinkKind.CASE) {
        Optional<CaseRow> c = cases.find(l.reference());
        if (c.isEmpty() || !user.scope().canSee(c.get())) {
          errors.add(new FieldError(field + ".reference", "案件不存在或无权查看：" + l.reference()));
          continue;
        }
      } else if (tables.computeIfAbsent(kind, k -> repository.tableExists(k.table()))
          && !repository.referenceExists(kind, l.reference())) {
        errors.add(new FieldError(field + ".reference", kind.nameZh() + "不存在：" + l.reference()));
        continue;
      }
      DialogueRepository.Link link = new DialogueRepository.Link(kind, l.reference());
      if (!links.contains(link)) {
        links.add(link);
      }
    }
    return new ValidProblem(title, description, links);
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> problems(CurrentUser user, String cycleNo, String meetingNo) {
    return repository.problems(user.scope(), cycleNo, meetingNo).stream().map(this::problemView).toList();
  }

  // --------------------------------------------------------------------------------------- tasks

  /** Triage: the political-legal committee turns one or more problems into a task with an owner, a deadline and a target. */
  @Transactional
  public Map<String, Object> createTask(TaskRequest r, CurrentUser user) {
    requireCommittee(user, "任务由区委政法委研判下达");
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>();
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
    List<DialogueRepository.Problem> problems = new ArrayList<>();
    Set<String> numbers = new LinkedHashSet<>(r.problemNos() == null ? List.of() : r.problemNos());
    if (numbers.isEmpty() || numbers.size() > 20) {
      errors.add(new FieldError("problemNos", "请列出 1 至 20 个问题编号"));
    } else {
      for (String no : numbers) {
        Optional<DialogueRepository.Problem> p = no == null ? Optional.empty() : repository.problem(no);
        if (p.isEmpty()) {
          errors.add(new FieldError("problemNos", "问题不存在：" + (no == null ? "null" : DialogueRules.abbreviate(no))));
        } else if (p.get().taskNo() != null) {
          errors.add(new FieldError("problemNos", "问题 " + no + " 已转为任务 " + p.get().taskNo()));
        } else {
          problems.add(p.get());
        }
      }
      if (problems.stream().map(DialogueRepository.Problem::cycleNo).distinct().count() > 1) {
        errors.add(new FieldError("problemNos", "合并的问题须属于同一年度"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    DialogueRepository.Cycle cycle = repository.cycle(problems.get(0).cycleNo()).orElseThrow();
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
    if (areaCode == null && problems.stream().map(DialogueRepository.Problem::streetCode).distinct().count() == 1) {
      areaCode = problems.get(0).streetCode();
    }
    String taskNo = String.format("RW-%d-%04d", cycle.year(), repository.next("task"));
    DialogueRepository.Task t = new DialogueRepository.Task(taskNo, cycle.cycleNo(), title, target, unit.code(), areaCode,
        deadline, TaskStatus.IN_PROGRESS, 0, false, null, null, null, null, null, null, null, null, null, null, user.id(),
        DialogueClock.now());
    repository.insertTask(t);
    problems.forEach(p -> repository.assignProblem(p.problemNo(), taskNo));
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
    repository.setTaskProcess(taskNo, pi.getId());
    grants.grantRead(unit.code(), List.of(pi.getId()));
    return taskView(repository.requireTask(taskNo), true);
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> tasks(CurrentUser user, String cycleNo) {
    return repository.tasks(user.scope(), cycleNo).stream().map(t -> taskView(t, false)).toList();
  }

  @Transactional(readOnly = true)
  public Map<String, Object> task(String taskNo, CurrentUser user) {
    return taskView(visibleTask(taskNo, user), true);
  }

  DialogueRepository.Task visibleTask(String taskNo, CurrentUser user) {
    DialogueRepository.Task t = repository.task(taskNo)
        .orElseThrow(() -> new NotFoundException("任务不存在：" + DialogueRules.abbreviate(taskNo)));
    if (!user.scope().all() && !user.scope().units().contains(t.responsibleUnit())) {
      throw new ForbiddenException("无权查看其他单位的任务：" + taskNo);
    }
    return t;
  }

  /** The responsible unit reports progress: completes its open report task. */
  @Transactional
  public Map<String, Object> reportProgress(String taskNo, ProgressRequest r, CurrentUser user) {
    DialogueRepository.Task t = visibleTask(taskNo, user);
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    org.camunda.bpm.engine.task.Task open = userTask(taskNo, DialogueTaskProcess.Elements.REPORT);
    if (open == null) {
      throw new ConflictException("taskNo", "任务当前" + t.status().nameZh() + "，不在报告进展环节：" + taskNo);
    }
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueTaskProcess.Variables.PERCENT.name(), r.percent());
    v.put(DialogueTaskProcess.Variables.NARRATIVE.name(), r.narrative());
    v.put(DialogueTaskProcess.Variables.REASON.name(), r.reason());
    v.put(DialogueTaskProcess.Variables.HARD.name(), r.hard() != null && r.hard());
    completeAs(user, open, v);
    return taskView(repository.requireTask(taskNo), true);
  }

  /** District-level coordination (专题协调) of a hard or overdue task: the committee's decision, maybe a new deadline. */
  @Transactional
  public Map<String, Object> coordinate(String taskNo, CoordinationRequest r, CurrentUser user) {
    requireCommittee(user, "专题协调由区委政法委组织");
    DialogueRepository.Task t = visibleTask(taskNo, user);
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    org.camunda.bpm.engine.task.Task open = userTask(taskNo, DialogueTaskProcess.Elements.COORDINATE);
    if (open == null) {
      throw new ConflictException("taskNo", "任务当前" + t.status().nameZh() + "，没有待办的专题协调：" + taskNo);
    }
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueTaskProcess.Variables.DECISION.name(), r.decision());
    v.put(DialogueTaskProcess.Variables.NEW_DEADLINE.name(), r.newDeadline());
    completeAs(user, open, v);
    return taskView(repository.requireTask(taskNo), true);
  }

  // ------------------------------------------------------------------------------------ reviews

  /** The annual review rates a task (成效清单); only while the cycle is at its review. */
  @Transactional
  public Map<String, Object> review(ReviewRequest r, CurrentUser user) {
    requireCommittee(user, "成效评估由区委政法委开展");
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>();
    Rating rating = null;
    if (r.rating() == null || r.rating().isBlank()) {
      errors.add(new FieldError("rating", "请评定成效"));
    } else {
      try {
        rating = Rating.valueOf(r.rating());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("rating", "成效须为 SOLVED、PARTLY 或 NOT_SOLVED"));
      }
    }
    String evidence = DialogueRules.text(errors, "evidence", r.evidence(), 2000, true, "评定依据");
    if (r.taskNo() == null || r.taskNo().isBlank()) {
      errors.add(new FieldError("taskNo", "请指定任务编号"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    DialogueRepository.Task t = repository.task(r.taskNo())
        .orElseThrow(() -> new InvalidRequestException("taskNo", "任务不存在：" + DialogueRules.abbreviate(r.taskNo())));
    DialogueRepository.Cycle cycle = repository.cycle(t.cycleNo()).orElseThrow();
    if (cycle.status() != CycleStatus.REVIEW) {
      throw new ConflictException("taskNo", cycle.year() + " 年度循环" + (cycle.status() == CycleStatus.IMPLEMENTATION
          ? "尚未结束，年底第四季度通报后方可开展成效评估" : "的成效评估已经结束"));
    }
    repository.rate(t.taskNo(), rating, evidence, user.id());
    return reviewView(repository.requireTask(t.taskNo()));
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> reviews(CurrentUser user, String cycleNo) {
    return repository.tasks(user.scope(), cycleNo).stream().filter(t -> t.rating() != null).map(this::reviewView).toList();
  }

  // --------------------------------------------------------------------------------- assessments

  /** Ends the review and assesses the units: completes the cycle's review task; the model scores and calls in. */
  @Transactional
  public List<Map<String, Object>> assess(AssessmentRequest r, CurrentUser user) {
    requireCommittee(user, "考核由区委政法委组织");
    if (r == null || r.cycleNo() == null || r.cycleNo().isBlank()) {
      throw new InvalidRequestException("cycleNo", "请指定年度循环编号");
    }
    DialogueRepository.Cycle cycle = repository.cycle(r.cycleNo())
        .orElseThrow(() -> new InvalidRequestException("cycleNo", "年度循环不存在：" + DialogueRules.abbreviate(r.cycleNo())));
    requireOwnDistrict(user, cycle);
    org.camunda.bpm.engine.task.Task open = userTask(cycle.cycleNo(), DialogueCycle.Elements.REVIEW);
    if (open == null) {
      throw new ConflictException("cycleNo", cycle.year() + " 年度循环当前" + cycle.status().nameZh() + "，不在成效评估环节");
    }
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueCycle.Variables.REVIEW_SUMMARY.name(), r.summary());
    completeAs(user, open, v);
    return assessments(user, cycle.cycleNo());
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> assessments(CurrentUser user, String cycleNo) {
    return repository.assessments(user.scope(), cycleNo).stream().map(this::assessmentView).toList();
  }

  /** Records the admonition talk (约谈) of a unit called in. */
  @Transactional
  public Map<String, Object> admonition(String cycleNo, String unitCode, AdmonitionRequest r, CurrentUser user) {
    requireCommittee(user, "约谈由区委政法委组织");
    repository.cycle(cycleNo).ifPresent(c -> requireOwnDistrict(user, c));
    DialogueRepository.Assessment a = repository.assessment(cycleNo, unitCode)
        .orElseThrow(() -> new NotFoundException("没有该单位的考核结果：" + DialogueRules.abbreviate(cycleNo + "/" + unitCode)));
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    org.camunda.bpm.engine.task.Task open = tasks.createTaskQuery().processInstanceBusinessKey(cycleNo)
        .taskDefinitionKey(DialogueCycle.Elements.ADMONITION_TALK).list().stream()
        .filter(t -> unitCode.equals(tasks.getVariable(t.getId(), DialogueCycle.Variables.ADMONISHED_UNIT.name())))
        .findFirst().orElse(null);
    if (open == null) {
      throw new ConflictException("unitCode", "该单位没有待开展的约谈：" + unitCode);
    }
    Map<String, Object> v = new HashMap<>();
    v.put(DialogueCycle.Variables.ADMONITION_DATE.name(), r.heldOn());
    v.put(DialogueCycle.Variables.ADMONITION_NOTE.name(), r.note());
    completeAs(user, open, v);
    return assessmentView(repository.assessment(a.cycleNo(), a.unitCode()).orElseThrow());
  }

  // ----------------------------------------------------------------------------------- bulletins

  @Transactional(readOnly = true)
  public List<Map<String, Object>> bulletins(CurrentUser user, String cycleNo) {
    return repository.bulletins(cycleNo).stream().map(b -> bulletinView(b, user)).toList();
  }

  @Transactional(readOnly = true)
  public Map<String, Object> bulletin(String bulletinNo, CurrentUser user) {
    return bulletinView(repository.bulletin(bulletinNo)
        .orElseThrow(() -> new NotFoundException("通报不存在：" + DialogueRules.abbreviate(bulletinNo))), user);
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> cycles(CurrentUser user) {
    return repository.cycles().stream().filter(c -> c.districtCode() == null || user.scope().coversDistrict(c.districtCode())
        || user.scope().units().stream().anyMatch(u -> geography.find(u).map(x -> x.districtCode().equals(c.districtCode())).orElse(false)))
        .map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cycleNo", c.cycleNo());
      m.put("districtCode", c.districtCode());
      m.put("year", c.year());
      m.put("status", c.status().name());
      m.put("statusName", c.status().nameZh());
      m.put("quarter", c.quarter());
      m.put("reviewSummary", c.reviewSummary());
      return m;
    }).toList();
  }

  // ------------------------------------------------------------------------------------- helpers

  /** A district's committee acts on its own district's cycle only. */
  private static void requireOwnDistrict(CurrentUser user, DialogueRepository.Cycle cycle) {
    if (cycle.districtCode() != null && !user.scope().coversDistrict(cycle.districtCode())) {
      throw new ForbiddenException("只能处理本区的年度循环：" + cycle.cycleNo());
    }
  }

  private static void requireCommittee(CurrentUser user, String message) {
    if (!DialogueGroups.isCommittee(user)) {
      throw new ForbiddenException(message + "（区级单位的 -leaders 组）");
    }
  }

  private org.camunda.bpm.engine.task.Task userTask(String businessKey, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
  }

  private void completeAs(CurrentUser user, org.camunda.bpm.engine.task.Task task, Map<String, Object> variables) {
    identity.setAuthentication(user.id(), user.groups(), user.tenants());
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  String unitName(String code) {
    return geography.find(code).map(Unit::name).orElse(code);
  }

  Map<String, Object> meetingView(DialogueRepository.Meeting m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("meetingNo", m.meetingNo());
    out.put("cycleNo", m.cycleNo());
    out.put("mode", m.mode().name());
    out.put("modeName", m.mode().nameZh());
    out.put("date", m.date());
    out.put("streetCode", m.streetCode());
    out.put("streetName", unitName(m.streetCode()));
    out.put("participants", m.participants());
    out.put("notes", m.notes());
    out.put("problems", repository.problems(org.huian.security.Scope.everything(), null, m.meetingNo()).stream()
        .map(this::problemView).toList());
    return out;
  }

  Map<String, Object> problemView(DialogueRepository.Problem p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("problemNo", p.problemNo());
    out.put("meetingNo", p.meetingNo());
    out.put("cycleNo", p.cycleNo());
    out.put("streetCode", p.streetCode());
    out.put("streetName", unitName(p.streetCode()));
    out.put("title", p.title());
    out.put("description", p.description());
    out.put("taskNo", p.taskNo());
    out.put("links", repository.links(p.problemNo()).stream()
        .map(l -> Map.of("kind", l.kind().name(), "reference", l.reference())).toList());
    return out;
  }

  Map<String, Object> taskView(DialogueRepository.Task t, boolean detail) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("taskNo", t.taskNo());
    out.put("cycleNo", t.cycleNo());
    out.put("title", t.title());
    out.put("target", t.target());
    out.put("responsibleUnit", t.responsibleUnit());
    out.put("responsibleUnitName", unitName(t.responsibleUnit()));
    out.put("areaCode", t.areaCode());
    out.put("deadline", t.deadline());
    out.put("status", t.status().name());
    out.put("statusName", t.status().nameZh());
    out.put("progress", t.progress());
    out.put("overdue", t.overdueOn(DialogueClock.today()));
    out.put("hard", t.hard());
    out.put("coordinationReason", t.coordinationReason());
    out.put("coordinationDecision", t.coordinationDecision());
    out.put("completedAt", t.completedAt());
    out.put("rating", t.rating() == null ? null : t.rating().name());
    out.put("problemNos", repository.problemsOfTask(t.taskNo()).stream().map(DialogueRepository.Problem::problemNo).toList());
    if (detail) {
      out.put("progressReports", repository.progress(t.taskNo()).stream().map(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("percent", p.percent());
        m.put("narrative", p.narrative());
        m.put("reason", p.reason());
        m.put("hard", p.hard());
        m.put("reportedBy", p.reportedBy());
        m.put("reportedAt", p.reportedAt());
        return m;
      }).toList());
    }
    return out;
  }

  Map<String, Object> reviewView(DialogueRepository.Task t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("taskNo", t.taskNo());
    out.put("cycleNo", t.cycleNo());
    out.put("title", t.title());
    out.put("responsibleUnit", t.responsibleUnit());
    out.put("rating", t.rating() == null ? null : t.rating().name());
    out.put("ratingName", t.rating() == null ? null : t.rating().nameZh());
    out.put("evidence", t.ratingEvidence());
    out.put("onTime", t.onTime());
    out.put("areaCode", t.areaCode());
    IndexPair index = indexPair(t);
    out.put("indexBefore", index.before());
    out.put("indexAfter", index.after());
    return out;
  }

  record IndexPair(java.math.BigDecimal before, java.math.BigDecimal after) {}

  /** The area's safety index when the task was set and at the review (or now), when risk monitoring knows it. */
  IndexPair indexPair(DialogueRepository.Task t) {
    if (t.areaCode() == null) {
      return new IndexPair(null, null);
    }
    LocalDate set = LocalDate.ofInstant(t.createdAt(), DialogueClock.BEIJING);
    LocalDate after = t.ratedAt() == null ? DialogueClock.today() : LocalDate.ofInstant(t.ratedAt(), DialogueClock.BEIJING);
    return new IndexPair(index().indexOn(t.areaCode(), set).orElse(null), index().indexOn(t.areaCode(), after).orElse(null));
  }

  Map<String, Object> assessmentView(DialogueRepository.Assessment a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cycleNo", a.cycleNo());
    out.put("unitCode", a.unitCode());
    out.put("unitName", unitName(a.unitCode()));
    out.put("tasks", a.taskCount());
    out.put("onTime", a.onTime());
    out.put("solved", a.solved());
    out.put("partly", a.partly());
    out.put("notSolved", a.notSolved());
    out.put("score", a.score());
    out.put("grade", a.grade());
    out.put("calledIn", a.admonish());
    out.put("admonitionHeldOn", a.admonitionHeldOn());
    out.put("admonitionNote", a.admonitionNote());
    return out;
  }

  Map<String, Object> bulletinView(DialogueRepository.Bulletin b, CurrentUser user) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bulletinNo", b.bulletinNo());
    out.put("cycleNo", b.cycleNo());
    out.put("kind", b.kind());
    out.put("quarter", b.quarter());
    out.put("asOf", b.asOf());
    out.put("issuedAt", b.issuedAt());
    out.put("summary", b.summary());
    out.put("entries", repository.entries(b.bulletinNo(), user.scope()).stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("taskNo", e.taskNo());
      m.put("responsibleUnit", e.responsibleUnit());
      m.put("status", e.status().name());
      m.put("progress", e.progress());
      m.put("deadline", e.deadline());
      m.put("overdue", e.overdue());
      m.put("escalated", e.escalated());
      return m;
    }).toList());
    if ("ANNUAL".equals(b.kind())) {
      out.put("calledIn", repository.assessments(org.huian.security.Scope.everything(), b.cycleNo()).stream()
          .filter(a -> Boolean.TRUE.equals(a.admonish())).map(a -> Map.of("unitCode", a.unitCode(),
              "unitName", unitName(a.unitCode()), "score", a.score())).toList());
    }
    return out;
  }
}
