package org.huian.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recorded latencies (nanoseconds) and their percentiles in milliseconds. */
final class Latencies {

  private final long[] nanos;
  private int size;

  Latencies(int capacity) {
    nanos = new long[capacity];
  }

  synchronized void add(long n) {
    nanos[size++] = n;
  }

  synchronized int size() {
    return size;
  }

  /** The p-th percentile (nearest rank) in milliseconds. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", size());
    m.put("p50_ms", round(percentileMillis(50)));
    m.put("p95_ms", round(percentileMillis(95)));
    m.put("p99_ms", round(percentileMillis(99)));
    m.put("max_ms", round(percentileMillis(100)));
    return m;
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
