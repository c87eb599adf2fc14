package org.huian.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.huian.geography.Level;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * All deadline arithmetic of Huian. The DMN table {@code case-deadlines} says how long a level
 * has (an ISO-8601 duration such as {@code P7D}); this bean turns that into an instant, in
 * calendar days or in working days, and places the warning at 80 % of the time allowed.
 */
@Component
public class DeadlineCalculator {

  /** A level's deadline and the moment of its early warning. */
  public record Window(Instant warnAt, Instant deadline) {}

  private final DeadlineProperties properties;
  private final Map<LocalDate, Boolean> workingOverrides = new HashMap<>();

  public DeadlineCalculator(DeadlineProperties properties) {
    this.properties = properties;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new ClassPathResource("data/holidays-cn.csv").getInputStream(), StandardCharsets.UTF_8))) {
      in.lines()
          .skip(1)
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split(","))
          .forEach(f -> workingOverrides.put(LocalDate.parse(f[0]), "WORK".equals(f[1])));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data/holidays-cn.csv", e);
    }
  }

  /**
   * The deadline of a level entered at {@code start} with the time allowed {@code allowed} (an
   * ISO-8601 period of days, {@code P7D}, or a duration, {@code PT4H}).
   */
  public Window window(Instant start, String allowed, Level level) {
    Instant deadline = deadline(start, allowed);
    if (level == Level.STREET && Duration.between(start, deadline).compareTo(properties.streetCap()) > 0) {
      deadline = start.plus(properties.streetCap());
    }
    long millis = Duration.between(start, deadline).toMillis();
    Instant warnAt = start.plusMillis(Math.round(millis * properties.warningFraction()));
    return new Window(warnAt, deadline);
  }

  Instant deadline(Instant start, String allowed) {
    if (allowed == null || allowed.isBlank()) {
      throw new IllegalArgumentException("the deadline table gave no duration");
    }
    String iso = allowed.trim().toUpperCase();
    if (iso.contains("T")) {
      return start.plus(Duration.parse(iso));
    }
    Period period = Period.parse(iso);
    ZonedDateTime at = start.atZone(properties.zone());
    if (properties.mode() == DeadlineProperties.Mode.CALENDAR) {
      return at.plus(period).toInstant();
    }
    int days = Math.toIntExact(period.toTotalMonths() * 30 + period.getDays());
    ZonedDateTime cursor = at;
    while (days > 0) {
      cursor = cursor.plusDays(1);
      if (isWorkingDay(cursor.toLocalDate())) {
        days--;
      }
    }
    return cursor.toInstant();
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean override = workingOverrides.get(day);
    if (override != null) {
      return override;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
