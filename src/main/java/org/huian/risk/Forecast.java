package org.huian.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * Trend warning (趋势预判): Holt's linear exponential smoothing with a damped trend on a weekly
 * index series. The level follows the latest weeks with weight α, the trend (points per week)
 * with weight β, and the trend fades by φ each week ahead, so a four-week forecast never runs
 * away with one bad week. The forecast is clamped to 0–100 like the index.
 *
 * <p>The baseline it must beat is the seasonal-naive forecast with a season of four weeks ("the
 * same week last month"), since the demo data and the real ledger have a month-end rhythm.
 */
public final class Forecast {

  public static final int SEASON = 4;

  private Forecast() {}

  /** The next {@code horizon} values after {@code series}. */
  public static List<Double> holt(List<Double> series, int horizon, double alpha, double beta, double phi) {
    if (series.isEmpty()) {
      return List.of();
    }
    double level = series.get(0);
    double trend = series.size() > 1 ? series.get(1) - series.get(0) : 0;
    for (int t = 1; t < series.size(); t++) {
      double y = series.get(t);
      double previousLevel = level;
      level = alpha * y + (1 - alpha) * (previousLevel + phi * trend);
      trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
    }
    List<Double> out = new ArrayList<>();
    double damp = 0;
    for (int h = 1; h <= horizon; h++) {
      damp += Math.pow(phi, h);
      out.add(clamp(level + damp * trend));
    }
    return out;
  }

  /** Seasonal naive: the value one season (four weeks) before each forecast week. */
  public static List<Double> seasonalNaive(List<Double> series, int horizon) {
    List<Double> out = new ArrayList<>();
    int n = series.size();
    for (int h = 1; h <= horizon; h++) {
      int back = ((h - 1) / SEASON + 1) * SEASON;
      int i = n + h - 1 - back;
      out.add(series.get(Math.max(0, Math.min(n - 1, i))));
    }
    return out;
  }

  /** Mean absolute errors of both methods over rolling origins. */
  public record Backtest(int forecasts, double holtMae, double seasonalNaiveMae) {}

  /**
   * Rolling-origin backtest: from every origin that leaves {@code horizon} weeks to check (and has
   * at least {@code minHistory} weeks behind it), forecast 1..horizon weeks and compare.
   */
  public static Backtest backtest(List<List<Double>> allSeries, int horizon, int minHistory, double alpha, double beta, double phi) {
    double holtError = 0;
    double naiveError = 0;
    int count = 0;
    for (List<Double> series : allSeries) {
      for (int origin = minHistory; origin + horizon <= series.size(); origin++) {
        List<Double> history = series.subList(0, origin);
        List<Double> holt = holt(history, horizon, alpha, beta, phi);
        List<Double> naive = seasonalNaive(history, horizon);
        for (int h = 0; h < horizon; h++) {
          double actual = series.get(origin + h);
          holtError += Math.abs(holt.get(h) - actual);
          naiveError += Math.abs(naive.get(h) - actual);
          count++;
        }
      }
    }
    return new Backtest(count, count == 0 ? 0 : holtError / count, count == 0 ? 0 : naiveError / count);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }
}
