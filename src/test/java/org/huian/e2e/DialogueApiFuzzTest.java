package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.dialogue.DialogueClock;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The safety-dialogue API fuzzed on a real PostgreSQL server: over 1,000 generated malformed or
 * hostile requests against every POST and PUT endpoint of {@code /api/dialogue}. No answer may be a
 * 5xx, every refusal is problem+json, and nothing is stored but what was accepted.
 */
class DialogueApiFuzzTest extends AbstractApiTest {

  static final long SEED = 20270104L;
  static final String DISTRICT = "district";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_dialogue_fuzz");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Test
  void shouldAnswerEveryMalformedDialogueRequestWithA4xxProblemAndStoreNothing() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 5, 10, 10, 0, 0, 0, DialogueClock.BEIJING).toInstant()));
    JsonFuzzer fuzz = new JsonFuzzer(client, SEED);
    Map<String, Object> officer = Map.of("name", "王法官", "organisation", "COURT", "role", "员额法官",
        "contact", "010-64000000", "streetCode", ANDINGMEN);
    String officerNo = client.post(DISTRICT, "/api/dialogue/officers", officer).body().path("officerNo").asText();
    String reportNo = client.post(STREET_USER, "/api/grid-reports", Map.of("kind", "PLACE", "gridId", ANDINGMEN_GRID,
        "description", "胡同停车", "severity", 2, "occurredAt", "2027-05-09T10:00:00+08:00")).body().path("reportNo").asText();
    Map<String, Object> meeting = Map.of("mode", "GROUP_MEETING", "date", "2027-05-10", "streetCode", ANDINGMEN,
        "participants", "干警与居民", "notes", "座谈", "problems", List.of(Map.of("title", "停车难", "description", "胡同停车",
            "links", List.of(Map.of("kind", "GRID_REPORT", "reference", reportNo)))));
    Reply first = client.post(STREET_USER, "/api/dialogue/meetings", meeting);
    assertThat(first.status()).as(first.raw()).isEqualTo(201);
    String meetingNo = first.body().path("meetingNo").asText();
    List<String> problems = first.body().path("problems").findValuesAsText("problemNo");
    String spare = client.post(STREET_USER, "/api/dialogue/problems", Map.of("meetingNo", meetingNo, "title", "占道经营"))
        .body().path("problemNo").asText();
    String taskNo = client.post(DISTRICT, "/api/dialogue/tasks", Map.of("title", "停车整治", "problemNos", problems,
        "responsibleUnit", ANDINGMEN, "deadline", "2027-09-30", "target", "新增车位 50 个")).body().path("taskNo").asText();

    long officers = count("dialogue_officers");
    long meetings = count("dialogue_meetings");
    long problemRows = count("dialogue_problems");
    long tasks = count("dialogue_tasks");
    long reports = count("dialogue_progress");

    Map<String, JsonNode> valid = new java.util.LinkedHashMap<>();
    valid.put("/api/dialogue/officers", json(officer));
    valid.put("/api/dialogue/meetings", json(meeting));
    valid.put("/api/dialogue/problems", json(Map.of("meetingNo", meetingNo, "title", "噪音", "description", "夜间施工",
        "links", List.of(Map.of("kind", "GRID_REPORT", "reference", reportNo)))));
    valid.put("/api/dialogue/tasks", json(Map.of("title", "占道整治", "problemNos", List.of(spare), "responsibleUnit", ANDINGMEN,
        "deadline", "2027-08-31", "target", "占道点位清零", "areaCode", ANDINGMEN_COMMUNITY)));
    valid.put("/api/dialogue/tasks/" + taskNo + "/progress", json(Map.of("percent", 40, "narrative", "已施划车位",
        "reason", "", "hard", false)));
    valid.put("/api/dialogue/tasks/" + taskNo + "/coordination", json(Map.of("decision", "区交通委协调", "newDeadline", "2027-10-31")));
    valid.put("/api/dialogue/reviews", json(Map.of("taskNo", taskNo, "rating", "SOLVED", "evidence", "车位到位")));
    valid.put("/api/dialogue/assessments", json(Map.of("cycleNo", "PAKT-2027", "summary", "总结")));
    valid.put("/api/dialogue/assessments/PAKT-2027/" + ANDINGMEN + "/admonition", json(Map.of("heldOn", "2027-05-10", "note", "约谈")));
    Map<String, String> users = Map.of("/api/dialogue/meetings", STREET_USER, "/api/dialogue/problems", STREET_USER,
        "/api/dialogue/tasks/" + taskNo + "/progress", STREET_USER);
    valid.forEach((path, body) -> fuzz.post(users.getOrDefault(path, DISTRICT), path, body, path.endsWith("/officers")
        || path.endsWith("/meetings") || path.endsWith("/tasks") || path.endsWith("/progress") || path.endsWith("/problems") ? 150 : 60));

    JsonNode put = json(officer);
    for (int i = 0; i < 120; i++) {
      String body = i % 10 == 0 ? fuzz.pick(List.of("", "null", "[]", "{\"name\":", put + "x"))
          : fuzz.mutate(put.deepCopy()).toString();
      fuzz.check("/api/dialogue/officers/" + officerNo, client.putRaw(DISTRICT, "/api/dialogue/officers/" + officerNo,
          i % 17 == 0 ? "text/plain" : "application/json", body));
    }

    assertThat(fuzz.sent).isGreaterThanOrEqualTo(1000);
    assertThat(fuzz.failures).as("answers that break the rules").isEmpty();
    assertThat(fuzz.accepted("officers") + fuzz.accepted("meetings") + fuzz.accepted("problems"))
        .as("some mutations are still valid, so the counts below are not vacuous").isPositive();
    assertThat(count("dialogue_officers")).as("only accepted officers are stored").isEqualTo(officers + fuzz.accepted("officers"));
    assertThat(count("dialogue_meetings")).as("only accepted meetings are stored").isEqualTo(meetings + fuzz.accepted("meetings"));
    long fromMeetings = jdbc.sql("SELECT COUNT(*) FROM dialogue_problems WHERE meeting_no <> ?").param(meetingNo)
        .query(Long.class).single();
    assertThat(count("dialogue_problems")).as("only accepted problems are stored")
        .isEqualTo(problemRows + fuzz.accepted("problems") + fromMeetings);
    assertThat(count("dialogue_tasks")).as("only accepted tasks are stored").isEqualTo(tasks + fuzz.accepted("tasks"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("dialogue-task").count())
        .as("one process per stored task").isLessThanOrEqualTo(count("dialogue_tasks"));
    assertThat(count("dialogue_progress")).as("only accepted reports are stored").isEqualTo(reports + fuzz.accepted("progress"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dialogue_tasks WHERE rating IS NOT NULL").query(Long.class).single())
        .as("no review before the year ends").isZero();
    assertThat(count("dialogue_assessments")).isZero();
  }

  static JsonNode json(Object o) {
    return HuianClient.JSON.valueToTree(o);
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
