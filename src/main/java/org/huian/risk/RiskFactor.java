package org.huian.risk;

/**
 * The factors of the safety index, each with the Chinese name a street reads in its explanation.
 * A factor's load is summed per grid; its weight is {@code huian.risk.weights.<FACTOR>}.
 */
public enum RiskFactor {
  /** Open cases, weighted by category and growing with age (up to twice after 30 days). */
  OPEN_CASES("在办矛盾纠纷", 1.0),
  /** Open cases past their deadline at their current level. */
  OVERDUE_CASES("超期未办结", 2.0),
  /** Moves up the funnel, fading with the half-life. */
  ESCALATIONS("层级上移", 1.0),
  /** Open cases involving at least the mass threshold of people. */
  MASS_CASES("群体性矛盾", 3.0),
  /** Agreements with an instalment or action missed or breached. */
  UNFULFILLED_AGREEMENTS("调解协议未履行", 2.0),
  /** Grid reports, weighted by severity and fading with the half-life. */
  GRID_REPORTS("网格上报风险", 0.5),
  /** Sentiment (情) reports, on top of their weight as reports. */
  SENTIMENT("社情民意波动", 1.0),
  /** Open linked-risk clusters touching the grid. */
  LINKED_RISKS("关联风险聚集", 2.0);

  private final String nameZh;
  private final double defaultWeight;

  RiskFactor(String nameZh, double defaultWeight) {
    this.nameZh = nameZh;
    this.defaultWeight = defaultWeight;
  }

  public String nameZh() {
    return nameZh;
  }

  double defaultWeight() {
    return defaultWeight;
  }
}
