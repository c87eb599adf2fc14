package org.huian.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {

  @Test
  void shouldContinueADampedTrendAndStayWithinTheIndexRange() {
    List<Double> falling = List.of(90.0, 88.0, 86.0, 84.0, 82.0, 80.0, 78.0, 76.0);
    List<Double> f = Forecast.holt(falling, 4, 0.5, 0.3, 0.8);
    assertThat(f).hasSize(4);
    assertThat(f.get(0)).isLessThan(76.0);
    assertThat(f.get(3)).isLessThan(f.get(0));
    assertThat(76.0 - f.get(3)).as("damped: less than the undamped 8 points").isLessThan(8.0).isPositive();
    // by hand, y = 10, 8, 6 with α 0.5, β 0.3, φ 0.8: level 8.2 then 6.436, trend −1.66 then −1.4588
    List<Double> byHand = Forecast.holt(List.of(10.0, 8.0, 6.0), 2, 0.5, 0.3, 0.8);
    assertThat(byHand.get(0)).isCloseTo(6.436 - 0.8 * 1.4588, within(1e-9));
    assertThat(byHand.get(1)).isCloseTo(6.436 - 1.44 * 1.4588, within(1e-9));
    assertThat(Forecast.holt(List.of(10.0, 5.0, 1.0), 4, 0.9, 0.9, 1.0)).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
    assertThat(Forecast.holt(List.of(70.0, 70.0, 70.0), 2, 0.5, 0.3, 0.8)).containsExactly(70.0, 70.0);
  }

  @Test
  void shouldTakeTheValueOfOneSeasonBeforeAsTheSeasonalNaiveForecast() {
    List<Double> s = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    assertThat(Forecast.seasonalNaive(s, 4)).containsExactly(5.0, 6.0, 7.0, 8.0);
    // beyond one season it repeats the last known season: y(T+h−m·(⌊(h−1)/m⌋+1))
    assertThat(Forecast.seasonalNaive(s, 6)).containsExactly(5.0, 6.0, 7.0, 8.0, 5.0, 6.0);
  }

  @Test
  void shouldBacktestBothMethodsOnTheSameOrigins() {
    List<Double> seasonal = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      seasonal.add(70.0 + (i % 4 == 3 ? -6 : 0));
    }
    Forecast.Backtest b = Forecast.backtest(List.of(seasonal), 4, 8, 0.5, 0.3, 0.8);
    assertThat(b.forecasts()).isEqualTo((24 - 4 - 8 + 1) * 4);
    assertThat(b.seasonalNaiveMae()).as("a pure four-week pattern is the naive method's home ground").isCloseTo(0.0, within(1e-9));
    assertThat(b.holtMae()).isPositive();
    List<Double> trend = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      trend.add(90.0 - i);
    }
    Forecast.Backtest t = Forecast.backtest(List.of(trend), 4, 8, 0.5, 0.3, 0.8);
    assertThat(t.holtMae()).as("a steady fall is Holt's").isLessThan(t.seasonalNaiveMae());
  }
}
