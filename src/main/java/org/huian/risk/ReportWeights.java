package org.huian.risk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each grid report's decayed weight precomputed, so that the index sums a column instead
 * of evaluating an exponential per report per computation.
 *
 * <p>The decay factorises: {@code exp(−λ(at − t)) = exp(−λ(at − base)) · exp(λ(t − base))}. Each
 * report stores {@code weight = severityWeight · exp(λ(t − base))} once; the index at any moment
 * {@code at} is {@code exp(−λ(at − base)) · Σ weight}. The basis (half-life, base moment, severity
 * weights) is kept in {@code risk_weight_basis}; when the settings change, or the base lies so far
 * back that the numbers would grow too large, every weight is recomputed. New reports are
 * weighted by the first computation after they arrive, by the same SQL, whatever way they came in.
 * Every node of a cluster must run with the same {@code huian.risk} settings.
 */
@Component
public class ReportWeights {

  private static final Logger log = LoggerFactory.getLogger(ReportWeights.class);
  /** Rebase before exp(λ(t − base)) exceeds e^500: far below a double's limit of e^709. */
  static final double MAX_EXPONENT = 500;

  /** The basis in force: λ per second and the base moment in epoch seconds. */
  public record Basis(double lambda, long baseEpoch) {
    /** The factor that brings stored weights to the moment {@code at}. */
    public double toMoment(Instant at) {
      return Math.exp(-lambda * (at.getEpochSecond() - baseEpoch));
    }
  }

  private final JdbcClient jdbc;
  private final RiskRepository repository;
  private final RiskProperties properties;

  ReportWeights(JdbcClient jdbc, RiskRepository repository, RiskProperties properties) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.properties = properties;
  }

  /** Makes sure every report is weighted on the current basis, and answers that basis. */
  public synchronized Basis ensure(Instant now) {
    String severities = properties.severityWeights().stream().map(String::valueOf).collect(Collectors.joining(","));
    long halfLife = properties.halfLife().toSeconds();
    List<Basis> stored = jdbc.sql("SELECT half_life_seconds, base_epoch, severity_weights FROM risk_weight_basis WHERE id = 1")
        .query((rs, n) -> rs.getLong(1) == halfLife && rs.getString(3).equals(severities)
            ? new Basis(properties.decayPerSecond(), rs.getLong(2)) : null)
        .list();
    Basis basis = stored.isEmpty() ? null : stored.get(0);
    if (basis == null || properties.decayPerSecond() * (now.getEpochSecond() - basis.baseEpoch()) > MAX_EXPONENT) {
      basis = new Basis(properties.decayPerSecond(), now.truncatedTo(ChronoUnit.DAYS).getEpochSecond());
      long started = System.nanoTime();
      jdbc.sql("DELETE FROM risk_weight_basis").update();
      jdbc.sql("INSERT INTO risk_weight_basis (id, half_life_seconds, base_epoch, severity_weights) VALUES (1, ?, ?, ?)")
          .params(halfLife, basis.baseEpoch(), severities).update();
      int n = weigh(basis, "");
      log.info("report weights recomputed on a new basis (half-life {} s, severity weights {}): {} reports in {} ms", halfLife,
          severities, n, (System.nanoTime() - started) / 1_000_000);
    } else {
      int n = weigh(basis, " WHERE weight IS NULL");
      if (n > 0) {
        log.debug("{} new reports weighted", n);
      }
    }
    return basis;
  }

  private int weigh(Basis basis, String where) {
    List<Double> s = properties.severityWeights();
    String epoch = repository.epochSeconds("occurred_at");
    String base = "(CASE severity WHEN 1 THEN " + s.get(0) + " WHEN 2 THEN " + s.get(1) + " WHEN 3 THEN " + s.get(2) + " WHEN 4 THEN "
        + s.get(3) + " ELSE " + s.get(4) + " END) * EXP((" + epoch + " - " + basis.baseEpoch() + ") * " + basis.lambda() + ")";
    return jdbc.sql("UPDATE grid_reports SET weight = " + base + ", sentiment_weight = CASE WHEN kind = 'SENTIMENT' THEN " + base
        + " ELSE 0 END" + where).update();
  }
}
