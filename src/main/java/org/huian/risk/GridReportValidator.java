package org.huian.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huian.cases.CaseIntakeValidator;
import org.huian.cases.Category;
import org.huian.problem.FieldError;
import org.huian.config.TextRules;
import org.huian.geography.DistrictBounds;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/** Checks a grid report (single or one batch line) field by field, in Simplified Chinese. */
@Component
public class GridReportValidator {

  static final int DESCRIPTION_MAX = 2000;
  static final int TAGS_MAX = 10;
  static final int TAG_MAX = 20;
  static final int SUBJECT_NAME_MAX = 100;
  static final int ADDRESS_MAX = 300;
  /** How far in the future an occurredAt may lie: the phones' clocks drift. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private final Geography geography;
  private final DistrictBounds bounds;

  GridReportValidator(Geography geography, DistrictBounds bounds) {
    this.bounds = bounds;
    this.geography = geography;
  }

  /** The located grid when the request is valid; the field errors otherwise (never both). */
  public record Result(Unit grid, Instant occurredAt, ReportKind kind, ReportSource source, List<FieldError> errors) {}

  public Result validate(GridReportRequest r, boolean sourceRequired, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    ReportSource source = ReportSource.GRID_APP;
    if (r.source() == null) {
      if (sourceRequired) {
        errors.add(new FieldError("source", "来源系统不能为空（" + names(ReportSource.class) + "）"));
      }
    } else {
      source = parse(ReportSource.class, r.source());
      if (source == null) {
        errors.add(new FieldError("source", "来源系统取值无效，可选：" + names(ReportSource.class)));
      }
    }
    if (r.externalRef() != null && (r.externalRef().isBlank() || r.externalRef().length() > 128
        || !CaseIntakeValidator.EXTERNAL_REF.matcher(r.externalRef()).matches())) {
      errors.add(new FieldError("externalRef", "外部编号须为 1 至 128 位字母、数字或 ._:-"));
    }
    ReportKind kind = null;
    if (r.kind() == null) {
      errors.add(new FieldError("kind", "信息类别不能为空（PERSON 人、PLACE 地、EVENT 事、OBJECT 物、SENTIMENT 情）"));
    } else if ((kind = parse(ReportKind.class, r.kind())) == null) {
      errors.add(new FieldError("kind", "信息类别取值无效，可选：PERSON、PLACE、EVENT、OBJECT、SENTIMENT"));
    }
    Unit grid = null;
    if (r.gridId() == null || r.gridId().isBlank()) {
      errors.add(new FieldError("gridId", "网格编号不能为空"));
    } else {
      grid = geography.find(r.gridId()).filter(u -> u.level() == Level.GRID).orElse(null);
      if (grid == null) {
        errors.add(new FieldError("gridId", "网格未登记：" + clip(r.gridId())));
      } else if (grid.retired()) {
        errors.add(new FieldError("gridId", "网格已撤销，不再接收上报：" + clip(r.gridId())));
        grid = null;
      }
    }
    text(errors, "description", r.description(), DESCRIPTION_MAX, true, "情况描述");
    if (r.severity() == null) {
      errors.add(new FieldError("severity", "风险等级不能为空（1 至 5）"));
    } else if (r.severity() < 1 || r.severity() > 5) {
      errors.add(new FieldError("severity", "风险等级须在 1 至 5 之间"));
    }
    List<String> tags = r.tagsOrEmpty();
    if (tags.size() > TAGS_MAX) {
      errors.add(new FieldError("tags", "标签不能超过 " + TAGS_MAX + " 个"));
    } else {
      for (int i = 0; i < tags.size(); i++) {
        String t = tags.get(i);
        if (t == null || t.isBlank() || t.length() > TAG_MAX || t.contains(",") || TextRules.hasControlCharacters(t)) {
          errors.add(new FieldError("tags[" + i + "]", "标签须为 1 至 " + TAG_MAX + " 个字符，不含逗号和控制字符"));
        }
      }
    }
    String district = grid == null ? null : grid.districtCode();
    String where = district == null ? "有效" : geography.find(district).map(Unit::shortName).orElse("本区");
    if (r.lat() != null && !bounds.latitudeIn(district, r.lat())) {
      errors.add(new FieldError("lat", "纬度不在" + where + "范围内"));
    }
    if (r.lon() != null && !bounds.longitudeIn(district, r.lon())) {
      errors.add(new FieldError("lon", "经度不在" + where + "范围内"));
    }
    Instant occurredAt = null;
    if (r.occurredAt() == null || r.occurredAt().isBlank()) {
      errors.add(new FieldError("occurredAt", "发生时间不能为空（ISO-8601，含时区，如 2026-11-27T09:30:00+08:00）"));
    } else {
      try {
        occurredAt = OffsetDateTime.parse(r.occurredAt()).toInstant();
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
          errors.add(new FieldError("occurredAt", "发生时间不能晚于当前时间"));
          occurredAt = null;
        } else if (occurredAt.isBefore(EARLIEST)) {
          errors.add(new FieldError("occurredAt", "发生时间早于 2000 年，请核对"));
          occurredAt = null;
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("occurredAt", "发生时间格式无效，须为 ISO-8601 且含时区，如 2026-11-27T09:30:00+08:00"));
      }
    }
    if (r.subject() != null) {
      GridReportRequest.Subject s = r.subject();
      text(errors, "subject.name", s.name(), SUBJECT_NAME_MAX, false, "对象名称");
      if (s.creditCode() != null && !SubjectKeys.validCreditCode(s.creditCode().strip().toUpperCase())) {
        errors.add(new FieldError("subject.creditCode", "统一社会信用代码须为 18 位且校验位正确"));
      }
      // other systems write phones as they come (+86 139-1111-2222): whatever normalises to a key is a phone
      if (s.phone() != null && !s.phone().isBlank() && (s.phone().length() > 20
          || !CaseIntakeValidator.PHONE.matcher(s.phone()).matches() && SubjectKeys.phone(s.phone()).isEmpty())) {
        errors.add(new FieldError("subject.phone", "联系电话格式无效"));
      }
      text(errors, "subject.address", s.address(), ADDRESS_MAX, false, "对象地址");
    }
    if (r.dispute() != null && (r.dispute().category() == null || parse(Category.class, r.dispute().category()) == null)) {
      errors.add(new FieldError("dispute.category", "转为矛盾纠纷案件须填写有效的案件类别"));
    }
    return errors.isEmpty()
        ? new Result(grid, occurredAt, kind, source, List.of())
        : new Result(null, null, null, null, List.copyOf(errors));
  }

  private static void text(List<FieldError> errors, String field, String value, int max, boolean required, String label) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, label + "不能为空"));
      }
    } else if (value.length() > max) {
      errors.add(new FieldError(field, label + "不能超过 " + max + " 个字符"));
    } else if (TextRules.hasControlCharacters(value)) {
      errors.add(new FieldError(field, label + "含有不允许的控制字符"));
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  private static String clip(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
