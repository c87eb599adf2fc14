package org.huian.dialogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.huian.problem.FieldError;
import org.huian.config.TextRules;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;

/** The input rules of the dialogue area, shared by the REST API and the delegates behind the forms. */
final class DialogueRules {

  static final Pattern CONTACT = Pattern.compile("[0-9+\\-() ]{5,30}");
  static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  static final Pattern NUMBER = Pattern.compile("[A-Z]{2,4}-[0-9A-Z-]{1,16}");
  static final Pattern UNIT_CODE = Pattern.compile("[0-9]{12}");

  private DialogueRules() {}

  /** A trimmed text of at most {@code max} characters without control characters, or null when absent. */
  static String text(List<FieldError> errors, String field, String value, int max, boolean required, String label) {
    String v = value == null ? null : value.strip();
    if (v == null || v.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, "请填写" + label));
      }
      return null;
    }
    if (v.length() > max) {
      errors.add(new FieldError(field, label + "不能超过 " + max + " 字"));
      return null;
    }
    if (TextRules.hasControlCharacters(v)
        || v.codePoints().anyMatch(c -> c == 0xFFFF || c == 0xFFFE || (c >= 0xD800 && c <= 0xDFFF))) {
      errors.add(new FieldError(field, label + "含有不可见的控制字符"));
      return null;
    }
    return v;
  }

  static Unit street(List<FieldError> errors, Geography geography, String field, String code) {
    if (code == null || code.isBlank()) {
      errors.add(new FieldError(field, "请选择街道"));
      return null;
    }
    Unit unit = geography.find(code).orElse(null);
    if (unit == null || unit.level() != Level.STREET) {
      errors.add(new FieldError(field, "街道不存在：" + abbreviate(code)));
      return null;
    }
    return unit;
  }

  /** A responsible unit: a street centre or the district centre. */
  static Unit responsibleUnit(List<FieldError> errors, Geography geography, String field, String code) {
    if (code == null || code.isBlank()) {
      errors.add(new FieldError(field, "请指定责任单位"));
      return null;
    }
    Unit unit = geography.find(code).orElse(null);
    if (unit == null || (unit.level() != Level.STREET && unit.level() != Level.DISTRICT)) {
      errors.add(new FieldError(field, "责任单位须为街道综治中心或区综治中心：" + abbreviate(code)));
      return null;
    }
    return unit;
  }

  /** A date as "2027-03-31", or an ISO date-time whose date part is taken (form-js datetime fields). */
  static LocalDate date(List<FieldError> errors, String field, String value, boolean required, String label) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "请填写" + label));
      }
      return null;
    }
    try {
      return value.length() > 10 ? OffsetDateTime.parse(value).atZoneSameInstant(DialogueClock.BEIJING).toLocalDate()
          : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, label + "须为 yyyy-MM-dd 格式的日期"));
      return null;
    }
  }

  /** Whether a string can be one of the area's readable numbers (so odd input never reaches the database). */
  static boolean number(String s) {
    return s != null && NUMBER.matcher(s).matches();
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
