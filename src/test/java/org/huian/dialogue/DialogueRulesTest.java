package org.huian.dialogue;

import org.huian.security.DemoUsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huian.problem.FieldError;
import org.huian.geography.Geography;
import org.junit.jupiter.api.Test;

/** The input rules and the calendar of the dialogue area, without an engine. */
class DialogueRulesTest {

  static final Geography GEOGRAPHY = new Geography();

  @Test
  void shouldAcceptTrimmedTextAndRefuseControlCharactersLoneSurrogatesAndOverlongText() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(DialogueRules.text(errors, "t", "  停车难  ", 10, true, "问题")).isEqualTo("停车难");
    assertThat(DialogueRules.text(errors, "t", "😀😀", 10, true, "问题")).isEqualTo("😀😀");
    assertThat(errors).isEmpty();
    DialogueRules.text(errors, "a", "a\u0000b", 10, true, "问题");
    DialogueRules.text(errors, "b", "x\uD800", 10, true, "问题");
    DialogueRules.text(errors, "c", "长".repeat(11), 10, true, "问题");
    DialogueRules.text(errors, "d", "  ", 10, true, "问题");
    assertThat(DialogueRules.text(errors, "e", null, 10, false, "问题")).isNull();
    assertThat(errors).extracting(FieldError::field).containsExactly("a", "b", "c", "d");
  }

  @Test
  void shouldTakeTheBeijingDayOfAFormDateTime() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(DialogueRules.date(errors, "d", "2027-03-31", true, "日期")).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(DialogueRules.date(errors, "d", "2027-03-30T16:00:00.000Z", true, "日期")).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(DialogueRules.date(errors, "d", "31.03.2027", true, "日期")).isNull();
    assertThat(errors).hasSize(1);
  }

  @Test
  void shouldKnowStreetsAndResponsibleUnits() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(DialogueRules.street(errors, GEOGRAPHY, "s", "110101004000").name()).isEqualTo("安定门街道综治中心");
    assertThat(DialogueRules.responsibleUnit(errors, GEOGRAPHY, "u", DemoUsers.DISTRICT_CODE)).isNotNull();
    assertThat(errors).isEmpty();
    assertThat(DialogueRules.street(errors, GEOGRAPHY, "s", "110101099000")).isNull();
    assertThat(DialogueRules.street(errors, GEOGRAPHY, "s", DemoUsers.DISTRICT_CODE)).isNull();
    assertThat(DialogueRules.responsibleUnit(errors, GEOGRAPHY, "u", "110101004001")).as("a community").isNull();
    assertThat(errors).hasSize(3);
  }

  @Test
  void shouldOnlyLetReadableNumbersThrough() {
    assertThat(List.of("PAKT-2027", "RW-2027-0001", "MC-0001", "TB-2027-Q1", "TB-2027-ND"))
        .allMatch(DialogueRules::number);
    assertThat(List.of("", "rw-2027", "RW-2027-0001\u0000", "' OR 1=1 --", "X".repeat(40)))
        .noneMatch(DialogueRules::number);
  }

  @Test
  void shouldIssueEachBulletinTheMorningAfterItsQuarterAndEndDeadlinesAtMidnight() {
    assertThat(DialogueClock.bulletinTime(2027, 1).toInstant())
        .isEqualTo(ZonedDateTime.of(2027, 4, 1, 9, 0, 0, 0, DialogueClock.BEIJING).toInstant());
    assertThat(DialogueClock.bulletinTime(2027, 4).toInstant())
        .isEqualTo(ZonedDateTime.of(2028, 1, 1, 9, 0, 0, 0, DialogueClock.BEIJING).toInstant());
    assertThat(DialogueClock.quarterOf(LocalDate.of(2027, 12, 31))).isEqualTo(4);
    assertThat(DialogueClock.endOf(LocalDate.of(2027, 3, 15)).toInstant())
        .isEqualTo(ZonedDateTime.of(2027, 3, 16, 0, 0, 0, 0, DialogueClock.BEIJING).toInstant());
  }
}
