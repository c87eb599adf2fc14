package org.huian.cases;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
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

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseView.Summary> create(
      @RequestBody CaseIntakeRequest request,
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

  @GetMapping("/{caseNo}")
  CaseView.Detail get(@PathVariable String caseNo, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    CaseRow c = cases.find(caseNo).orElseThrow(() -> new NotFoundException("案件不存在：" + caseNo));
    if (!user.scope().canSee(c)) {
      throw new ForbiddenException("无权查看其他单位的案件：" + caseNo);
    }
    return CaseView.detail(c, cases.parties(caseNo), cases.events(caseNo), geography);
  }

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
      errors.add(new FieldError("streetCode", "街道代码不在东城区范围内"));
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
