package org.huian.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.huian.geography.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Huian's own metrics, exported by Actuator at {@code /actuator/prometheus}: {@code
 * huian_cases_open{level}}, {@code huian_escalations_total{level,reason}} (level = the level the
 * case left), {@code huian_sla_breaches_total{level}} and {@code huian_intake_seconds}.
 */
@Component
public class HuianMetrics {

  private final MeterRegistry registry;
  private final JdbcClient jdbc;
  private final MultiGauge openCases;
  private final Timer intake;

  /**
   * Every escalation reason, as {@code EscalationReason} names them (the cases package uses these
   * metrics, so this one cannot import it; HuianMetricsTest checks they agree).
   */
  public static final List<String> ESCALATION_REASONS = List.of("DEADLINE", "MANUAL", "DISSATISFIED");

  HuianMetrics(MeterRegistry registry, JdbcClient jdbc) {
    this.registry = registry;
    this.jdbc = jdbc;
    // every series exists from the first scrape at 0: rate() and increase() need the zero to start from
    for (Level level : Level.values()) {
      if (level.up() != null) {
        for (String reason : ESCALATION_REASONS) {
          escalations(level, reason);
        }
      }
      breaches(level);
    }
    this.openCases = MultiGauge.builder("huian.cases.open").description("cases not yet closed, by current level").register(registry);
    this.intake = Timer.builder("huian.intake").description("time to take in a case through POST /api/cases")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  public void escalated(Level from, String reason) {
    escalations(from, reason).increment();
  }

  public void slaBreached(Level level) {
    breaches(level).increment();
  }

  private Counter escalations(Level from, String reason) {
    return Counter.builder("huian.escalations").description("cases moved one level up").tags("level", from.name(), "reason", reason)
        .register(registry);
  }

  private Counter breaches(Level level) {
    return Counter.builder("huian.sla.breaches").description("deadlines missed").tags("level", level.name())
        .register(registry);
  }

  public <T> T timeIntake(Supplier<T> work) {
    return intake.record(work);
  }

  /** Refreshes the open-case gauge from the database (cheap: one grouped count). */
  @Scheduled(fixedDelayString = "${huian.metrics.refresh-interval:PT30S}")
  public void refreshOpenCases() {
    List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    jdbc.sql("SELECT level, COUNT(*) FROM cases WHERE status NOT IN ('CLOSED', 'RESOLVED_FULFILLED', 'DUPLICATE') AND level IS NOT NULL GROUP BY level")
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    for (Level level : Level.values()) {
      rows.add(MultiGauge.Row.of(Tags.of("level", level.name()), counts.getOrDefault(level.name(), 0L)));
    }
    openCases.register(rows, true);
  }
}
