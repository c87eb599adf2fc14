package org.huian.duplicates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.huian.risk.SubjectKeys;
import org.huian.security.Masking;

/**
 * The score of a candidate against a report: points for each reason, at most 1. Every point is
 * explained by a {@link Reason}; docs/duplicates.md has the table. No engine, no database.
 */
final class DuplicateScorer {

  static final double CREDIT_CODE = 0.40;
  static final double ORG_NAME = 0.35;
  static final double PHONE = 0.30;
  static final double PERSON_IN_STREET = 0.15;
  static final double ADDRESS = 0.25;
  static final double GRID = 0.10;
  static final double TEXT = 0.40;
  /** Dice similarity at which the text earns all its points. */
  static final double TEXT_FULL = 0.5;
  /** Below this Dice similarity the text earns nothing (reports of one category share words). */
  static final double TEXT_FLOOR = 0.12;
  static final double CATEGORY = 0.10;

  private final Duration sameCategoryWindow;

  DuplicateScorer(Duration sameCategoryWindow) {
    this.sameCategoryWindow = sameCategoryWindow;
  }

  record Scored(double score, List<Reason> reasons) {}

  Scored score(Probe report, Probe candidate) {
    List<Reason> reasons = new ArrayList<>();
    party(report, candidate).ifPresent(reasons::add);
    var reportAddress = SubjectKeys.address(report.address());
    if (reportAddress.isPresent() && reportAddress.equals(SubjectKeys.address(candidate.address()))) {
      reasons.add(new Reason(Reason.Kind.SAME_ADDRESS, ADDRESS, "地址相同：" + candidate.address()));
    } else if (report.gridId() != null && report.gridId().equals(candidate.gridId())) {
      reasons.add(new Reason(Reason.Kind.SAME_GRID, GRID, "同一网格：" + candidate.gridId()));
    }
    double dice = similarity(report, candidate);
    if (dice >= TEXT_FLOOR) {
      double points = TEXT * Math.min(1, (dice - TEXT_FLOOR) / (TEXT_FULL - TEXT_FLOOR));
      reasons.add(new Reason(Reason.Kind.SIMILAR_TEXT, round(points),
          "标题和描述相似（字符二元组相似度 " + Math.round(dice * 100) + "%）"));
    }
    if (Objects.equals(report.category(), candidate.category()) && Objects.equals(report.streetCode(), candidate.streetCode())
        && report.createdAt() != null && candidate.createdAt() != null
        && Duration.between(candidate.createdAt(), report.createdAt()).abs().compareTo(sameCategoryWindow) <= 0) {
      reasons.add(new Reason(Reason.Kind.SAME_CATEGORY_RECENT, CATEGORY,
          "同一街道 " + sameCategoryWindow.toDays() + " 天内同类事项"));
    }
    double score = Math.min(1, reasons.stream().mapToDouble(Reason::points).sum());
    return new Scored(round(score), List.copyOf(reasons));
  }

  /**
   * Text similarity: the mean of the Dice coefficients of the titles' and of the descriptions'
   * bigrams, with the parties' names taken out of both texts first (a shared name is scored once,
   * as the party), so that a boilerplate sentence in two descriptions, or a company named in
   * two different complaints, does not make two matters one.
   */
  static double similarity(Probe a, Probe b) {
    List<String> names = new ArrayList<>();
    for (Probe p : List.of(a, b)) {
      for (Probe.Subject s : p.subjects()) {
        if (s.name() != null && s.name().strip().length() >= 2) {
          names.add(s.name().strip());
          SubjectKeys.orgName(s.name()).filter(n -> n.length() >= 2).ifPresent(names::add);
        }
      }
    }
    names.sort((x, y) -> y.length() - x.length());
    double title = MatchKeys.dice(MatchKeys.bigrams(without(a.title(), names)), MatchKeys.bigrams(without(b.title(), names)));
    double description = MatchKeys.dice(MatchKeys.bigrams(without(a.description(), names)),
        MatchKeys.bigrams(without(b.description(), names)));
    return (title + description) / 2;
  }

  private static String without(String text, List<String> names) {
    if (text == null) {
      return "";
    }
    String t = text;
    for (String n : names) {
      t = t.replace(n, " ");
    }
    return t;
  }

  /** The strongest shared party, one reason. */
  private static java.util.Optional<Reason> party(Probe report, Probe candidate) {
    Reason best = null;
    for (Probe.Subject a : report.subjects()) {
      for (Probe.Subject b : candidate.subjects()) {
        Reason r = same(report, candidate, a, b);
        if (r != null && (best == null || r.points() > best.points())) {
          best = r;
        }
      }
    }
    if (best == null) {
      // a credit code written in one description and given for a party of the other
      for (String code : MatchKeys.creditCodes(report.description())) {
        for (Probe.Subject b : candidate.subjects()) {
          if (code.equals(SubjectKeys.creditCode(b.creditCode()).orElse(null))) {
            best = new Reason(Reason.Kind.SAME_PARTY, CREDIT_CODE, "当事人统一社会信用代码相同：" + code);
          }
        }
        if (best == null && MatchKeys.creditCodes(candidate.description()).contains(code)) {
          best = new Reason(Reason.Kind.SAME_PARTY, CREDIT_CODE, "统一社会信用代码相同：" + code);
        }
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  private static Reason same(Probe report, Probe candidate, Probe.Subject a, Probe.Subject b) {
    var code = SubjectKeys.creditCode(a.creditCode());
    if (code.isPresent() && code.equals(SubjectKeys.creditCode(b.creditCode()))) {
      return new Reason(Reason.Kind.SAME_PARTY, CREDIT_CODE, "当事人统一社会信用代码相同：" + code.get());
    }
    if (a.organisation() && b.organisation()) {
      var org = SubjectKeys.orgName(a.name());
      if (org.isPresent() && org.equals(SubjectKeys.orgName(b.name()))) {
        return new Reason(Reason.Kind.SAME_PARTY, ORG_NAME, "涉及同一单位：" + b.name());
      }
    }
    var phone = SubjectKeys.phone(a.phone());
    if (phone.isPresent() && phone.equals(SubjectKeys.phone(b.phone()))) {
      return new Reason(Reason.Kind.SAME_PARTY, PHONE, "联系电话相同：" + Masking.phone(phone.get()));
    }
    if (!a.organisation() && !b.organisation() && Objects.equals(report.streetCode(), candidate.streetCode())) {
      var name = MatchKeys.personName(a.name());
      if (name.isPresent() && name.equals(MatchKeys.personName(b.name()))) {
        return new Reason(Reason.Kind.SAME_PARTY, PERSON_IN_STREET, "同一街道同名当事人：" + Masking.name(b.name()));
      }
    }
    return null;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
