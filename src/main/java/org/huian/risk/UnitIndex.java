package org.huian.risk;

import java.util.List;
import org.huian.geography.Level;

/** The safety index of one unit, with the factors that explain it. */
public record UnitIndex(String unitCode, String name, Level level, String parentCode, double score, Colour colour,
    double load, List<RiskCalculator.Contribution> factors) {

  public enum Colour {
    GREEN("绿"),
    YELLOW("黄"),
    RED("红");

    private final String nameZh;

    Colour(String nameZh) {
      this.nameZh = nameZh;
    }

    public String nameZh() {
      return nameZh;
    }
  }
}
