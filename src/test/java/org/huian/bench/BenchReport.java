package org.huian.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a run: printed as a table and written to {@code target/bench/results.json}.
 * A figure may carry the baseline measured in the same run and the ratio to it; a target is
 * reported as met or not, never asserted.
 */
final class BenchReport {

  /**
   * One measured figure. {@code higherIsBetter} says how {@code ratio} is formed: value/baseline
   * for rates, baseline/value for times. {@code target} is for reading; {@code met} is null when
   * the figure has no target.
   */
  record Figure(String benchmark, String metric, double value, String unit, Double baseline, String baselineUnit,
      Double ratio, String target, Boolean met, Map<String, Object> details) {}

  final Map<String, Object> run = new LinkedHashMap<>();
  private final List<Figure> figures = new ArrayList<>();

  synchronized void add(Figure f) {
    figures.add(f);
    System.out.println("[bench] " + line(f));
  }

  /** A figure without baseline, with an upper bound as target (null: no target). */
  void add(String benchmark, String metric, double value, String unit, Double maxTarget, Map<String, Object> details) {
    add(new Figure(benchmark, metric, Latencies.round(value), unit, null, null, null,
        maxTarget == null ? null : "<= " + fmt(maxTarget) + " " + unit,
        maxTarget == null ? null : value <= maxTarget, details));
  }

  /** A figure beside its baseline: ratio = value / baseline (a rate: higher is better). */
  void addRatio(String benchmark, String metric, double value, double baseline, String unit, double minRatio,
      Map<String, Object> details) {
    double ratio = value / baseline;
    add(new Figure(benchmark, metric, Latencies.round(value), unit, Latencies.round(baseline), unit,
        Math.round(ratio * 100) / 100.0, "ratio >= " + fmt(minRatio), ratio >= minRatio, details));
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-15s | %-44s | %14s | %14s | %6s | %-18s | %s%n", "benchmark", "figure", "Huian", "baseline",
        "ratio", "target", "met"));
    sb.append("-".repeat(130)).append('\n');
    for (Figure f : figures) {
      sb.append(String.format("%-15s | %-44s | %14s | %14s | %6s | %-18s | %s%n", f.benchmark(), f.metric(),
          fmt(f.value()) + " " + f.unit(), f.baseline() == null ? "" : fmt(f.baseline()) + " " + f.baselineUnit(),
          f.ratio() == null ? "" : fmt(f.ratio()), f.target() == null ? "" : f.target(),
          f.met() == null ? "" : f.met() ? "yes" : "NO"));
    }
    return sb.toString();
  }

  void write(Path out) throws IOException {
    Files.createDirectories(out);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("writtenAt", Instant.now().toString());
    json.put("run", run);
    json.put("figures", figures);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), json);
    Files.writeString(out.resolve("results.txt"), table());
  }

  private static String line(Figure f) {
    return f.benchmark() + " / " + f.metric() + ": " + fmt(f.value()) + " " + f.unit()
        + (f.baseline() == null ? "" : " (baseline " + fmt(f.baseline()) + (f.ratio() == null ? "" : ", ratio " + fmt(f.ratio())) + ")")
        + (f.met() == null ? "" : f.met() ? " target met" : " TARGET MISSED") + (f.details() == null ? "" : " " + f.details());
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format("%.2f", v);
  }
}
