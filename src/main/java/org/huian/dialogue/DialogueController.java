package org.huian.dialogue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Safety dialogue (平安恳谈): roster, meetings, the four lists, bulletins, reviews, assessments and exports. */
@RestController
@RequestMapping("/api/dialogue")
@Tag(name = "平安恳谈", description = "名册、恳谈记录、问题/任务/落实/成效清单、通报与考核")
class DialogueController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final RosterService roster;
  private final CycleService cycles;
  private final ProblemListService problems;
  private final TaskListService tasks;
  private final ImplementationService implementation;
  private final EffectivenessService effectiveness;
  private final DialogueExports exports;

  DialogueController(RosterService roster, CycleService cycles, ProblemListService problems, TaskListService tasks,
      ImplementationService implementation, EffectivenessService effectiveness, DialogueExports exports) {
    this.roster = roster;
    this.cycles = cycles;
    this.problems = problems;
    this.tasks = tasks;
    this.implementation = implementation;
    this.effectiveness = effectiveness;
    this.exports = exports;
  }

  // ------------------------------------------------------------------------------------ roster

  @Operation(summary = "政法干警名册", description = "区级看全部，街道看本街道")
  @GetMapping("/officers")
  List<RosterService.OfficerView> officers(@RequestParam(required = false) String streetCode,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return roster.list(user, streetCode);
  }

  @Operation(summary = "名册覆盖情况", description = "每个街道的干警数和缺少的单位；gaps 列出尚无干警的街道")
  @GetMapping("/officers/coverage")
  RosterService.RosterCoverage coverage(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return roster.coverage(user);
  }

  @Operation(summary = "登记干警（区级）")
  @PostMapping(path = "/officers", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RosterService.OfficerView> addOfficer(@RequestBody RosterService.OfficerRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    RosterService.OfficerView o = roster.create(request, user);
    return ResponseEntity.created(URI.create("/api/dialogue/officers/" + o.officerNo())).body(o);
  }

  @Operation(summary = "修改干警信息（区级）")
  @PutMapping(path = "/officers/{officerNo}", consumes = MediaType.APPLICATION_JSON_VALUE)
  RosterService.OfficerView updateOfficer(@PathVariable String officerNo, @RequestBody RosterService.OfficerRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return roster.update(officerNo, request, user);
  }

  @Operation(summary = "移出名册（区级）")
  @DeleteMapping("/officers/{officerNo}")
  ResponseEntity<Void> deleteOfficer(@PathVariable String officerNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    roster.delete(officerNo, user);
    return ResponseEntity.noContent().build();
  }

  // ---------------------------------------------------------------------------- meetings, problems

  @Operation(summary = "年度循环", description = "每年第一次恳谈时开启")
  @GetMapping("/cycles")
  List<CycleService.CycleView> cycles(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return cycles.cycles(user);
  }

  @Operation(summary = "恳谈记录")
  @GetMapping("/meetings")
  List<ProblemListService.MeetingView> meetings(@RequestParam(required = false) String cycleNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return problems.meetings(user, cycleNo);
  }

  @Operation(summary = "一次恳谈及其问题")
  @GetMapping("/meetings/{meetingNo}")
  ProblemListService.MeetingView meeting(@PathVariable String meetingNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return problems.meeting(meetingNo, user);
  }

  @Operation(summary = "登记恳谈", description = "mode 为 GROUP_MEETING、RANDOM_VISIT 或 TARGETED_APPOINTMENT；可同时登记问题清单，"
      + "问题可关联案件（CASE）、网格上报（GRID_REPORT）或关联风险（RISK_CLUSTER）")
  @PostMapping(path = "/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProblemListService.MeetingView> recordMeeting(@RequestBody ProblemListService.MeetingRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    ProblemListService.MeetingView m = problems.recordMeeting(request, user);
    return ResponseEntity.created(URI.create("/api/dialogue/meetings/" + m.meetingNo())).body(m);
  }

  @Operation(summary = "问题清单")
  @GetMapping("/problems")
  List<ProblemListService.ProblemView> problems(@RequestParam(required = false) String cycleNo,
      @RequestParam(required = false) String meetingNo, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return problems.problems(user, cycleNo, meetingNo);
  }

  @Operation(summary = "为已有恳谈补登问题")
  @PostMapping(path = "/problems", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProblemListService.ProblemView> recordProblem(@RequestBody ProblemListService.ProblemRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return ResponseEntity.status(201).body(problems.recordProblem(request, user));
  }

  // ----------------------------------------------------------------------------------------- tasks

  @Operation(summary = "任务清单（含进度）", description = "区级看全部，街道看本单位负责的任务")
  @GetMapping("/tasks")
  List<TaskListService.TaskView> tasks(@RequestParam(required = false) String cycleNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return tasks.tasks(user, cycleNo);
  }

  @Operation(summary = "一项任务及其进展报告")
  @GetMapping("/tasks/{taskNo}")
  TaskListService.TaskView task(@PathVariable String taskNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return tasks.task(taskNo, user);
  }

  @Operation(summary = "研判下达任务（区委政法委）", description = "一个或多个问题合并为一项任务，须有责任单位、完成期限和可衡量目标")
  @PostMapping(path = "/tasks", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TaskListService.TaskView> createTask(@RequestBody TaskListService.TaskRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    TaskListService.TaskView t = tasks.createTask(request, user);
    return ResponseEntity.created(URI.create("/api/dialogue/tasks/" + t.taskNo())).body(t);
  }

  @Operation(summary = "报告落实进展（责任单位）", description = "percent 0–100；低于上次须说明 reason；hard=true 申请区级专题协调")
  @PostMapping(path = "/tasks/{taskNo}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
  TaskListService.TaskView progress(@PathVariable String taskNo, @RequestBody ImplementationService.ProgressRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return implementation.reportProgress(taskNo, request, user);
  }

  @Operation(summary = "专题协调意见（区委政法委）")
  @PostMapping(path = "/tasks/{taskNo}/coordination", consumes = MediaType.APPLICATION_JSON_VALUE)
  TaskListService.TaskView coordination(@PathVariable String taskNo,
      @RequestBody ImplementationService.CoordinationRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return implementation.coordinate(taskNo, request, user);
  }

  // ----------------------------------------------------------------------- bulletins, reviews, assessments

  @Operation(summary = "季度通报与年度考核通报")
  @GetMapping("/bulletins")
  List<ImplementationService.BulletinView> bulletins(@RequestParam(required = false) String cycleNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return implementation.bulletins(user, cycleNo);
  }

  @Operation(summary = "一份通报")
  @GetMapping("/bulletins/{bulletinNo}")
  ImplementationService.BulletinView bulletin(@PathVariable String bulletinNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return implementation.bulletin(bulletinNo, user);
  }

  @Operation(summary = "通报 PDF")
  @GetMapping(path = "/bulletins/{bulletinNo}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> bulletinPdf(@PathVariable String bulletinNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return file(exports.bulletinPdf(bulletinNo, user), MediaType.APPLICATION_PDF, bulletinNo + ".pdf");
  }

  @Operation(summary = "成效清单（已评定的任务）")
  @GetMapping("/reviews")
  List<EffectivenessService.ReviewView> reviews(@RequestParam(required = false) String cycleNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return effectiveness.reviews(user, cycleNo);
  }

  @Operation(summary = "评定一项任务的成效（区委政法委）", description = "仅在年度循环进入成效评估后；rating 为 SOLVED、PARTLY 或 NOT_SOLVED")
  @PostMapping(path = "/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<EffectivenessService.ReviewView> review(@RequestBody EffectivenessService.ReviewRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return ResponseEntity.status(201).body(effectiveness.review(request, user));
  }

  @Operation(summary = "年度成效清单 PDF")
  @GetMapping(path = "/reviews/{cycleNo}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> reviewPdf(@PathVariable String cycleNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return file(exports.effectivenessPdf(cycleNo, user), MediaType.APPLICATION_PDF, cycleNo + "-成效清单.pdf");
  }

  @Operation(summary = "单位考核结果")
  @GetMapping("/assessments")
  List<EffectivenessService.AssessmentView> assessments(@RequestParam(required = false) String cycleNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return effectiveness.assessments(user, cycleNo);
  }

  @Operation(summary = "结束成效评估并考核（区委政法委）", description = "全部任务评定后提交总结；低于约谈线的单位生成约谈任务并列入年度通报")
  @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<EffectivenessService.AssessmentView>> assess(@RequestBody EffectivenessService.AssessmentRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return ResponseEntity.status(201).body(effectiveness.assess(request, user));
  }

  @Operation(summary = "登记约谈（区委政法委）")
  @PostMapping(path = "/assessments/{cycleNo}/{unitCode}/admonition", consumes = MediaType.APPLICATION_JSON_VALUE)
  EffectivenessService.AssessmentView admonition(@PathVariable String cycleNo, @PathVariable String unitCode,
      @RequestBody EffectivenessService.AdmonitionRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return effectiveness.admonition(cycleNo, unitCode, request, user);
  }

  // ---------------------------------------------------------------------------------------- exports

  @Operation(summary = "清单导出为 Excel", description = "list 为 roster、problems、tasks、implementation 或 effectiveness")
  @GetMapping("/exports/{list}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String list, @RequestParam(required = false) String cycleNo,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return file(exports.xlsx(list, cycleNo, user), XLSX, list + ".xlsx");
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
        .body(bytes);
  }
}
