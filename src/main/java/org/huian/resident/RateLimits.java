package org.huian.resident;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huian.problem.FieldError;
import org.huian.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Bucket4j token buckets for the login-free endpoints, one per address (and per phone number for
 * reports), held in this JVM's memory and bounded: the least recently used are forgotten first.
 * A refusal is a 429 problem+json with {@code Retry-After}. In a cluster each node counts on its
 * own, so the effective limit is the node count times the configured one (docs/field-and-residents.md).
 */
@Component
class RateLimits {

  enum Kind { REPORT_IP, REPORT_PHONE, READ_IP }

  private final ResidentProperties properties;
  private final Map<String, Bucket> buckets;

  RateLimits(ResidentProperties properties) {
    this.properties = properties;
    int max = properties.maxTrackedAddresses();
    this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > max;
      }
    };
  }

  /** Takes one token for {@code key}, or refuses with 429 naming how long to wait. */
  void take(Kind kind, String key) {
    Bucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(kind + ":" + key, k -> newBucket(kind));
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      Duration wait = Duration.ofSeconds(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
      String detail = switch (kind) {
        case REPORT_IP -> "提交过于频繁，请 " + minutes(wait) + " 后再试";
        case REPORT_PHONE -> "该手机号码提交过于频繁，请 " + minutes(wait) + " 后再试";
        case READ_IP -> "查询过于频繁，请稍后再试";
      };
      List<FieldError> errors = kind == Kind.REPORT_PHONE ? List.of(new FieldError("phone", detail)) : List.of();
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, detail, errors, wait);
    }
  }

  private Bucket newBucket(Kind kind) {
    int n = switch (kind) {
      case REPORT_IP -> properties.reportsPerIp();
      case REPORT_PHONE -> properties.reportsPerPhone();
      case READ_IP -> properties.readsPerIp();
    };
    Duration period = kind == Kind.READ_IP ? Duration.ofMinutes(1) : properties.reportPeriod();
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(n).refillIntervally(n, period).build()).build();
  }

  private static String minutes(Duration d) {
    long m = (d.getSeconds() + 59) / 60;
    return m <= 1 ? "1 分钟" : m + " 分钟";
  }
}
