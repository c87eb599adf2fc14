package org.huian.modeling;

import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.huian.security.UnitGroups;

/**
 * What the processes and the code read from each decision designers own: the output columns, the
 * values each may take, and whether the caller maps one entry (then the table has exactly that
 * one output) or one result. A deployed table that breaks this would break intake at run time, so
 * {@link DeploymentGuard} refuses it.
 */
final class DecisionContracts {

  /**
   * One output column.
   *
   * @param check the problem with one rule's output text (a FEEL expression), or {@code null}
   */
  record Output(String name, String labelZh, Function<String, String> check) {}

  /** @param singleEntry the caller maps a single entry: no second output column */
  record Contract(String readBy, boolean singleEntry, List<Output> outputs) {}

  static final Map<String, Contract> CONTRACTS = Map.of(
      "case-routing", new Contract("case-funnel（智能分拨：确定层级）", false, List.of(
          new Output("routedLevel", "承办层级", oneOf("GRID", "COMMUNITY", "STREET", "DISTRICT")),
          new Output("complexity", "复杂程度", oneOf("NORMAL", "COMPLEX")))),
      "case-deadlines", new Contract("case-funnel（确定办结时限）", true, List.of(
          new Output("deadlineDuration", "办结时限", DecisionContracts::isoDuration))),
      "case-dispatch", new Contract("case-handling（确定职能板块）", true, List.of(
          new Output("functionalArea", "职能板块", areaOrNull()))),
      "fulfilment-grace", new Contract("agreement-fulfilment（确定宽限期）", true, List.of(
          new Output("graceDuration", "宽限期", DecisionContracts::isoDuration))),
      "dialogue-assessment", new Contract("safety-dialogue-cycle（判定考核等次）", false, List.of(
          new Output("grade", "考核等次", DecisionContracts::stringLiteral),
          new Output("admonish", "通报约谈", oneOfBooleans()))),
      "risk-colour", new Contract("平安指数计算（RiskIndexService）", true, List.of(
          new Output("colour", "颜色", oneOf("RED", "YELLOW", "GREEN")))));

  private DecisionContracts() {}

  /** The value of a FEEL string literal ({@code "P7D"}), or {@code null} when the text is none. */
  static String literal(String text) {
    String t = text == null ? "" : text.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.indexOf('"', 1) == t.length() - 1) {
      return t.substring(1, t.length() - 1);
    }
    return null;
  }

  static String stringLiteral(String text) {
    return literal(text) == null ? "应为用英文双引号括起的文字，实为 " + shown(text) : null;
  }

  static Function<String, String> oneOf(String... values) {
    Set<String> allowed = Set.of(values);
    return text -> {
      String v = literal(text);
      if (v == null || !allowed.contains(v)) {
        return "取值 " + shown(text) + " 不在允许值 " + String.join("、", values) + " 之中（须用英文双引号，例如 \"" + values[0] + "\"）";
      }
      return null;
    };
  }

  static Function<String, String> oneOfBooleans() {
    return text -> {
      String t = text == null ? "" : text.strip();
      return t.equals("true") || t.equals("false") ? null : "取值 " + shown(text) + " 应为 true 或 false";
    };
  }

  static Function<String, String> areaOrNull() {
    Set<String> areas = new LinkedHashSet<>(UnitGroups.DISTRICT_AREAS);
    areas.addAll(UnitGroups.STREET_AREAS);
    return text -> {
      if (text != null && text.strip().equals("null")) {
        return null;
      }
      String v = literal(text);
      if (v == null || !areas.contains(v)) {
        return "取值 " + shown(text) + " 不是职能板块（" + String.join("、", areas) + "，或 null 表示本单位）";
      }
      return null;
    };
  }

  /**
   * An ISO-8601 time allowed, read as {@code DeadlineCalculator} reads it: a period of days,
   * weeks, months or years ({@code P7D}) or a duration with a time part ({@code PT4H}), positive.
   */
  static String isoDuration(String text) {
    String v = literal(text);
    if (v == null) {
      return "取值 " + shown(text) + " 不是用英文双引号括起的 ISO-8601 时长（例如 \"P7D\"、\"PT4H\"）";
    }
    String iso = v.strip().toUpperCase();
    try {
      boolean positive = iso.contains("T") ? !Duration.parse(iso).isNegative() && !Duration.parse(iso).isZero()
          : !Period.parse(iso).isNegative() && !Period.parse(iso).isZero();
      return positive ? null : "时长 \"" + v + "\" 须大于零";
    } catch (java.time.format.DateTimeParseException e) {
      return "时长 \"" + v + "\" 不是 ISO-8601 格式（例如 P7D 表示 7 天，PT4H 表示 4 小时）";
    }
  }

  private static String shown(String text) {
    return text == null || text.isBlank() ? "（空）" : text.strip();
  }
}
