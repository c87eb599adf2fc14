package org.huian.risk;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huian.cases.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huian.risk.*}: every number the safety index, the cross-matching and the forecast use, so
 * that a district can tune them without a release. The meaning of each is in docs/risk-index.md.
 *
 * @param halfLife how fast a report or an escalation fades: its weight halves every half-life (30 days)
 * @param lookback reports and escalations older than this are left out (365 days)
 * @param saturation the risk load per grid at which the score is 50 (score = 100 × K / (K + load))
 * @param massThreshold people involved from which a case counts as a mass case (10)
 * @param weights the weight of one unit of each factor
 * @param severityWeights the weight of a report of severity 1..5
 * @param categoryWeights the weight of an open case by category (1.0 when missing)
 * @param cluster when one subject forms a linked-risk cluster
 * @param forecast the trend forecast
 * @param supervisionDeadline how long a targeted supervision order gives the unit (14 days)
 */
@ConfigurationProperties("huian.risk")
public record RiskProperties(
    Duration halfLife,
    Duration lookback,
    Double saturation,
    Integer massThreshold,
    Map<RiskFactor, Double> weights,
    List<Double> severityWeights,
    Map<Category, Double> categoryWeights,
    Cluster cluster,
    Forecast forecast,
    Duration supervisionDeadline) {

  /**
   * @param minItems complaints about one subject that make a cluster (3)
   * @param window within how long they must fall (90 days)
   */
  public record Cluster(Integer minItems, Duration window) {
    public Cluster {
      minItems = minItems == null ? 3 : minItems;
      window = window == null ? Duration.ofDays(90) : window;
    }
  }

  /**
   * Holt's linear smoothing with a damped trend on the weekly index.
   *
   * @param alpha smoothing of the level (0.5)
   * @param beta smoothing of the trend (0.3)
   * @param phi damping of the trend per week (0.8)
   * @param weeks how many past weeks feed the forecast (26)
   * @param sharpDrop points the index may lose from four weeks ago to four weeks ahead before a warning (6)
   */
  public record Forecast(Double alpha, Double beta, Double phi, Integer weeks, Double sharpDrop) {
    public Forecast {
      alpha = alpha == null ? 0.5 : alpha;
      beta = beta == null ? 0.3 : beta;
      phi = phi == null ? 0.8 : phi;
      weeks = weeks == null ? 26 : weeks;
      sharpDrop = sharpDrop == null ? 6.0 : sharpDrop;
    }
  }

  public RiskProperties {
    halfLife = halfLife == null ? Duration.ofDays(30) : halfLife;
    lookback = lookback == null ? Duration.ofDays(365) : lookback;
    saturation = saturation == null ? 10.0 : saturation;
    massThreshold = massThreshold == null ? 10 : massThreshold;
    Map<RiskFactor, Double> w = new EnumMap<>(RiskFactor.class);
    for (RiskFactor f : RiskFactor.values()) {
      w.put(f, f.defaultWeight());
    }
    if (weights != null) {
      w.putAll(weights);
    }
    weights = Map.copyOf(w);
    severityWeights = severityWeights == null || severityWeights.isEmpty() ? List.of(0.2, 0.5, 1.0, 2.0, 4.0) : List.copyOf(severityWeights);
    if (severityWeights.size() != 5) {
      throw new IllegalArgumentException("huian.risk.severity-weights needs five values, for severity 1 to 5");
    }
    Map<Category, Double> c = new EnumMap<>(Category.class);
    c.putAll(Map.of(Category.WAGE_ARREARS, 1.5, Category.PETITION, 1.5, Category.SAFETY_HAZARD, 2.0,
        Category.CONSTRUCTION, 1.2, Category.MEDICAL, 1.2, Category.NEIGHBOUR, 0.8, Category.CONSUMER, 0.6));
    if (categoryWeights != null) {
      c.putAll(categoryWeights);
    }
    categoryWeights = Map.copyOf(c);
    cluster = cluster == null ? new Cluster(null, null) : cluster;
    forecast = forecast == null ? new Forecast(null, null, null, null, null) : forecast;
    supervisionDeadline = supervisionDeadline == null ? Duration.ofDays(14) : supervisionDeadline;
    if (saturation <= 0) {
      throw new IllegalArgumentException("huian.risk.saturation must be positive");
    }
  }

  public double weight(RiskFactor factor) {
    return weights.get(factor);
  }

  public double categoryWeight(Category category) {
    return categoryWeights.getOrDefault(category, 1.0);
  }

  public double severityWeight(int severity) {
    return severityWeights.get(severity - 1);
  }

  /** ln 2 / half-life, per second. */
  public double decayPerSecond() {
    return Math.log(2) / halfLife.toSeconds();
  }
}
