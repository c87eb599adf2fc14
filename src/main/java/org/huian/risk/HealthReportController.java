package org.huian.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/risk/reports} and {@code /api/risk/supervision-orders}: the health-check reports and what they ordered. */
@RestController
@RequestMapping("/api/risk")
@Tag(name = "平安指数体检报告", description = "月度体检报告（PDF）与靶向督办")
class HealthReportController {

  record Started(String processInstanceId, String period) {}

  private final HealthReportService reports;
  private final SupervisionOrders orders;
  private final RuntimeService runtimeService;

  HealthReportController(HealthReportService reports, SupervisionOrders orders, RuntimeService runtimeService) {
    this.reports = reports;
    this.orders = orders;
    this.runtimeService = runtimeService;
  }

  @Operation(summary = "体检报告列表", description = "区级看到全部，街道看到本街道的报告。period 为 yyyy-MM。")
  @GetMapping("/reports")
  List<HealthReportService.StoredReport> list(@RequestParam(required = false) String period,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    if (period != null) {
      checkPeriod(period);
    }
    return reports.list(user.scope(), period);
  }

  @Operation(summary = "下载体检报告 PDF")
  @GetMapping(path = "/reports/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    HealthReportService.StoredReport r = reports.find(id).orElseThrow(() -> new NotFoundException("体检报告不存在：" + id));
    if (!reports.visible(user.scope(), r.unitCode())) {
      throw new ForbiddenException("无权查看其他单位的体检报告");
    }
    byte[] pdf = reports.pdf(id).orElseThrow();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(r.title() + ".pdf", StandardCharsets.UTF_8)
            .build().toString())
        .body(pdf);
  }

  @Operation(summary = "手动生成本月体检报告（区级）",
      description = "启动 safety-health-report 流程（与每月1日的定时启动相同），异步计算并生成 PDF；红色单位会收到靶向督办任务。")
  @PostMapping("/reports")
  ResponseEntity<Started> start(@RequestParam(required = false) String period,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    if (!user.scope().wholeDistrict()) {
      throw new ForbiddenException("只有区级用户可以生成体检报告");
    }
    if (period != null) {
      checkPeriod(period);
    }
    // the manual start is a message start event: Camunda allows no none start beside the monthly timer start
    ProcessInstance pi = runtimeService.startProcessInstanceByMessage(HealthReportProcess.MESSAGE_REQUESTED,
        period == null ? Map.of() : Map.of(HealthReportProcess.Variables.PERIOD.name(), period));
    return ResponseEntity.accepted().location(URI.create("/api/risk/reports?period=" + (period == null ? "" : period)))
        .body(new Started(pi.getId(), period));
  }

  @Operation(summary = "靶向督办令", description = "区级看到全部；街道看到本街道及所辖社区的督办令。status 为 OPEN、ESCALATED 或 DONE。")
  @GetMapping("/supervision-orders")
  List<SupervisionOrders.Order> orders(@RequestParam(required = false) String status,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    if (status != null && GridReportValidator.parse(SupervisionOrders.Status.class, status) == null) {
      throw new InvalidRequestException("status", "状态取值无效：OPEN、ESCALATED 或 DONE");
    }
    return orders.list(user.scope(), status);
  }

  private static void checkPeriod(String period) {
    try {
      YearMonth.parse(period);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("period", "统计期格式须为 yyyy-MM");
    }
  }
}
