package org.huian.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of the safety index, free of storage so that it can be checked by hand.
 *
 * <p>A unit's risk load {@code L} is the sum of its factors' loads (each already weighted, and the
 * mean over the unit's grids). Its score is {@code 100 × K / (K + L)}: 100 with no risk at all,
 * 50 when the load equals the saturation constant {@code K}, approaching 0 as the load grows,
 * never negative however much is reported. The points a unit lost, {@code 100 − score}, are
 * shared among the factors in proportion to their loads, so the explanation of a colour always
 * adds up: {@code score + Σ points = 100}.
 */
public final class RiskCalculator {

  private RiskCalculator() {}

  /** One factor's part: its load and the points of the score it costs. */
  public record Contribution(RiskFactor factor, String name, double load, double points) {}

  public record Explanation(double score, double load, List<Contribution> factors) {}

  public static Explanation explain(double[] factorLoads, double saturation) {
    double total = 0;
    for (double l : factorLoads) {
      total += l;
    }
    double score = 100 * saturation / (saturation + total);
    double lost = 100 - score;
    List<Contribution> parts = new ArrayList<>();
    for (RiskFactor f : RiskFactor.values()) {
      double l = factorLoads[f.ordinal()];
      parts.add(new Contribution(f, f.nameZh(), l, total == 0 ? 0 : lost * l / total));
    }
    parts.sort((a, b) -> Double.compare(b.points(), a.points()));
    return new Explanation(score, total, List.copyOf(parts));
  }

  /** The weight a report or escalation keeps after {@code ageSeconds}: halves every half-life. */
  public static double decay(double ageSeconds, double decayPerSecond) {
    return Math.exp(-Math.max(0, ageSeconds) * decayPerSecond);
  }

  /** Days after which an open case's age factor stops growing. */
  public static final double AGE_CAP_DAYS = 30;

  /** An open case weighs more the longer it stays open: ×1 when new, ×2 from 30 days on. */
  public static double ageFactor(double ageDays) {
    return 1 + clampedAge(ageDays) / AGE_CAP_DAYS;
  }

  /** The age that counts: between 0 and {@link #AGE_CAP_DAYS} days. */
  public static double clampedAge(double ageDays) {
    return Math.min(Math.max(ageDays, 0), AGE_CAP_DAYS);
  }

  /**
   * The sum of {@link #ageFactor} over {@code cases} open cases whose {@link #clampedAge clamped
   * ages} add up to {@code clampedAgeDays}: the factor is linear in the clamped age.
   */
  public static double ageFactorSum(long cases, double clampedAgeDays) {
    return cases + clampedAgeDays / AGE_CAP_DAYS;
  }
}
