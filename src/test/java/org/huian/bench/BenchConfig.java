package org.huian.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a benchmark run, all from system properties (failsafe passes {@code -D} options
 * through): {@code bench.scale} multiplies every count (1 = the documented full run),
 * {@code bench.jdbcUrl}/{@code bench.bareJdbcUrl} use a given PostgreSQL instead of an embedded
 * one, {@code bench.appJvm} and {@code bench.appArgs} change how the application is started.
 */
record BenchConfig(
    double scale, Path jar, Path out,
    String jdbcUrl, String bareJdbcUrl, String jdbcUser, String jdbcPassword,
    List<String> appJvm, List<String> appArgs) {

  /** The heap the application gets in the benchmark (and the one docs/performance.md recommends). */
  static final String DEFAULT_APP_JVM = "-Xms512m -Xmx512m -XX:+UseG1GC";

  static BenchConfig fromSystemProperties() {
    String jar = System.getProperty("bench.jar");
    if (jar == null) {
      throw new IllegalStateException("bench.jar is not set: run the benchmarks with mvn -Pbench verify");
    }
    return new BenchConfig(
        Double.parseDouble(System.getProperty("bench.scale", "1")),
        Path.of(jar),
        Path.of(System.getProperty("bench.out", "target/bench")),
        blankToNull(System.getProperty("bench.jdbcUrl")),
        blankToNull(System.getProperty("bench.bareJdbcUrl")),
        System.getProperty("bench.jdbcUser", "postgres"),
        System.getProperty("bench.jdbcPassword", ""),
        split(System.getProperty("bench.appJvm", DEFAULT_APP_JVM)),
        split(System.getProperty("bench.appArgs", "")));
  }

  /** A count of the full run, scaled; never below {@code min}. */
  int scaled(int full, int min) {
    return Math.max(min, (int) Math.round(full * scale));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    for (String p : s.trim().split("\\s+")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return parts;
  }
}
