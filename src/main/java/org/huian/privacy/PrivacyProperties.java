package org.huian.privacy;

import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huian.privacy.*}: the retention periods of {@link RetentionPolicy} and the job that applies
 * them (docs/privacy.md). Periods are ISO-8601 ({@code P3Y}, {@code P180D}).
 *
 * @param closedCases how long after closure a case keeps its parties' names, phones and ID numbers
 * @param gridReports how long after it occurred a grid report not linked to a case keeps its subject's phone and name
 * @param outbox how long a notification not tied to a case (units' e-mail) keeps its recipient and text
 * @param accessLog how long an entry of the access log is kept (then deleted)
 * @param legalHold how long a judicial referral keeps its case from anonymisation, counted from the referral date
 * @param cron when the retention job runs (Spring cron, in {@code zone}); "-" switches it off
 * @param zone the zone of {@code cron}
 * @param batchSize cases per batch (each batch is one transaction and one checkpoint)
 */
@ConfigurationProperties("huian.privacy")
public record PrivacyProperties(Period closedCases, Period gridReports, Period outbox, Period accessLog,
    Period legalHold, String cron, ZoneId zone, Integer batchSize) {

  public PrivacyProperties {
    closedCases = closedCases == null ? Period.ofYears(3) : closedCases;
    gridReports = gridReports == null ? Period.ofYears(3) : gridReports;
    outbox = outbox == null ? Period.ofYears(1) : outbox;
    accessLog = accessLog == null ? Period.ofYears(3) : accessLog;
    legalHold = legalHold == null ? Period.ofYears(3) : legalHold;
    cron = cron == null || cron.isBlank() ? "0 30 2 * * *" : cron;
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    batchSize = batchSize == null ? 50 : batchSize;
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("huian.privacy.batch-size must lie between 1 and 1000");
    }
    for (Period p : new Period[] {closedCases, gridReports, outbox, accessLog, legalHold}) {
      if (p.isNegative()) {
        throw new IllegalArgumentException("huian.privacy periods must not be negative");
      }
    }
  }

  static PrivacyProperties defaults() {
    return new PrivacyProperties(null, null, null, null, null, null, null, null);
  }
}
