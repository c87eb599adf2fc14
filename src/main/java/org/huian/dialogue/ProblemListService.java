package org.huian.dialogue;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.problem.ConflictException;
import org.huian.problem.Constraints;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.huian.security.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem list (问题清单): meetings with residents (group meetings, random visits, targeted
 * appointments) and the problems they raised, each maybe linked to a case, a grid report or a risk
 * cluster. The year's first meeting opens the cycle.
 */
@Service
public class ProblemListService {

  public record LinkRequest(
      @NotBlank(message = LINK_KIND) @Pattern(regexp = "CASE|GRID_REPORT|RISK_CLUSTER", message = LINK_KIND) String kind,
      @NotNull(message = "请填写有效的编号") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "请填写有效的编号")
      String reference) {}

  /** A problem; {@code meetingNo} names its meeting when it is added later, and stays empty inside a meeting. */
  public record ProblemRequest(String meetingNo,
      @NotBlank(message = "请填写问题概述") @Size(max = 200, message = "问题概述不能超过 200 字") String title,
      @Size(max = 4000, message = "问题描述不能超过 4000 字") String description,
      @Size(max = 20, message = "每个问题最多关联 20 项") List<@NotNull(message = "关联项不能为空") @Valid LinkRequest> links) {}

  public record MeetingRequest(
      @NotBlank(message = "请选择恳谈方式")
      @Pattern(regexp = "GROUP_MEETING|RANDOM_VISIT|TARGETED_APPOINTMENT", message = MODE) String mode,
      @NotBlank(message = "请填写恳谈日期") String date,
      @NotBlank(message = "请选择街道") String streetCode,
      @NotBlank(message = "请填写参加人员") @Size(max = 2000, message = "参加人员不能超过 2000 字") String participants,
      @Size(max = 4000, message = "恳谈记录不能超过 4000 字") String notes,
      @Size(max = 50, message = "一次恳谈最多登记 50 个问题")
      List<@NotNull(message = "问题不能为空") @Valid ProblemRequest> problems) {}

  public record LinkView(String kind, String reference) {}

  public record ProblemView(String problemNo, String meetingNo, String cycleNo, String streetCode, String streetName,
      String title, String description, String taskNo, List<LinkView> links) {}

  public record MeetingView(String meetingNo, String cycleNo, String mode, String modeName, LocalDate date,
      String streetCode, String streetName, String participants, String notes, List<ProblemView> problems) {}

  static final String LINK_KIND = "关联类型须为 CASE、GRID_REPORT 或 RISK_CLUSTER";
  static final String MODE = "恳谈方式须为 GROUP_MEETING、RANDOM_VISIT 或 TARGETED_APPOINTMENT";

  private record ValidProblem(String title, String description, List<ProblemRepository.Link> links) {}

  private final ProblemRepository problems;
  private final CycleRepository cycles;
  private final CycleService cycleService;
  private final DialogueJdbc numbers;
  private final CaseRepository cases;
  private final Geography geography;
  private final DialogueSupport support;
  private final Validator validator;

  ProblemListService(ProblemRepository problems, CycleRepository cycles, CycleService cycleService, DialogueJdbc numbers,
      CaseRepository cases, Geography geography, DialogueSupport support, Validator validator) {
    this.problems = problems;
    this.cycles = cycles;
    this.cycleService = cycleService;
    this.numbers = numbers;
    this.cases = cases;
    this.geography = geography;
    this.support = support;
    this.validator = validator;
  }

  // ------------------------------------------------------------------------------------ meetings

  @Transactional
  public MeetingView recordMeeting(MeetingRequest r, CurrentUser user) {
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>(Constraints.check(validator, r));
    MeetingMode mode = null;
    if (r.mode() == null || r.mode().isBlank()) {
      errors.add(new FieldError("mode", "请选择恳谈方式"));
    } else {
      try {
        mode = MeetingMode.valueOf(r.mode());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("mode", MODE));
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
    List<ProblemRequest> raised = r.problems() == null ? List.of() : r.problems();
    if (raised.size() > 50) {
      errors.add(new FieldError("problems", "一次恳谈最多登记 50 个问题"));
      raised = List.of();
    }
    List<ValidProblem> valid = new ArrayList<>();
    for (int i = 0; i < raised.size(); i++) {
      ProblemRequest p = raised.get(i);
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
    DialogueSupport.reject(errors);
    CycleRepository.Cycle cycle = cycleService.openCycle(street.districtCode(), today.getYear());
    String meetingNo = String.format("KT-%d-%04d", date.getYear(), numbers.next("meeting"));
    ProblemRepository.Meeting m = new ProblemRepository.Meeting(meetingNo, cycle.cycleNo(), mode, date, street.code(),
        participants, notes, user.id(), DialogueClock.now());
    problems.insertMeeting(m);
    for (ValidProblem p : valid) {
      insertProblem(m, p);
    }
    return meetingView(m);
  }

  @Transactional(readOnly = true)
  public List<MeetingView> meetings(CurrentUser user, String cycleNo) {
    return problems.meetings(user.scope(), cycleNo).stream().map(this::meetingView).toList();
  }

  @Transactional(readOnly = true)
  public MeetingView meeting(String meetingNo, CurrentUser user) {
    ProblemRepository.Meeting m = problems.meeting(meetingNo)
        .orElseThrow(() -> new NotFoundException("恳谈记录不存在：" + DialogueRules.abbreviate(meetingNo)));
    if (!user.scope().all() && !user.scope().streets().contains(m.streetCode())) {
      throw new ForbiddenException("无权查看其他街道的恳谈：" + meetingNo);
    }
    return meetingView(m);
  }

  // ------------------------------------------------------------------------------------ problems

  @Transactional
  public ProblemView recordProblem(ProblemRequest r, CurrentUser user) {
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>(Constraints.check(validator, r));
    if (r.meetingNo() == null || r.meetingNo().isBlank()) {
      errors.add(new FieldError("meetingNo", "请指定问题出自哪次恳谈"));
    }
    ValidProblem p = validateProblem(errors, "", r, user);
    DialogueSupport.reject(errors);
    ProblemRepository.Meeting m = problems.meeting(r.meetingNo())
        .orElseThrow(() -> new InvalidRequestException("meetingNo", "恳谈记录不存在：" + DialogueRules.abbreviate(r.meetingNo())));
    if (!user.scope().all() && !user.scope().streets().contains(m.streetCode())) {
      throw new ForbiddenException("无权为其他街道的恳谈登记问题");
    }
    CycleRepository.Cycle cycle = cycles.cycle(m.cycleNo()).orElseThrow();
    if (cycle.status() != CycleStatus.IMPLEMENTATION) {
      throw new ConflictException("meetingNo", "该年度循环已进入" + cycle.status().nameZh() + "阶段，不再登记问题");
    }
    return problemView(insertProblem(m, p));
  }

  @Transactional(readOnly = true)
  public List<ProblemView> problems(CurrentUser user, String cycleNo, String meetingNo) {
    return problems.problems(user.scope(), cycleNo, meetingNo).stream().map(this::problemView).toList();
  }

  private ProblemRepository.Problem insertProblem(ProblemRepository.Meeting m, ValidProblem p) {
    String problemNo = String.format("WT-%d-%04d", m.date().getYear(), numbers.next("problem"));
    ProblemRepository.Problem row = new ProblemRepository.Problem(problemNo, m.meetingNo(), m.cycleNo(), m.streetCode(),
        p.title(), p.description(), null, DialogueClock.now());
    problems.insertProblem(row, p.links());
    return row;
  }

  private ValidProblem validateProblem(List<FieldError> errors, String prefix, ProblemRequest p, CurrentUser user) {
    String title = DialogueRules.text(errors, prefix + "title", p.title(), 200, true, "问题概述");
    String description = DialogueRules.text(errors, prefix + "description", p.description(), 4000, false, "问题描述");
    List<ProblemRepository.Link> links = new ArrayList<>();
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
        errors.add(new FieldError(field + ".kind", LINK_KIND));
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
      } else if (tables.computeIfAbsent(kind, k -> problems.tableExists(k.table()))
          && !problems.referenceExists(kind, l.reference())) {
        errors.add(new FieldError(field + ".reference", kind.nameZh() + "不存在：" + l.reference()));
        continue;
      }
      ProblemRepository.Link link = new ProblemRepository.Link(kind, l.reference());
      if (!links.contains(link)) {
        links.add(link);
      }
    }
    return new ValidProblem(title, description, links);
  }

  // --------------------------------------------------------------------------------------- views

  MeetingView meetingView(ProblemRepository.Meeting m) {
    return new MeetingView(m.meetingNo(), m.cycleNo(), m.mode().name(), m.mode().nameZh(), m.date(), m.streetCode(),
        support.unitName(m.streetCode()), m.participants(), m.notes(),
        problems.problems(Scope.everything(), null, m.meetingNo()).stream().map(this::problemView).toList());
  }

  ProblemView problemView(ProblemRepository.Problem p) {
    return new ProblemView(p.problemNo(), p.meetingNo(), p.cycleNo(), p.streetCode(), support.unitName(p.streetCode()),
        p.title(), p.description(), p.taskNo(),
        problems.links(p.problemNo()).stream().map(l -> new LinkView(l.kind().name(), l.reference())).toList());
  }
}
