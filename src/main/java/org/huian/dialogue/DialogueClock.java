package org.huian.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for the whole dialogue area comes from the engine's clock, so a test can run a year by
 * moving {@link ClockUtil}; days are Beijing days.
 */
public final class DialogueClock {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private DialogueClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), BEIJING);
  }

  /** The end of a deadline day (24:00 Beijing): a task is overdue after it. */
  public static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(BEIJING).toInstant());
  }

  /** 09:00 Beijing on the day after the quarter ends: when its bulletin is issued. */
  public static Date bulletinTime(int year, int quarter) {
    LocalDate firstOfNext = LocalDate.of(year, quarter * 3, 1).plusMonths(1);
    return Date.from(ZonedDateTime.of(firstOfNext.atTime(9, 0), BEIJING).toInstant());
  }

  public static int quarterOf(LocalDate day) {
    return (day.getMonthValue() - 1) / 3 + 1;
  }

  public static String format(LocalDate day) {
    return day == null ? "—" : DAY.format(day);
  }
}
