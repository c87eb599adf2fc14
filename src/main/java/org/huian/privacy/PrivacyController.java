package org.huian.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.huian.security.ScopeResolver;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/privacy}: the retention policy, rights requests (export, erasure), the access log and
 * the anonymisation audit; for camunda-admin and the privacy officer ({@code privacy-officer}).
 * The subject's number travels in the POST body, never in a URL (URLs end up in proxies' logs).
 */
@RestController
@RequestMapping("/api/privacy")
@Tag(name = "个人信息保护", description = "保存期限、查阅复制、删除、查看日志（个人信息保护法第十九、四十五、四十七条）")
class PrivacyController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Starts the retention job now; {@code maxBatches} (default: all) stops it early with status PARTIAL. */
  record RunRequest(Integer maxBatches) {}

  private final PrivacyRequests requests;
  private final ExportFiles files;
  private final AccessLog accessLog;
  private final PrivacyRuns runs;
  private final RetentionJob job;
  private final RetentionPolicy policy;

  PrivacyController(PrivacyRequests requests, ExportFiles files, AccessLog accessLog, PrivacyRuns runs, RetentionJob job,
      RetentionPolicy policy) {
    this.requests = requests;
    this.files = files;
    this.accessLog = accessLog;
    this.runs = runs;
    this.job = job;
    this.policy = policy;
  }

  static void check(CurrentUser user) {
    if (!user.groups().contains(ScopeResolver.CAMUNDA_ADMIN) && !user.groups().contains(ScopeResolver.PRIVACY_OFFICER)) {
      throw new ForbiddenException("只有系统管理员（camunda-admin）或个人信息保护负责人（privacy-officer）可以使用该接口");
    }
  }

  @Operation(summary = "各类数据的保存期限与到期处理")
  @GetMapping("/retention-policy")
  List<RetentionPolicy.Entry> policy(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    check(user);
    return policy.entries();
  }

  @Operation(summary = "查阅复制：与一个电话号码或身份证号码有关的全部个人信息（JSON）",
      description = "请求体 {\"phone\":\"13812345678\"} 或 {\"idNumber\":\"…\"}；每件案件记入查看日志。")
  @PostMapping(path = "/exports", consumes = MediaType.APPLICATION_JSON_VALUE)
  SubjectExport export(@RequestBody Subject.Request body, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    check(user);
    return requests.export(Subject.of(body, false), user.id(), "POST /api/privacy/exports");
  }

  @Operation(summary = "查阅复制（XLSX）")
  @PostMapping(path = "/exports.xlsx", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> exportXlsx(@RequestBody Subject.Request body,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return exportFile(body, user, "xlsx", files::xlsx, XLSX);
  }

  @Operation(summary = "查阅复制（PDF）")
  @PostMapping(path = "/exports.pdf", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> exportPdf(@RequestBody Subject.Request body,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return exportFile(body, user, "pdf", files::pdf, MediaType.APPLICATION_PDF_VALUE);
  }

  private ResponseEntity<byte[]> exportFile(Subject.Request body, CurrentUser user, String suffix,
      java.util.function.Function<SubjectExport, byte[]> writer, String type) {
    check(user);
    SubjectExport e = requests.export(Subject.of(body, false), user.id(), "POST /api/privacy/exports." + suffix);
    return file(writer.apply(e), type, "personal-information." + suffix);
  }

  @Operation(summary = "提前删除：按保存期满的同一方式匿名化",
      description = "请求体 {\"phone\":\"…\",\"reason\":\"…\"}。办理中的案件和法律保留期内（有司法确认或诉讼转介）的案件不删除并说明理由；"
          + "全部被拒绝时答 409。")
  @PostMapping(path = "/erasures", consumes = MediaType.APPLICATION_JSON_VALUE)
  PrivacyRequests.Erasure erase(@RequestBody Subject.Request body,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    check(user);
    return requests.erase(Subject.of(body, true), user.id(), body.reason().strip());
  }

  @Operation(summary = "个人信息查看日志", description = "谁在何时查看了哪件案件的哪个未脱敏字段；按时间倒序。")
  @GetMapping("/access-log")
  AccessLog.Page accessLog(@RequestParam(required = false) String caseNo, @RequestParam(required = false) String itemRef,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String purpose, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    check(user);
    List<FieldError> errors = new ArrayList<>();
    text(errors, "caseNo", caseNo, 32);
    text(errors, "itemRef", itemRef, 32);
    text(errors, "actor", actor, 64);
    if (purpose != null && java.util.Arrays.stream(AccessLog.Purpose.values()).noneMatch(p -> p.name().equals(purpose))) {
      errors.add(new FieldError("purpose", "取值无效，可选 CASE_DETAIL、EXPORT"));
    }
    Instant fromTime = time(errors, "from", from);
    Instant toTime = time(errors, "to", to);
    if (page < 0 || page > 100_000) {
      errors.add(new FieldError("page", "页码须在 0 至 100000 之间"));
    }
    if (size < 1 || size > 500) {
      errors.add(new FieldError("size", "每页条数须在 1 至 500 之间"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return accessLog.find(new AccessLog.Filter(caseNo, itemRef, actor, purpose, fromTime, toTime), page, size);
  }

  @Operation(summary = "匿名化审计：最近的运行和删除请求（时间、数量、状态）")
  @GetMapping("/runs")
  List<PrivacyRuns.Run> runs(@RequestParam(defaultValue = "20") int limit,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    check(user);
    if (limit < 1 || limit > 500) {
      throw new InvalidRequestException("limit", "条数须在 1 至 500 之间");
    }
    return runs.latest(limit);
  }

  @Operation(summary = "立即运行保存期限任务（通常每晚自动运行）")
  @PostMapping(path = "/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PrivacyRuns.Run> run(@RequestBody RunRequest body, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    check(user);
    Integer max = body == null ? null : body.maxBatches();
    if (max != null && (max < 1 || max > 1_000_000)) {
      throw new InvalidRequestException("maxBatches", "批数须在 1 至 1000000 之间");
    }
    RetentionJob.Outcome o = job.run(user.id(), max == null ? Integer.MAX_VALUE : max);
    if (!o.ran()) {
      throw new org.huian.problem.ConflictException("runs", "另一节点的保存期限任务正在运行");
    }
    return ResponseEntity.ok(o.run());
  }

  private static void text(List<FieldError> errors, String field, String value, int max) {
    if (value != null && (value.isBlank() || value.length() > max || org.huian.config.TextRules.hasControlCharacters(value))) {
      errors.add(new FieldError(field, "取值无效（不超过 " + max + " 个字符）"));
    }
  }

  private static Instant time(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "时间格式应为 ISO-8601，例如 2026-12-01T00:00:00+08:00"));
      return null;
    }
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, String type, String name) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .contentType(MediaType.parseMediaType(type))
        .body(bytes);
  }
}
