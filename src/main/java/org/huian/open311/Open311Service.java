package org.huian.open311;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huian.cases.CaseIntakeRequest;
import org.huian.cases.CaseIntakeService;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.cases.CaseStatus;
import org.huian.cases.Category;
import org.huian.cases.Channel;
import org.huian.cases.EventType;
import org.huian.cases.PartyKind;
import org.huian.cases.PartyRole;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.open311.Open311Views.Created;
import org.huian.open311.Open311Views.Request;
import org.huian.open311.Open311Views.TokenAnswer;
import org.huian.open311.Open311Views.Update;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.Masking;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GeoReport v2 over Huian's cases: jurisdictions are districts, services are categories,
 * requests are cases. A POSTed request is taken in by {@link CaseIntakeService} like any other
 * (same rules, routing and funnel); reads show only what the privacy rule allows
 * ({@link Open311Catalogue#isPrivate}, docs/open311.md).
 */
@Service
class Open311Service {

  static final int LIMIT = 1000;
  static final Duration WINDOW = Duration.ofDays(90);
  private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9]{1,32}$");
  private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([^\\]]{1,64})\\](\\[\\])?$");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1\\d{10}(?!\\d)");
  private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

  /** Who reads: the public, or a client presenting its (valid) key. */
  record Viewer(Open311Keys.Client client) {
    static final Viewer PUBLIC = new Viewer(null);
  }

  private final Geography geography;
  private final CaseIntakeService intake;
  private final CaseRepository cases;
  private final Open311Locations locations;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final DateTimeFormatter w3;
  private final org.huian.operations.HuianMetrics metrics;

  Open311Service(Geography geography, CaseIntakeService intake, CaseRepository cases, Open311Locations locations,
      JdbcClient jdbc, TransactionTemplate transaction, org.huian.operations.HuianMetrics metrics,
      @Value("${huian.deadlines.zone:Asia/Shanghai}") ZoneId zone) {
    this.metrics = metrics;
    this.geography = geography;
    this.intake = intake;
    this.cases = cases;
    this.locations = locations;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.w3 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
  }

  // ------------------------------------------------------------------------------ jurisdictions

  /**
   * The district a call is about. Only required while the installation serves several
   * districts (400 without it then); an unknown one is 404, as the specification says.
   */
  Unit jurisdiction(String jurisdictionId) {
    if (blank(jurisdictionId)) {
      List<Unit> districts = geography.districts();
      if (districts.size() == 1) {
        return districts.get(0);
      }
      throw invalid("jurisdiction_id", "本接口服务多个区，须提供 jurisdiction_id（区级单位代码："
          + String.join("、", districts.stream().map(d -> d.code() + " " + d.shortName()).toList()) + "）");
    }
    return geography.findActive(jurisdictionId.strip(), Level.DISTRICT)
        .orElseThrow(() -> new NotFoundException("jurisdiction_id 不存在：" + abbreviate(jurisdictionId)));
  }

  static Category category(String serviceCode) {
    if (blank(serviceCode)) {
      throw invalid("service_code", "缺少 service_code");
    }
    return Arrays.stream(Category.values()).filter(c -> c.name().equals(serviceCode.strip())).findFirst()
        .orElseThrow(() -> new NotFoundException("service_code 不存在：" + abbreviate(serviceCode)));
  }

  // -------------------------------------------------------------------------------------- POST

  Created submit(Map<String, String[]> params, Unit district, Open311Keys.Client client) {
    Category category = category(one(params, "service_code"));
    CaseIntakeRequest request = intakeRequest(params, category, district, client);
    CaseIntakeService.IntakeResult result;
    try {
      result = metrics.timeIntake(() -> transaction.execute(status -> {
        CaseIntakeService.IntakeResult r = intake.intake(request, "open311:" + client.id());
        if (r.created()) {
          jdbc.sql("INSERT INTO open311_submissions (token, client_id, case_no, created_at) VALUES (?, ?, ?, ?)")
              .params(UUID.randomUUID().toString(), client.id(), r.row().caseNo(), Timestamp.from(Instant.now())).update();
        }
        return r;
      }));
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(e.errors().stream()
          .map(f -> new FieldError(parameterOf(f.field()), f.message())).distinct().toList());
    } catch (DataIntegrityViolationException e) {
      result = intake.existing(request); // the same submission raced in on another thread: answer it
    }
    CaseRow row = result.row();
    return new Created(row.caseNo(), notice(row), one(params, "account_id"));
  }

  /** The token of a submission, for the answer's header; every POST has one. */
  Optional<String> tokenOf(String caseNo) {
    return jdbc.sql("SELECT token FROM open311_submissions WHERE case_no = ?").param(caseNo).query(String.class).optional();
  }

  private CaseIntakeRequest intakeRequest(Map<String, String[]> params, Category category, Unit district,
      Open311Keys.Client client) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> attributes = new TreeMap<>();
    var inputs = Open311Catalogue.inputs(category);
    for (var e : params.entrySet()) {
      Matcher m = ATTRIBUTE.matcher(e.getKey());
      if (!m.matches()) {
        continue;
      }
      if (!inputs.contains(m.group(1))) {
        errors.add(new FieldError(e.getKey(), "服务 " + category.name() + " 没有属性 " + abbreviate(m.group(1))
            + "（可用：" + String.join("、", new java.util.TreeSet<>(inputs)) + "）"));
      } else if (e.getValue().length > 1) {
        errors.add(new FieldError(e.getKey(), "属性 " + m.group(1) + " 只能取一个值"));
      } else {
        attributes.put(m.group(1), e.getValue()[0]);
      }
    }
    Double lat = number(params, "lat", errors);
    Double lon = number(params, "long", errors);
    if ((lat == null) != (lon == null)) {
      errors.add(new FieldError(lat == null ? "lat" : "long", "lat 和 long 须同时提供"));
    }
    String address = one(params, "address_string");
    if (lat == null && lon == null && blank(address) && !blank(one(params, "address_id"))) {
      errors.add(new FieldError("address_id", "本系统没有地址库，不支持 address_id；请提供 lat 和 long，或 address_string"));
    }
    Integer people = null;
    BigDecimal amount = null;
    Boolean crossRegion = null;
    try {
      people = attributes.containsKey(Open311Catalogue.PEOPLE) ? Integer.valueOf(attributes.get(Open311Catalogue.PEOPLE).strip()) : 1;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(attribute(Open311Catalogue.PEOPLE), "涉及人数须为正整数"));
    }
    try {
      amount = attributes.containsKey(Open311Catalogue.AMOUNT) ? new BigDecimal(attributes.get(Open311Catalogue.AMOUNT).strip()) : null;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(attribute(Open311Catalogue.AMOUNT), "涉及金额须为数字"));
    }
    if (attributes.containsKey(Open311Catalogue.CROSS_REGION)) {
      String v = attributes.get(Open311Catalogue.CROSS_REGION).strip();
      if (!v.equals("true") && !v.equals("false")) {
        errors.add(new FieldError(attribute(Open311Catalogue.CROSS_REGION), "须为 true 或 false"));
      }
      crossRegion = v.equals("true");
    }
    String name = (nullToEmpty(one(params, "last_name")) + nullToEmpty(one(params, "first_name"))).strip();
    String phone = one(params, "phone");
    if (name.isEmpty() && !blank(phone)) {
      errors.add(new FieldError("phone", "提供 phone 时须同时提供 first_name 或 last_name（不留姓名即为匿名反映，不保存电话）"));
    }
    Open311Locations.Resolved where = null;
    if (errors.isEmpty()) {
      try {
        where = locations.resolve(district, lat, lon, address);
      } catch (InvalidRequestException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String description = one(params, "description");
    boolean anonymous = name.isEmpty();
    List<CaseIntakeRequest.Party> parties = new ArrayList<>();
    if (!anonymous) {
      parties.add(new CaseIntakeRequest.Party(PartyRole.APPLICANT.name(), PartyKind.PERSON.name(), name, blankToNull(phone)));
    }
    String respondent = attributes.get(Open311Catalogue.RESPONDENT);
    if (!blank(respondent)) {
      parties.add(new CaseIntakeRequest.Party(PartyRole.RESPONDENT.name(), PartyKind.ORGANISATION.name(), respondent.strip(), null));
    }
    return new CaseIntakeRequest(
        externalRef(params, client), Channel.OPEN311.name(), category.name(), title(category, description), description,
        new CaseIntakeRequest.Location(null, where.community() == null ? null : where.community().code(),
            where.street().code(), blankToNull(address), lat, lon),
        new CaseIntakeRequest.Reporter(anonymous ? null : name, anonymous ? null : blankToNull(phone), anonymous),
        parties.isEmpty() ? null : parties, people, amount, crossRegion, null);
  }

  /**
   * The same submission from the same client (a retry after a lost answer) is the same case:
   * the intake's external reference is the client and a hash of every parameter but the key.
   */
  static String externalRef(Map<String, String[]> params, Open311Keys.Client client) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(params).forEach((k, v) -> {
      if (!k.equals("api_key")) {
        canonical.append(k).append('=').append(String.join("\u001f", v)).append('\u001e');
      }
    });
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return "O311-" + client.id() + "-" + HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String title(Category category, String description) {
    if (blank(description)) {
      return category.nameZh();
    }
    String first = description.strip().lines().findFirst().orElse("").strip();
    int cut = first.offsetByCodePoints(0, Math.min(30, first.codePointCount(0, first.length())));
    return category.nameZh() + "：" + first.substring(0, cut) + (cut < first.length() ? "…" : "");
  }

  /** Intake's field names in the parameters the client sent. */
  static String parameterOf(String field) {
    if (field.equals("title") || field.equals("description")) {
      return "description";
    }
    if (field.equals("category")) {
      return "service_code";
    }
    if (field.equals("location.lat")) {
      return "lat";
    }
    if (field.equals("location.lon")) {
      return "long";
    }
    if (field.startsWith("location")) {
      return "address_string";
    }
    if (field.equals("reporter.name") || field.equals("parties[0].name")) {
      return "last_name";
    }
    if (field.endsWith(".phone")) {
      return "phone";
    }
    if (field.startsWith("parties")) {
      return attribute(Open311Catalogue.RESPONDENT);
    }
    if (field.equals("peopleInvolved")) {
      return attribute(Open311Catalogue.PEOPLE);
    }
    if (field.equals("amountInvolved")) {
      return attribute(Open311Catalogue.AMOUNT);
    }
    return field;
  }

  private static String attribute(String code) {
    return "attribute[" + code + "]";
  }

  // -------------------------------------------------------------------------------------- GETs

  List<Request> requests(Map<String, String[]> params, Unit district, Viewer viewer) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(inDistrict(district, args, ""));
    String ids = one(params, "service_request_id");
    if (!blank(ids)) {
      List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> REQUEST_ID.matcher(s).matches())
          .distinct().limit(LIMIT).toList();
      if (wanted.isEmpty()) {
        return List.of();
      }
      where.append(" AND case_no IN (").append(String.join(",", wanted.stream().map(s -> "?").toList())).append(")");
      args.addAll(wanted);
    } else {
      String codes = one(params, "service_code");
      if (!blank(codes)) {
        List<Category> categories = Arrays.stream(codes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .distinct().map(Open311Service::category).toList();
        where.append(" AND category IN (").append(String.join(",", categories.stream().map(c -> "?").toList())).append(")");
        categories.forEach(c -> args.add(c.name()));
      }
      String status = one(params, "status");
      if (!blank(status)) {
        var statuses = Arrays.stream(status.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        for (String s : statuses) {
          if (!s.equals("open") && !s.equals("closed")) {
            throw invalid("status", "status 只能是 open 或 closed：" + abbreviate(s));
          }
        }
        if (statuses.size() == 1) {
          where.append(statuses.get(0).equals("closed") ? " AND status IN (?, ?, ?)" : " AND status NOT IN (?, ?, ?)");
          CaseStatus.FINAL.forEach(s -> args.add(s.name()));
        }
      }
      Instant[] range = range(params);
      where.append(" AND created_at >= ? AND created_at <= ?");
      args.add(Timestamp.from(range[0]));
      args.add(Timestamp.from(range[1]));
    }
    where.append(visibility(viewer, args, ""));
    List<CaseRow> rows = cases.select(where.toString(), args, "created_at DESC, case_no DESC", LIMIT);
    return views(rows, viewer);
  }

  Request request(String id, Unit district, Viewer viewer) {
    if (!REQUEST_ID.matcher(id).matches()) {
      throw new NotFoundException("service_request_id 不存在：" + abbreviate(id));
    }
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(inDistrict(district, args, ""));
    where.append(" AND case_no = ?");
    args.add(id);
    where.append(visibility(viewer, args, ""));
    List<CaseRow> rows = cases.select(where.toString(), args, "case_no", 1);
    if (rows.isEmpty()) {
      // a private request is answered exactly as one that does not exist
      throw new NotFoundException("service_request_id 不存在：" + id);
    }
    return views(rows, viewer).get(0);
  }

  TokenAnswer token(String token, Unit district) {
    if (blank(token) || token.length() > 64) {
      throw new NotFoundException("token 不存在");
    }
    List<Object> args = new ArrayList<>();
    String sql = "SELECT s.case_no FROM open311_submissions s JOIN cases c ON c.case_no = s.case_no WHERE s.token = ?";
    args.add(token);
    sql += " AND " + inDistrict(district, args, "c.");
    String caseNo = jdbc.sql(sql).params(args).query(String.class).optional()
        .orElseThrow(() -> new NotFoundException("token 不存在：" + abbreviate(token)));
    return new TokenAnswer(caseNo, token);
  }

  /** mySociety's servicerequestupdates: the public timeline entries of the window, oldest first. */
  List<Update> updates(Map<String, String[]> params, Unit district, Viewer viewer) {
    Instant[] range = range(params);
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder(
        "SELECT e.id, e.case_no, e.event_type, e.occurred_at, e.unit_code FROM case_events e JOIN cases c ON c.case_no = e.case_no WHERE ");
    sql.append(inDistrict(district, args, "c."));
    sql.append(" AND e.occurred_at >= ? AND e.occurred_at <= ?");
    args.add(Timestamp.from(range[0]));
    args.add(Timestamp.from(range[1]));
    sql.append(" AND e.event_type IN (").append(String.join(",", Open311Timeline.shown().stream().map(t -> "?").toList())).append(")");
    Open311Timeline.shown().forEach(t -> args.add(t.name()));
    sql.append(visibility(viewer, args, "c."));
    sql.append(" ORDER BY e.occurred_at, e.id LIMIT ?");
    args.add(LIMIT);
    return jdbc.sql(sql.toString()).params(args).query((rs, n) -> {
      EventType type = EventType.valueOf(rs.getString("event_type"));
      return new Update(Long.toString(rs.getLong("id")), rs.getString("case_no"), Open311Timeline.status(type),
          w3.format(rs.getTimestamp("occurred_at").toInstant()), Open311Timeline.phrase(type, unitName(rs.getString("unit_code"))),
          null);
    }).list();
  }

  /**
   * The requested window: the given dates, the 90 days before the end date (or after the start
   * date), or the last 90 days. More than 90 days, an end before the start, or a date that is not
   * w3 with a zone is a 400.
   */
  static Instant[] range(Map<String, String[]> params) {
    Instant start = date(params, "start_date");
    Instant end = date(params, "end_date");
    if (start == null && end == null) {
      end = Instant.now();
      start = end.minus(WINDOW);
    } else if (start == null) {
      start = end.minus(WINDOW);
    } else if (end == null) {
      end = start.plus(WINDOW);
    }
    if (end.isBefore(start)) {
      throw invalid("end_date", "end_date 不能早于 start_date");
    }
    if (Duration.between(start, end).compareTo(WINDOW) > 0) {
      throw invalid("end_date", "start_date 至 end_date 不能超过 90 天");
    }
    return new Instant[] {start, end};
  }

  private static Instant date(Map<String, String[]> params, String name) {
    String value = one(params, name);
    if (blank(value)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(name, name + " 须为带时区的 w3 日期时间，例如 2026-12-01T00:00:00+08:00 或 2026-12-01T00:00:00Z："
          + abbreviate(value));
    }
  }

  /** Cases located in the district's streets (retired ones included: their cases stay readable). */
  private String inDistrict(Unit district, List<Object> args, String alias) {
    List<String> streets = geography.everything().values().stream()
        .filter(u -> u.level() == Level.STREET && district.code().equals(u.districtCode())).map(Unit::code).toList();
    if (streets.isEmpty()) {
      return "1=0";
    }
    args.addAll(streets);
    return alias + "street_code IN (" + String.join(",", streets.stream().map(s -> "?").toList()) + ")";
  }

  /** The privacy rule in SQL: no private category and no anonymous report, unless the viewer's client submitted it. */
  private static String visibility(Viewer viewer, List<Object> args, String alias) {
    StringBuilder sql = new StringBuilder(" AND ((").append(alias).append("category NOT IN (");
    sql.append(String.join(",", Open311Catalogue.PRIVATE.stream().map(c -> "?").toList())).append(") AND ")
        .append(alias).append("reporter_anonymous = ?)");
    Open311Catalogue.PRIVATE.forEach(c -> args.add(c.name()));
    args.add(false);
    if (viewer.client() != null) {
      sql.append(" OR ").append(alias).append("case_no IN (SELECT case_no FROM open311_submissions WHERE client_id = ?)");
      args.add(viewer.client().id());
    }
    return sql.append(")").toString();
  }

  // ------------------------------------------------------------------------------ the mapping

  private record Latest(EventType type, String unitCode) {}

  private List<Request> views(List<CaseRow> rows, Viewer viewer) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Latest> latest = new HashMap<>();
    Map<String, List<String[]>> names = new HashMap<>();
    for (int from = 0; from < rows.size(); from += 500) {
      List<String> chunk = rows.subList(from, Math.min(rows.size(), from + 500)).stream().map(CaseRow::caseNo).toList();
      String in = String.join(",", chunk.stream().map(s -> "?").toList());
      jdbc.sql("SELECT case_no, event_type, unit_code FROM case_events WHERE case_no IN (" + in + ") ORDER BY id")
          .params(new ArrayList<Object>(chunk)).query(rs -> {
            EventType type = EventType.valueOf(rs.getString("event_type"));
            if (Open311Timeline.shown(type)) {
              latest.put(rs.getString("case_no"), new Latest(type, rs.getString("unit_code")));
            }
          });
      jdbc.sql("SELECT case_no, kind, name FROM case_parties WHERE case_no IN (" + in + ")")
          .params(new ArrayList<Object>(chunk)).query(rs -> {
            names.computeIfAbsent(rs.getString("case_no"), k -> new ArrayList<>())
                .add(new String[] {rs.getString("kind"), rs.getString("name")});
          });
    }
    return rows.stream().map(c -> view(c, latest.get(c.caseNo()), names.getOrDefault(c.caseNo(), List.of()))).toList();
  }

  private Request view(CaseRow c, Latest latest, List<String[]> parties) {
    boolean closed = c.status().isFinal();
    String notes = latest == null ? null : Open311Timeline.phrase(latest.type(), unitName(latest.unitCode()));
    boolean hidden = Open311Catalogue.isPrivate(c);
    Instant updated = closed && c.closedAt() != null ? c.closedAt() : c.updatedAt();
    return new Request(c.caseNo(), closed ? "closed" : "open", notes, c.category().nameZh(), c.category().name(),
        hidden ? null : redact(c.description(), c, parties),
        unitName(c.unitCode()), closed ? null : notice(c),
        w3.format(c.createdAt()), w3.format(updated), closed || c.deadline() == null ? null : w3.format(c.deadline()),
        hidden ? null : address(c), null, null,
        hidden ? null : round(c.lat()), hidden ? null : round(c.lon()), null);
  }

  /** What the client is told to expect: who handles it and by when. */
  private String notice(CaseRow c) {
    String unit = unitName(c.unitCode());
    if (unit == null) {
      return "已受理，正在分拨";
    }
    return c.deadline() == null ? "由" + unit + "办理" : "由" + unit + "办理，办结时限 " + w3.format(c.deadline());
  }

  /** The units' names, most specific first (the detailed address may be someone's home and is not shown). */
  private String address(CaseRow c) {
    List<String> parts = new ArrayList<>();
    geography.find(c.communityCode()).ifPresent(u -> parts.add(u.name()));
    geography.find(c.streetCode()).ifPresent(u -> {
      parts.add(u.shortName());
      Optional.ofNullable(geography.districtOf(u)).ifPresent(d -> parts.add(d.shortName()));
    });
    return String.join("，", parts);
  }

  /** Coordinates to three decimals (about 100 m): where, not whose door. */
  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 1000) / 1000.0;
  }

  /**
   * The text the public reads: the reporter's and the parties' names replaced (people by their
   * masked name, organisations by 某单位), and phone and ID numbers masked wherever they appear.
   */
  static String redact(String text, CaseRow c, List<String[]> parties) {
    Map<String, String> replace = new LinkedHashMap<>();
    for (String[] p : parties) {
      if (p[1] != null && p[1].strip().length() >= 2) {
        replace.put(p[1].strip(), PartyKind.ORGANISATION.name().equals(p[0]) ? "某单位" : Masking.name(p[1].strip()));
      }
    }
    if (c.reporterName() != null && c.reporterName().strip().length() >= 2) {
      replace.put(c.reporterName().strip(), Masking.name(c.reporterName().strip()));
    }
    String out = text;
    for (String name : replace.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      out = out.replace(name, replace.get(name));
    }
    out = ID_NUMBER.matcher(out).replaceAll("******************");
    out = MOBILE.matcher(out).replaceAll(m -> Masking.phone(m.group()));
    out = LANDLINE.matcher(out).replaceAll(m -> Masking.phone(m.group()));
    return out;
  }

  private String unitName(String code) {
    return code == null ? null : geography.find(code).map(Unit::name).orElse(null);
  }

  // ----------------------------------------------------------------------------------- helpers

  static String one(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 ? null : v[0];
  }

  private static Double number(Map<String, String[]> params, String name, List<FieldError> errors) {
    String v = one(params, name);
    if (blank(v)) {
      return null;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, name + " 须为 WGS-84 经纬度数值：" + abbreviate(v)));
      return null;
    }
  }

  static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new FieldError(field, message)));
  }

  static ForbiddenException forbidden(String message) {
    return new ForbiddenException(message);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String abbreviate(String s) {
    String clean = Open311Writer.xmlSafe(s);
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }
}
