package org.huian.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.cases.CaseIntakeRequest;
import org.huian.cases.CaseIntakeService;
import org.huian.cases.CaseRepository;
import org.huian.cases.Category;
import org.huian.cases.Channel;
import org.huian.problem.ConflictException;
import org.huian.cases.EventType;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.config.DatabaseFailures;
import org.huian.config.JsonProblems;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.security.CurrentUser;
import org.huian.security.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes grid reports in (社区汇聚): one from a grid worker's app, or a batch of NDJSON lines from
 * another system. A report that is a dispute becomes a case at GRID level in the same
 * transaction, linked both ways. Every report's subject is keyed for cross-matching.
 */
@Service
public class GridReportService {

  private static final Logger log = LoggerFactory.getLogger(GridReportService.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));
  static final int BATCH_MAX_LINES = 5000;

  public record Stored(GridReport report, boolean created) {}

  /** The answer for one NDJSON line: 201/200 with the report, or a problem with field errors. */
  public record LineResult(int line, int status, String reportNo, String caseNo, String detail, List<FieldError> errors) {}

  private final GridReportValidator validator;
  private final RiskRepository reports;
  private final CaseIntakeService intake;
  private final CaseRepository cases;
  private final CrossMatcher matcher;
  private final Geography geography;
  private final TransactionTemplate transaction;
  private final ObjectMapper lineReader;
  private final ObjectMapper canonical;

  GridReportService(GridReportValidator validator, RiskRepository reports, CaseIntakeService intake, CaseRepository cases,
      CrossMatcher matcher, Geography geography, PlatformTransactionManager transactions, ObjectMapper json) {
    this.validator = validator;
    this.reports = reports;
    this.intake = intake;
    this.cases = cases;
    this.matcher = matcher;
    this.geography = geography;
    this.transaction = new TransactionTemplate(transactions);
    this.lineReader = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /** One report, all or nothing: the report, its keys and (for a dispute) its case. */
  public Stored create(GridReportRequest request, CurrentUser user, boolean batch) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    GridReportValidator.Result checked = validator.validate(request, batch, now);
    if (!checked.errors().isEmpty()) {
      throw new InvalidRequestException(checked.errors());
    }
    CaseIntakeRequest caseRequest = request.dispute() == null ? null : caseRequest(request, checked.grid());
    Unit grid = checked.grid();
    Unit community = geography.parent(grid);
    Unit street = geography.parent(community);
    if (!user.scope().covers(street.code(), community.code(), grid.code())) {
      throw new ForbiddenException("无权为其他单位的网格上报信息：" + grid.code());
    }
    String hash = hash(request);
    try {
      return transaction.execute(s -> store(request, checked, caseRequest, community, street, hash, user, now));
    } catch (DataIntegrityViolationException e) {
      if (request.externalRef() == null || DatabaseFailures.unreachable(e)) {
        throw e;
      }
      return repeat(checked.source(), request.externalRef(), hash); // a concurrent request with the same reference won
    }
  }

  private Stored store(GridReportRequest r, GridReportValidator.Result checked, CaseIntakeRequest caseRequest, Unit community,
      Unit street, String hash, CurrentUser user, Instant now) {
    if (r.externalRef() != null && reports.findByExternalRef(checked.source().name(), r.externalRef()).isPresent()) {
      return repeat(checked.source(), r.externalRef(), hash);
    }
    String reportNo = "GR" + DAY.format(now) + String.format("%06d", reports.nextReportSequence() % 1_000_000);
    GridReportRequest.Subject s = r.subject();
    GridReport report = new GridReport(reportNo, checked.source(), r.externalRef(), hash, checked.kind(),
        r.dispute() == null ? null : r.dispute().category(), checked.grid().code(), community.code(), street.code(),
        r.description().strip(), r.severity(), r.tagsOrEmpty().stream().map(String::strip).distinct().toList(), r.lat(), r.lon(),
        checked.occurredAt(), now, user.id(), s == null ? null : blankToNull(s.name()),
        s == null || s.creditCode() == null ? null : s.creditCode().strip().toUpperCase(), s == null ? null : blankToNull(s.phone()),
        s == null ? null : blankToNull(s.address()), null);
    reports.insert(report);
    if (s != null) {
      matcher.record(new CrossMatcher.Item(CrossMatcher.REPORT, reportNo, report.occurredAt(), street.code(), community.code(),
          report.gridId()), SubjectKeys.of(s.name(), s.creditCode(), s.phone(), s.address()));
    }
    if (caseRequest != null) {
      String caseNo = intake.intake(caseRequest, user.id()).row().caseNo();
      reports.linkCase(reportNo, caseNo);
      cases.addEvent(caseNo, EventType.GRID_REPORT_LINKED, null, null, user.id(),
          "由" + checked.source().nameZh() + "信息 " + reportNo + " 转为矛盾纠纷案件");
      report = reports.find(reportNo).orElseThrow();
    }
    log.info("grid report {} ({} {}, severity {}) from {} in grid {}, subject phone {}", reportNo, report.source(), report.kind(),
        report.severity(), user.id(), report.gridId(), Masking.phone(report.subjectPhone()));
    return new Stored(report, true);
  }

  private Stored repeat(ReportSource source, String externalRef, String hash) {
    GridReport existing = reports.findByExternalRef(source.name(), externalRef).orElseThrow();
    if (!existing.requestHash().equals(hash)) {
      throw new ConflictException("externalRef", "该外部编号已用于另一份不同内容的上报：" + existing.reportNo());
    }
    return new Stored(existing, false);
  }

  /** The case a dispute report becomes: GRID channel, at the report's grid, described by the report. */
  private CaseIntakeRequest caseRequest(GridReportRequest r, Unit grid) {
    GridReportRequest.Dispute d = r.dispute();
    String title = d.title() != null && !d.title().isBlank() ? d.title()
        : Category.valueOf(d.category()).nameZh() + "：" + (r.description().strip().length() > 40
            ? r.description().strip().substring(0, 40) + "…" : r.description().strip());
    CaseIntakeRequest.Reporter reporter = d.reporter() != null ? d.reporter() : new CaseIntakeRequest.Reporter(null, null, true);
    CaseIntakeRequest c = new CaseIntakeRequest(null, Channel.GRID_APP.name(), d.category(), title, r.description(),
        new CaseIntakeRequest.Location(grid.code(), null, null, r.subject() == null ? null : r.subject().address(), r.lat(), r.lon()),
        reporter, d.parties(), d.peopleInvolved() == null ? 1 : d.peopleInvolved(), d.amountInvolved(), false, false);
    try {
      intake.check(c);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(e.errors().stream().map(f -> new FieldError(disputeField(f.field()), f.message())).toList());
    }
    return c;
  }

  private static String disputeField(String caseField) {
    return switch (caseField) {
      case "location.address" -> "subject.address";
      case "description", "lat", "lon" -> caseField;
      default -> "dispute." + caseField;
    };
  }

  /**
   * NDJSON from another system: every line is checked and stored on its own, so a bad line never
   * drops a good one. Lines answer in order with 201 (stored), 200 (a repeat) or 4xx and errors.
   */
  public List<LineResult> batch(String body, CurrentUser user) {
    String[] lines = body.split("\r?\n", -1);
    int count = lines.length;
    while (count > 0 && lines[count - 1].isBlank()) {
      count--;
    }
    if (count == 0) {
      throw new InvalidRequestException("body", "请求体为空：每行一条 JSON 格式的上报信息（NDJSON）");
    }
    if (count > BATCH_MAX_LINES) {
      throw new InvalidRequestException("body", "每批最多 " + BATCH_MAX_LINES + " 行，本批 " + count + " 行");
    }
    List<LineResult> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      results.add(line(i + 1, lines[i], user));
    }
    return results;
  }

  private LineResult line(int n, String text, CurrentUser user) {
    if (text.isBlank()) {
      return new LineResult(n, 400, null, null, "空行", List.of(new FieldError("body", "空行：每行须为一条 JSON 对象")));
    }
    GridReportRequest request;
    try {
      request = lineReader.readValue(text, GridReportRequest.class);
    } catch (JsonProcessingException e) {
      return new LineResult(n, 400, null, null, "该行不是有效的上报信息", List.of(JsonProblems.fieldError(e)));
    }
    if (request == null) {
      return new LineResult(n, 400, null, null, "该行不是有效的上报信息", List.of(new FieldError("body", "该行不是 JSON 对象")));
    }
    try {
      Stored stored = create(request, user, true);
      return new LineResult(n, stored.created() ? 201 : 200, stored.report().reportNo(), stored.report().caseNo(), null, null);
    } catch (InvalidRequestException e) {
      return new LineResult(n, 400, null, null, "请求内容不符合要求", e.errors());
    } catch (ConflictException e) {
      return new LineResult(n, 409, null, null, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    } catch (ForbiddenException e) {
      return new LineResult(n, 403, null, null, e.getMessage(), null);
    }
  }

  String hash(GridReportRequest r) {
    try {
      byte[] json = canonical.writeValueAsBytes(r);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
