package org.huian.cases;

import org.huian.config.OpenApiExamples;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.problem.ForbiddenException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.operations.HuianMetrics;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One-window intake and the case list of {@code /api/cases}. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "案件", description = "一窗受理与案件查询")
class CaseController {

  private final CaseIntakeService intake;
  private final CaseRepository cases;
  private final Geography geography;
  private final HuianMetrics metrics;

  CaseController(CaseIntakeService intake, CaseRepository cases, Geography geography, HuianMetrics metrics) {
    this.intake = intake;
    this.cases = cases;
    this.geography = geography;
    this.metrics = metrics;
  }

  @Operation(summary = "一窗受理：登记案件并启动分拨流程",
      description = "按 case-routing.dmn 确定层级与复杂程度，按地点确定承办单位，并按 case-deadlines.dmn 设定办结时限。"
          + "相同 externalRef 且内容相同时返回已有案件（200），内容不同时返回 409。被拒绝的请求不留下任何数据。")
  @ApiResponse(responseCode = "201", description = "已受理")
  @ApiResponse(responseCode = "200", description = "相同 externalRef 的重复提交，返回已有案件")
  @ApiResponse(responseCode = "409", description = "externalRef 已用于另一份不同内容的登记",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "415", description = "Content-Type 不是 application/json",
      content = @Content(mediaType = "application/problem+json"))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseView.Summary> create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "欠薪纠纷",
          ref = OpenApiExamples.REF + "case-intake"))) @RequestBody CaseIntakeRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    CaseIntakeService.IntakeResult result;
    try {
      result = metrics.timeIntake(() -> intake.intake(request, user.id()));
    } catch (DataIntegrityViolationException e) {
      if (request.externalRef() == null) {
        throw e;
      }
      result = intake.existing(request); // a concurrent request with the same externalRef won
    }
    CaseView.Summary body = CaseView.summary(result.row(), geography);
    if (!result.created()) {
      return ResponseEntity.ok().location(location(body.caseNo())).body(body);
    }
    return ResponseEntity.created(location(body.caseNo())).body(body);
  }

  @Operation(summary = "案件详情与时间线", description = "含当事人（联系电话完整显示，仅限本单位）和处置时间线；"
      + "decisions 给出分拨（routing）、办结时限（deadline）和职能板块（dispatch）各由哪一版已部署规则判定（key、version、versionTag、tenantId）。")
  @GetMapping("/{caseNo}")
  CaseView.Detail get(@PathVariable String caseNo, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    CaseRow c = cases.find(caseNo).orElseThrow(() -> new NotFoundException("案件不存在：" + caseNo));
    if (!user.scope().canSee(c)) {
      throw new ForbiddenException("无权查看其他单位的案件：" + caseNo);
    }
    return CaseView.detail(c, cases.parties(caseNo), cases.events(caseNo), cases.decisions(caseNo), geography);
  }

  @Operation(summary = "案件列表", description = "只列出调用者所在单位可见的案件，按受理时间倒序；反映人姓名和电话脱敏。")
  @GetMapping
  CaseView.Page list(
      @RequestParam(required = false) String streetCode,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String sla,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (streetCode != null && geography.find(streetCode).filter(u -> u.level() == Level.STREET).isEmpty()) {
      errors.add(new FieldError("streetCode", "街道代码未登记"));
    }
    checkEnum(errors, "level", level, Level.class);
    checkEnum(errors, "status", status, CaseStatus.class);
    checkEnum(errors, "sla", sla, Sla.class);
    if (page < 0) {
      errors.add(new FieldError("page", "页码须不小于 0"));
    }
    if (size < 1 || size > 100) {
      errors.add(new FieldError("size", "每页条数须在 1 至 100 之间"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    CaseQuery query = new CaseQuery(user.scope(), streetCode, level, status, sla);
    List<CaseView.Summary> items = cases.list(query, page, size).stream()
        .map(c -> CaseView.summary(c, geography)).toList();
    return new CaseView.Page(items, page, size, cases.count(query));
  }

  private static <E extends Enum<E>> void checkEnum(List<FieldError> errors, String field, String value, Class<E> type) {
    if (value != null && Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.name().equals(value))) {
      errors.add(new FieldError(field, "取值无效：" + value));
    }
  }

  private static URI location(String caseNo) {
    return URI.create("/api/cases/" + caseNo);
  }
}
