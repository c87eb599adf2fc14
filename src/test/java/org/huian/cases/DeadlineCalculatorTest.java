package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.huian.geography.Level;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  static DeadlineCalculator calculator(DeadlineProperties.Mode mode) {
    return new DeadlineCalculator(new DeadlineProperties(mode, 0.8, Duration.ofDays(30), BEIJING));
  }

  static Instant at(String dateTime) {
    return java.time.LocalDateTime.parse(dateTime).atZone(BEIJING).toInstant();
  }

  @Test
  void shouldCountCalendarDaysAndWarnAtEightyPercent() {
    DeadlineCalculator.Window w = calculator(DeadlineProperties.Mode.CALENDAR).window(at("2026-11-27T09:00"), "P7D", Level.STREET);
    assertThat(w.deadline()).isEqualTo(at("2026-12-04T09:00"));
    assertThat(Duration.between(at("2026-11-27T09:00"), w.warnAt())).isEqualTo(Duration.ofDays(7).multipliedBy(8).dividedBy(10));
  }

  @Test
  void shouldNeverGiveAStreetMoreThanThirtyDays() {
    DeadlineCalculator.Window w = calculator(DeadlineProperties.Mode.CALENDAR).window(at("2026-11-27T09:00"), "P45D", Level.STREET);
    assertThat(w.deadline()).isEqualTo(at("2026-12-27T09:00"));
    DeadlineCalculator.Window district = calculator(DeadlineProperties.Mode.CALENDAR).window(at("2026-11-27T09:00"), "P45D", Level.DISTRICT);
    assertThat(district.deadline()).isEqualTo(at("2027-01-11T09:00"));
  }

  @Test
  void shouldSkipWeekendsAndHolidaysAndCountMakeUpDaysInWorkingDayMode() {
    DeadlineCalculator calc = calculator(DeadlineProperties.Mode.WORKING_DAYS);
    // Friday 2026-11-27 + 3 working days = Wednesday 2026-12-02
    assertThat(calc.window(at("2026-11-27T09:00"), "P3D", Level.COMMUNITY).deadline()).isEqualTo(at("2026-12-02T09:00"));
    // National Day 2026: Oct 1-7 off, Saturday Oct 10 is a make-up working day
    assertThat(calc.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
    assertThat(calc.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    // Wednesday 2026-09-30 + 2 working days = Friday Oct 9 (Oct 1-7 off, Oct 8 Thursday works)
    assertThat(calc.window(at("2026-09-30T10:00"), "P2D", Level.GRID).deadline()).isEqualTo(at("2026-10-09T10:00"));
  }

  @Test
  void shouldAcceptHourDurationsForShortLevels() {
    assertThat(calculator(DeadlineProperties.Mode.CALENDAR).window(at("2026-11-27T09:00"), "PT4H", Level.GRID).deadline())
        .isEqualTo(at("2026-11-27T13:00"));
  }
}
