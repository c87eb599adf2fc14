package org.huian.cases;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huian.deadlines.*}: how a level's deadline is counted.
 *
 * @param mode CALENDAR (default) counts calendar days; WORKING_DAYS skips weekends and the
 *     holidays of {@code data/holidays-cn.csv} and counts make-up working days
 * @param warningFraction share of the time allowed after which the case turns AMBER (0.8)
 * @param streetCap the longest a case may stay at a street, whatever the DMN says (30 days)
 * @param zone the zone whose calendar days count
 */
@ConfigurationProperties("huian.deadlines")
public record DeadlineProperties(Mode mode, Double warningFraction, Duration streetCap, ZoneId zone) {

  public enum Mode {
    CALENDAR,
    WORKING_DAYS
  }

  public DeadlineProperties {
    mode = mode == null ? Mode.CALENDAR : mode;
    warningFraction = warningFraction == null ? 0.8 : warningFraction;
    streetCap = streetCap == null ? Duration.ofDays(30) : streetCap;
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    if (warningFraction <= 0 || warningFraction >= 1) {
      throw new IllegalArgumentException("huian.deadlines.warning-fraction must lie between 0 and 1");
    }
  }
}
