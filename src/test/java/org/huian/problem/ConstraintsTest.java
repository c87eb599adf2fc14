package org.huian.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Arrays;
import java.util.List;
import org.huian.dialogue.ProblemListService.LinkRequest;
import org.huian.dialogue.ProblemListService.MeetingRequest;
import org.huian.dialogue.ProblemListService.ProblemRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jakarta constraints of a request record come back as field errors named by JSON path, one per field. */
class ConstraintsTest {

  static ValidatorFactory factory;
  static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @Test
  void shouldNameNestedFieldsByTheirJsonPathWithOneMessagePerField() {
    MeetingRequest meeting = new MeetingRequest("", "2027-05-10", "110101004000", "x".repeat(2001), null,
        Arrays.asList(new ProblemRequest(null, "停车难", null, List.of(new LinkRequest("PHOTO", "WT-1"))), null,
            new ProblemRequest(null, " ", null, null)));

    List<FieldError> errors = Constraints.check(validator, meeting);

    assertThat(errors).containsExactlyInAnyOrder(
        new FieldError("mode", "请选择恳谈方式"),
        new FieldError("participants", "参加人员不能超过 2000 字"),
        new FieldError("problems[0].links[0].kind", "关联类型须为 CASE、GRID_REPORT 或 RISK_CLUSTER"),
        new FieldError("problems[1]", "问题不能为空"),
        new FieldError("problems[2].title", "请填写问题概述"));
  }

  @Test
  void shouldFindNothingInAValidBody() {
    MeetingRequest meeting = new MeetingRequest("RANDOM_VISIT", "2027-05-10", "110101004000", "干警与居民", "座谈",
        List.of(new ProblemRequest(null, "停车难", "胡同停车", List.of(new LinkRequest("GRID_REPORT", "GR-2027-0001")))));

    assertThat(Constraints.check(validator, meeting)).isEmpty();
    assertThat(Constraints.check(validator, null)).isEmpty();
  }
}
