package org.huian.open311;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huian.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One token bucket per API key (Bucket4j): {@code ratePerMinute} requests, refilled greedily over
 * each minute. Held in memory, so each node of a cluster counts on its own (docs/open311.md).
 */
@Component
class Open311RateLimits {

  private record Keyed(int rate, Bucket bucket) {}

  private final Map<Long, Keyed> buckets = new ConcurrentHashMap<>();

  /** Takes one request from the client's bucket, or refuses with 429 and how long to wait. */
  void take(Open311Keys.Client client) {
    Keyed keyed = buckets.compute(client.id(), (id, old) -> old != null && old.rate() == client.ratePerMinute() ? old
        : new Keyed(client.ratePerMinute(), Bucket.builder().addLimit(Bandwidth.builder()
            .capacity(client.ratePerMinute()).refillGreedy(client.ratePerMinute(), Duration.ofMinutes(1)).build()).build()));
    ConsumptionProbe probe = keyed.bucket().tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "该 api_key 的请求过于频繁（每分钟上限 "
          + client.ratePerMinute() + " 次），请 " + Math.max(1, wait.toSeconds() + 1) + " 秒后重试", null, wait);
    }
  }
}
