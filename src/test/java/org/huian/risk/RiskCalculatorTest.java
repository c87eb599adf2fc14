package org.huian.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.huian.geography.Geography;
import org.huian.security.DemoUsers;
import org.junit.jupiter.api.Test;

/** The index arithmetic on hand-made numbers: every factor, the decay, the spread over grids, the explanation. */
class RiskCalculatorTest {

  static final double K = 10;

  @Test
  void shouldScoreAHundredWithoutRiskAndFiftyAtTheSaturationLoad() {
    assertThat(RiskCalculator.explain(new double[8], K).score()).isEqualTo(100.0);
    double[] loads = new double[8];
    loads[RiskFactor.OPEN_CASES.ordinal()] = 10;
    assertThat(RiskCalculator.explain(loads, K).score()).isEqualTo(50.0);
    loads[RiskFactor.OPEN_CASES.ordinal()] = 30;
    assertThat(RiskCalculator.explain(loads, K).score()).isEqualTo(25.0);
  }

  @Test
  void shouldShareTheLostPointsAmongTheFactorsInProportionToTheirLoads() {
    double[] loads = new double[8];
    loads[RiskFactor.GRID_REPORTS.ordinal()] = 3;
    loads[RiskFactor.OVERDUE_CASES.ordinal()] = 1;
    loads[RiskFactor.LINKED_RISKS.ordinal()] = 1;
    RiskCalculator.Explanation e = RiskCalculator.explain(loads, K);
    // load 5: score 100 × 10 / 15 = 66.67, 33.33 points lost, 3/5 of them to the reports
    assertThat(e.score()).isCloseTo(66.667, within(0.001));
    assertThat(e.factors().get(0).factor()).isEqualTo(RiskFactor.GRID_REPORTS);
    assertThat(e.factors().get(0).points()).isCloseTo(20.0, within(0.001));
    assertThat(e.factors().get(1).points()).isCloseTo(6.667, within(0.001));
    assertThat(e.factors()).hasSize(8);
    double sum = e.score() + e.factors().stream().mapToDouble(RiskCalculator.Contribution::points).sum();
    assertThat(sum).as("score plus the factors' points is 100").isCloseTo(100.0, within(1e-9));
  }

  @Test
  void shouldHalveAWeightEveryHalfLifeAndLetOpenCasesWeighUpToTwiceWithAge() {
    double lambda = new RiskProperties(Duration.ofDays(30), null, null, null, null, null, null, null, null, null).decayPerSecond();
    assertThat(RiskCalculator.decay(0, lambda)).isEqualTo(1.0);
    assertThat(RiskCalculator.decay(Duration.ofDays(30).toSeconds(), lambda)).isCloseTo(0.5, within(1e-9));
    assertThat(RiskCalculator.decay(Duration.ofDays(90).toSeconds(), lambda)).isCloseTo(0.125, within(1e-9));
    assertThat(RiskCalculator.decay(-5, lambda)).as("a report from the future counts as new").isEqualTo(1.0);
    assertThat(RiskCalculator.ageFactor(0)).isEqualTo(1.0);
    assertThat(RiskCalculator.ageFactor(15)).isEqualTo(1.5);
    assertThat(RiskCalculator.ageFactor(90)).isEqualTo(2.0);
  }

  @Test
  void shouldSumAgeFactorsFromTheCountAndTheClampedAgesAsTheDatabaseDoes() {
    double[] ages = {-2, 0, 3.5, 15, 29.9, 30, 45, 400};
    double each = java.util.Arrays.stream(ages).map(RiskCalculator::ageFactor).sum();
    double clamped = java.util.Arrays.stream(ages).map(RiskCalculator::clampedAge).sum();
    assertThat(clamped).isCloseTo(0 + 0 + 3.5 + 15 + 29.9 + 30 + 30 + 30, within(1e-9));
    assertThat(RiskCalculator.ageFactorSum(ages.length, clamped)).isCloseTo(each, within(1e-9));
  }

  @Test
  void shouldSpreadAnItemWithoutAGridOverTheUnitsGridsAndAverageUnitsPerGrid() {
    Geography geography = new Geography();
    GridLoads loads = new GridLoads(new GridLoads.Layout(geography));
    String community = "110101004001";
    String street = "110101004000";
    int grids = geography.children(community).size();
    loads.add(street, community, null, RiskFactor.OPEN_CASES, grids); // one per grid
    loads.add(street, community, community + "-01", RiskFactor.OVERDUE_CASES, 2);
    assertThat(loads.meanOf(community + "-01")[RiskFactor.OPEN_CASES.ordinal()]).isCloseTo(1.0, within(1e-9));
    assertThat(loads.meanOf(community + "-02")[RiskFactor.OPEN_CASES.ordinal()]).isCloseTo(1.0, within(1e-9));
    assertThat(loads.meanOf(community + "-01")[RiskFactor.OVERDUE_CASES.ordinal()]).isEqualTo(2.0);
    assertThat(loads.meanOf(community)[RiskFactor.OVERDUE_CASES.ordinal()]).isCloseTo(2.0 / grids, within(1e-9));
    int streetGrids = new GridLoads.Layout(geography).gridsOf(street).length;
    assertThat(loads.meanOf(street)[RiskFactor.OPEN_CASES.ordinal()]).isCloseTo((double) grids / streetGrids, within(1e-9));
    assertThat(loads.meanOf(DemoUsers.DISTRICT_CODE)[RiskFactor.OPEN_CASES.ordinal()])
        .isCloseTo((double) grids / 1971, within(1e-12));
  }
}
