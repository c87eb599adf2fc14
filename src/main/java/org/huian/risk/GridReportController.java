package org.huian.risk;

import org.huian.config.OpenApiExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/grid-reports}: the grid workers' app and the other systems feeding the ledger. */
@RestController
@Tag(name = "网格上报", description = "人、地、事、物、情动态信息入网入库")
class GridReportController {

  private final GridReportService service;
  private final RiskRepository reports;
  private final Geography geography;

  GridReportController(GridReportService service, RiskRepository reports, Geography geography) {
    this.service = service;
    this.reports = reports;
    this.geography = geography;
  }

  @Operation(summary = "网格员上报一条动态信息",
      description = "类别为人（PERSON）、地（PLACE）、事（EVENT）、物（OBJECT）、情（SENTIMENT），风险等级 1–5。"
          + "含 dispute 时同时转为网格层级的矛盾纠纷案件，双向关联。相同 externalRef 且内容相同返回 200，内容不同返回 409。")
  @ApiResponse(responseCode = "201", description = "已入库")
  @PostMapping(path = "/api/grid-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RiskViews.Report> create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "欠薪聚集",
          ref = OpenApiExamples.REF + "grid-report"))) @RequestBody GridReportRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    GridReportService.Stored stored = service.create(request, user, false);
    RiskViews.Report body = RiskViews.report(stored.report(), geography);
    URI location = URI.create("/api/grid-reports/" + body.reportNo());
    return stored.created() ? ResponseEntity.created(location).body(body) : ResponseEntity.ok().location(location).body(body);
  }

  @Operation(summary = "其他系统批量导入（NDJSON）",
      description = "Content-Type: application/x-ndjson，每行一条 JSON，须含 source（HOTLINE_12345、POLICE_NON_EMERGENCY、PETITION、"
          + "GRID_APP、OTHER）。逐行校验、逐行入库，坏行不影响好行；应答按行给出 201 / 200 / 4xx 与字段错误。每批最多 5000 行。仅区级用户。")
  @PostMapping(path = "/api/grid-reports:batch", consumes = {"application/x-ndjson", "application/jsonl"})
  RiskViews.BatchResult batch(@RequestBody(required = false) String body,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    if (!user.scope().wholeDistrict()) {
      throw new ForbiddenException("批量导入仅限区级用户");
    }
    if (body == null) {
      throw new InvalidRequestException("body", "请求体为空：每行一条 JSON 格式的上报信息（NDJSON）");
    }
    List<GridReportService.LineResult> lines = service.batch(body, user);
    long accepted = lines.stream().filter(l -> l.status() < 300).count();
    return new RiskViews.BatchResult(lines.size(), accepted, lines.size() - accepted, lines);
  }

  @Operation(summary = "上报信息详情")
  @GetMapping("/api/grid-reports/{reportNo}")
  RiskViews.Report get(@PathVariable String reportNo, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    GridReport r = reports.find(reportNo).orElseThrow(() -> new NotFoundException("上报信息不存在：" + reportNo));
    if (!user.scope().covers(r.streetCode(), r.communityCode(), r.gridId())) {
      throw new ForbiddenException("无权查看其他单位的上报信息：" + reportNo);
    }
    return RiskViews.report(r, geography);
  }

  @Operation(summary = "上报信息列表", description = "只列出调用者所在单位辖区内的信息，按接收时间倒序；对象电话脱敏。caseNo 查某案件来源的上报。")
  @GetMapping("/api/grid-reports")
  RiskViews.ReportPage list(@RequestParam(required = false) String streetCode, @RequestParam(required = false) String gridId,
      @RequestParam(required = false) String caseNo, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (streetCode != null && geography.find(streetCode).filter(u -> u.level() == Level.STREET).isEmpty()) {
      errors.add(new FieldError("streetCode", "街道代码未登记"));
    }
    if (gridId != null && geography.find(gridId).filter(u -> u.level() == Level.GRID).isEmpty()) {
      errors.add(new FieldError("gridId", "网格未登记"));
    }
    if (page < 0) {
      errors.add(new FieldError("page", "页码须不小于 0"));
    }
    if (size < 1 || size > 100) {
      errors.add(new FieldError("size", "每页条数须在 1 至 100 之间"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    List<RiskViews.ReportSummary> items = reports.list(user.scope(), streetCode, gridId, caseNo, page, size).stream()
        .map(r -> RiskViews.summary(r, geography)).toList();
    return new RiskViews.ReportPage(items, page, size, reports.count(user.scope(), streetCode, gridId, caseNo));
  }
}
