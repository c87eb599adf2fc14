package org.huian.cases;

import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.config.TextRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.huian.geography.DistrictBounds;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/** The one set of intake rules, used by the REST API and by the Tasklist start form. */
@Component
public class CaseIntakeValidator {

  static final int TITLE_MAX = 200;
  static final int DESCRIPTION_MAX = 4000;
  static final int EXTERNAL_REF_MAX = 128;
  static final int ADDRESS_MAX = 300;
  static final int NAME_MAX = 50;
  static final int PARTY_NAME_MAX = 100;
  static final int PARTIES_MAX = 50;
  static final int PEOPLE_MAX = 100_000;
  static final BigDecimal AMOUNT_MAX = new BigDecimal("99999999999999.99");

  public static final Pattern PHONE = org.huian.config.TextRules.PHONE;
  /** Grid codes are {@code <community>-NN}, or whatever the district's unit file gave. */
  private static final Pattern GRID_ID = Pattern.compile("^[0-9A-Za-z-]{1,32}$");
  private static final Pattern CODE = Pattern.compile("^\\d{12}$");
  public static final Pattern EXTERNAL_REF = Pattern.compile("^[A-Za-z0-9._:\\-]+$");

  private final Geography geography;
  private final DistrictBounds bounds;

  CaseIntakeValidator(Geography geography, DistrictBounds bounds) {
    this.geography = geography;
    this.bounds = bounds;
  }

  /** Checks every rule, collecting all field errors; returns the resolved location. */
  public ResolvedLocation validate(CaseIntakeRequest r) {
    List<FieldError> errors = new ArrayList<>();
    if (r.externalRef() != null
        && (r.externalRef().isBlank()
            || r.externalRef().length() > EXTERNAL_REF_MAX
            || !EXTERNAL_REF.matcher(r.externalRef()).matches())) {
      errors.add(new FieldError("externalRef", "须为 1–128 位字母、数字或 . _ : -"));
    }
    checkEnum(errors, "channel", r.channel(), Channel.class, "受理渠道");
    checkEnum(errors, "category", r.category(), Category.class, "纠纷类别");
    checkText(errors, "title", r.title(), TITLE_MAX, true, "事项标题");
    checkText(errors, "description", r.description(), DESCRIPTION_MAX, true, "事项描述");
    ResolvedLocation location = checkLocation(errors, r.location());
    checkReporter(errors, r.reporter());
    checkParties(errors, r.parties());
    if (r.peopleInvolved() == null) {
      errors.add(new FieldError("peopleInvolved", "涉及人数不能为空"));
    } else if (r.peopleInvolved() < 1 || r.peopleInvolved() > PEOPLE_MAX) {
      errors.add(new FieldError("peopleInvolved", "涉及人数须在 1 至 100000 之间"));
    }
    if (r.amountInvolved() != null
        && (r.amountInvolved().signum() < 0
            || r.amountInvolved().compareTo(AMOUNT_MAX) > 0
            || r.amountInvolved().scale() > 2)) {
      errors.add(new FieldError("amountInvolved", "涉及金额须为不小于 0 的金额，最多两位小数"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return location;
  }

  private ResolvedLocation checkLocation(List<FieldError> errors, CaseIntakeRequest.Location l) {
    if (l == null) {
      errors.add(new FieldError("location", "事发地点不能为空"));
      return null;
    }
    checkText(errors, "location.address", l.address(), ADDRESS_MAX, false, "详细地址");
    boolean latOk = l.lat() == null || bounds.latitudeIn(null, l.lat());
    boolean lonOk = l.lon() == null || bounds.longitudeIn(null, l.lon());
    if (!latOk) {
      errors.add(new FieldError("location.lat", "纬度不在有效范围内"));
    }
    if (!lonOk) {
      errors.add(new FieldError("location.lon", "经度不在有效范围内"));
    }
    if ((l.lat() == null) != (l.lon() == null)) {
      errors.add(new FieldError(l.lat() == null ? "location.lat" : "location.lon", "经纬度须同时提供"));
    }
    if (blank(l.gridId()) && blank(l.communityCode()) && blank(l.streetCode())) {
      errors.add(new FieldError("location", "须至少提供网格编号、社区代码或街道代码之一"));
      return null;
    }
    Unit grid = lookup(errors, "location.gridId", l.gridId(), GRID_ID, Level.GRID, "网格编号");
    Unit community =
        lookup(errors, "location.communityCode", l.communityCode(), CODE, Level.COMMUNITY, "社区代码");
    Unit street = lookup(errors, "location.streetCode", l.streetCode(), CODE, Level.STREET, "街道代码");
    if (grid != null && community != null && !grid.parentCode().equals(community.code())) {
      errors.add(new FieldError("location.gridId", "网格不属于所填社区"));
      return null;
    }
    Unit communityOfGrid = grid != null ? geography.parent(grid) : community;
    if (communityOfGrid != null && street != null
        && !communityOfGrid.parentCode().equals(street.code())) {
      errors.add(new FieldError(
          community != null ? "location.communityCode" : "location.gridId", "社区不属于所填街道"));
      return null;
    }
    if ((!blank(l.gridId()) && grid == null)
        || (!blank(l.communityCode()) && community == null)
        || (!blank(l.streetCode()) && street == null)) {
      return null;
    }
    Unit resolvedCommunity = communityOfGrid;
    Unit resolvedStreet = street != null ? street : geography.parent(resolvedCommunity);
    String district = resolvedStreet.districtCode();
    String where = geography.find(district).map(Unit::shortName).orElse("本区");
    if (latOk && l.lat() != null && !bounds.latitudeIn(district, l.lat())) {
      errors.add(new FieldError("location.lat", "纬度不在" + where + "范围内"));
    }
    if (lonOk && l.lon() != null && !bounds.longitudeIn(district, l.lon())) {
      errors.add(new FieldError("location.lon", "经度不在" + where + "范围内"));
    }
    return new ResolvedLocation(resolvedStreet, resolvedCommunity, grid);
  }

  private Unit lookup(
      List<FieldError> errors, String field, String code, Pattern format, Level level, String label) {
    if (blank(code)) {
      return null;
    }
    if (!format.matcher(code).matches()) {
      errors.add(new FieldError(field, label + "格式不正确"));
      return null;
    }
    Unit unit = geography.find(code).filter(u -> u.level() == level).orElse(null);
    if (unit == null) {
      errors.add(new FieldError(field, label + "未登记（不是本系统所辖单位）"));
    } else if (unit.retired()) {
      errors.add(new FieldError(field, label + "所指单位已撤销，不再受理新案件：" + unit.name()));
      return null;
    }
    return unit;
  }

  private void checkReporter(List<FieldError> errors, CaseIntakeRequest.Reporter reporter) {
    if (reporter == null) {
      errors.add(new FieldError("reporter", "反映人信息不能为空（匿名反映请设置 anonymous 为 true）"));
      return;
    }
    if (Boolean.TRUE.equals(reporter.anonymous())) {
      return; // name and phone of an anonymous reporter are ignored, never stored
    }
    checkText(errors, "reporter.name", reporter.name(), NAME_MAX, true, "反映人姓名");
    if (!blank(reporter.phone()) && !PHONE.matcher(reporter.phone()).matches()) {
      errors.add(new FieldError("reporter.phone", "联系电话格式不正确"));
    }
  }

  private void checkParties(List<FieldError> errors, List<CaseIntakeRequest.Party> parties) {
    if (parties == null) {
      return;
    }
    if (parties.size() > PARTIES_MAX) {
      errors.add(new FieldError("parties", "当事人最多 50 个"));
      return;
    }
    for (int i = 0; i < parties.size(); i++) {
      CaseIntakeRequest.Party p = parties.get(i);
      String at = "parties[" + i + "]";
      if (p == null) {
        errors.add(new FieldError(at, "当事人不能为空"));
        continue;
      }
      checkEnum(errors, at + ".role", p.role(), PartyRole.class, "当事人角色");
      checkEnum(errors, at + ".kind", p.kind(), PartyKind.class, "当事人类型");
      checkText(errors, at + ".name", p.name(), PARTY_NAME_MAX, true, "当事人姓名或名称");
      if (!blank(p.phone()) && !PHONE.matcher(p.phone()).matches()) {
        errors.add(new FieldError(at + ".phone", "联系电话格式不正确"));
      }
    }
  }

  private static <E extends Enum<E>> void checkEnum(
      List<FieldError> errors, String field, String value, Class<E> type, String label) {
    if (blank(value)) {
      errors.add(new FieldError(field, label + "不能为空"));
      return;
    }
    if (Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.name().equals(value))) {
      errors.add(new FieldError(field, label + "取值无效：" + abbreviate(value)));
    }
  }

  private static void checkText(
      List<FieldError> errors, String field, String value, int max, boolean required, String label) {
    if (blank(value)) {
      if (required) {
        errors.add(new FieldError(field, label + "不能为空"));
      }
      return;
    }
    if (value.codePointCount(0, value.length()) > max) {
      errors.add(new FieldError(field, label + "不能超过 " + max + " 个字"));
    }
    if (TextRules.hasControlCharacters(value)) {
      errors.add(new FieldError(field, label + "含有不可见的控制字符"));
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
