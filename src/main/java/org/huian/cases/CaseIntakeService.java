package org.huian.cases;

import org.huian.problem.ConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.huian.security.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-window intake: checks a request, stores the case and starts its funnel, all in one
 * transaction, so a rejected request leaves no row and no process instance.
 */
@Service
public class CaseIntakeService {

  private static final Logger log = LoggerFactory.getLogger(CaseIntakeService.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

  /** The stored case and whether this call created it (false: an idempotent repeat). */
  public record IntakeResult(CaseRow row, boolean created) {}

  private final CaseIntakeValidator validator;
  private final CaseRepository cases;
  private final RuntimeService runtimeService;
  private final ObjectMapper canonical;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final org.huian.geography.Geography geography;

  CaseIntakeService(CaseIntakeValidator validator, CaseRepository cases, RuntimeService runtimeService, ObjectMapper json,
      org.springframework.context.ApplicationEventPublisher events, org.huian.geography.Geography geography) {
    this.events = events;
    this.geography = geography;
    this.validator = validator;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  @Transactional
  public IntakeResult intake(CaseIntakeRequest request, String actor) {
    ResolvedLocation location = validator.validate(request);
    String hash = hash(request);
    if (request.externalRef() != null) {
      var existing = cases.findByExternalRef(request.externalRef());
      if (existing.isPresent()) {
        return repeat(existing.get(), hash);
      }
    }
    CaseRow row = store(request, location, hash, actor);
    runtimeService.startProcessInstanceByKey(CaseFunnel.KEY, row.caseNo(), startVariables(row));
    return new IntakeResult(cases.get(row.caseNo()), true);
  }

  /** Checks a request as intake would, storing nothing (for intake through another door). */
  public void check(CaseIntakeRequest request) {
    validator.validate(request);
  }

  /** After a lost race on the same external reference: answer as a repeat. */
  @Transactional(readOnly = true)
  public IntakeResult existing(CaseIntakeRequest request) {
    CaseRow row = cases.findByExternalRef(request.externalRef())
        .orElseThrow(() -> new IllegalStateException("external reference vanished"));
    return repeat(row, hash(request));
  }

  private IntakeResult repeat(CaseRow existing, String hash) {
    if (!existing.requestHash().equals(hash)) {
      throw new ConflictException("externalRef", "该外部编号已用于另一份不同内容的登记：" + existing.caseNo());
    }
    return new IntakeResult(existing, false);
  }

  /** Stores a validated request as a new case (status RECEIVED) with its parties and first event. */
  CaseRow store(CaseIntakeRequest r, ResolvedLocation location, String hash, String actor) {
    Instant now = CaseRepository.now();
    // the district's prefix (DC for Dongcheng) keeps numbers unique across districts
    String caseNo = geography.casePrefix(location.street().districtCode()) + DAY.format(now)
        + String.format("%06d", cases.nextSequence() % 1_000_000);
    boolean anonymous = r.anonymous();
    CaseIntakeRequest.Location l = r.location();
    CaseRow row = new CaseRow(
        caseNo, r.externalRef(), hash,
        Channel.valueOf(r.channel()), Category.valueOf(r.category()),
        r.title().strip(), r.description().strip(),
        location.street().code(),
        location.community() == null ? null : location.community().code(),
        location.grid() == null ? null : location.grid().code(),
        blankToNull(l.address()), l.lat(), l.lon(),
        anonymous ? null : r.reporter().name().strip(),
        anonymous ? null : blankToNull(r.reporter().phone()),
        anonymous,
        r.peopleInvolved(),
        r.amountInvolved() == null ? BigDecimal.ZERO : r.amountInvolved(),
        Boolean.TRUE.equals(r.crossRegion()), Boolean.TRUE.equals(r.crossDepartment()),
        CaseStatus.RECEIVED, null, null, null, null, null, Sla.GREEN, 0, null, actor, now, now, null);
    cases.insert(row);
    List<StoredParty> parties = r.partiesOrEmpty().stream()
        .map(p -> new StoredParty(null, PartyRole.valueOf(p.role()), PartyKind.valueOf(p.kind()),
            p.name().strip(), blankToNull(p.phone())))
        .toList();
    cases.insertParties(caseNo, parties);
    cases.addEvent(caseNo, EventType.RECEIVED, null, null, actor,
        Channel.valueOf(r.channel()).nameZh() + "登记" + (anonymous ? "（匿名）" : ""));
    events.publishEvent(new CaseReceived(row, parties)); // risk monitoring keys the case's subjects in this transaction
    log.info("case {} received via {} from {} (reporter {})", caseNo, r.channel(), actor,
        anonymous ? "anonymous" : Masking.phone(row.reporterPhone()));
    return row;
  }

  /**
   * The funnel's start: its own variables, and the case's routing facts as transient variables. The
   * first decision reads the facts without a query, and the street names the instance's district
   * (its tenant, {@code DistrictTenants}); none of them is stored.
   */
  static Map<String, Object> startVariables(CaseRow row) {
    Map<String, Object> v = processVariables(row);
    v.putAll(CaseFacts.of(row));
    return v;
  }

  /**
   * The funnel's own variables: the case number and what the forms and gateways show or read.
   * Routing facts (channel, category, people, amount, place) stay in the {@code cases} row: the
   * decisions get them from it as transient variables ({@link CaseFacts}); personal data stays in
   * the tables too, except the masked contact the return visit shows.
   */
  static Map<String, Object> processVariables(CaseRow row) {
    Map<String, Object> v = new HashMap<>();
    v.put(CaseFunnel.Variables.CASE_NO.name(), row.caseNo());
    v.put(CaseFunnel.Variables.CATEGORY_NAME.name(), row.category().nameZh());
    v.put(CaseFunnel.Variables.TITLE.name(), row.title());
    v.put(CaseFunnel.Variables.REPORTER_ANONYMOUS.name(), row.reporterAnonymous());
    v.put(CaseFunnel.Variables.REPORTER_CONTACT.name(), row.reporterAnonymous() ? "匿名"
        : Masking.name(row.reporterName()) + (row.reporterPhone() == null ? "" : " " + Masking.phone(row.reporterPhone())));
    v.put(CaseFunnel.Variables.REOPEN_COUNT.name(), 0); // the return visit's gateway reads it
    return v;
  }

  /** SHA-256 of the request in a canonical form: the same body always gives the same hash. */
  String hash(CaseIntakeRequest r) {
    CaseIntakeRequest normalised = new CaseIntakeRequest(r.externalRef(), r.channel(), r.category(),
        r.title(), r.description(), r.location(), r.reporter(), r.parties(), r.peopleInvolved(),
        r.amountInvolved() == null ? null : r.amountInvolved().stripTrailingZeros(),
        r.crossRegion(), r.crossDepartment());
    try {
      byte[] bytes = canonical.writeValueAsBytes(normalised);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash request", e);
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
