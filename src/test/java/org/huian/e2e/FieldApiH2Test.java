package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.huian.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The API behind the grid workers' app over real HTTP: the sign-in token (issued only for a
 * password, accepted for reads and writes, refused when altered), the worker's grids and tasks,
 * and the grid report's externalRef the app's outbox relies on (a repeat is the same report).
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-field-api;DB_CLOSE_DELAY=-1")
class FieldApiH2Test extends AbstractApiTest {

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void shouldIssueATokenForAPasswordAndAcceptItForReadsAndWrites() throws Exception {
    // (a wrong password for another user: Camunda then holds that user's logins back for a few seconds)
    assertThat(send("POST", "/api/field/token", basic("community-110101004001", "wrong"), null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/api/field/token", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> issued = send("POST", "/api/field/token", basic(DemoUsers.GRID_USER, "demo"), null);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    JsonNode session = HuianClient.JSON.readTree(issued.body());
    String token = session.path("token").asText();
    assertThat(session.path("me").path("grids").findValuesAsText("code")).containsExactly(ANDINGMEN_GRID);
    assertThat(session.path("me").path("grids").get(0).path("communityName").asText()).isEqualTo("交北头条社区");
    assertThat(session.path("expiresAt").asText()).isNotBlank();

    HttpResponse<String> me = send("GET", "/api/field/me", "Bearer " + token, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(HuianClient.JSON.readTree(me.body()).path("userId").asText()).isEqualTo(DemoUsers.GRID_USER);

    // a write with the token: a grid report, whose externalRef makes a repeat the same report
    String body = HuianClient.write(Map.of("externalRef", "m-field-api-1", "kind", "OBJECT", "gridId", ANDINGMEN_GRID,
        "description", "井盖缺失", "severity", 3, "occurredAt", now.toString()));
    HttpResponse<String> first = send("POST", "/api/grid-reports", "Bearer " + token, body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    HttpResponse<String> again = send("POST", "/api/grid-reports", "Bearer " + token, body);
    assertThat(again.statusCode()).as("a repeat of the same report").isEqualTo(200);
    assertThat(HuianClient.JSON.readTree(again.body()).path("reportNo").asText())
        .isEqualTo(HuianClient.JSON.readTree(first.body()).path("reportNo").asText());
    String changed = body.replace("井盖缺失", "井盖松动");
    assertThat(send("POST", "/api/grid-reports", "Bearer " + token, changed).statusCode()).as("same ref, other content").isEqualTo(409);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM grid_reports WHERE external_ref = 'm-field-api-1'").query(Long.class).single()).isOne();
    assertThat(jdbc.sql("SELECT reported_by FROM grid_reports WHERE external_ref = 'm-field-api-1'").query(String.class).single())
        .isEqualTo(DemoUsers.GRID_USER);

    // a token never mints a token, and an altered one is refused
    assertThat(send("POST", "/api/field/token", "Bearer " + token, null).statusCode()).isEqualTo(403);
    String[] parts = token.split("\\.");
    String district = Base64.getUrlEncoder().withoutPadding().encodeToString("district".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> forged = send("GET", "/api/cases", "Bearer " + district + "." + parts[1] + "." + parts[2], null);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(send("GET", "/api/cases", "Bearer nonsense", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/cases", "Bearer ", null).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldListTheGridLevelTasksOfTheWorkersGridsWithTheirDeadlines() throws Exception {
    String caseNo = create(b -> {
      gridAppNeighbourDispute(b);
      b.put("title", "楼道噪音");
    }).path("caseNo").asText();
    String streetCase = create(b -> { }).path("caseNo").asText(); // enters at the street: not a grid task

    String token = token(DemoUsers.GRID_USER);
    HttpResponse<String> r = send("GET", "/api/field/tasks", "Bearer " + token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode items = HuianClient.JSON.readTree(r.body()).path("items");
    assertThat(items.findValuesAsText("caseNo")).contains(caseNo).doesNotContain(streetCase);
    JsonNode task = null;
    for (JsonNode t : items) {
      if (t.path("caseNo").asText().equals(caseNo)) {
        task = t;
      }
    }
    assertThat(task.path("warning").asText()).isEqualTo("OK");
    assertThat(task.path("gridId").asText()).isEqualTo(ANDINGMEN_GRID);
    assertThat(task.path("deadline").asText()).isNotBlank();

    // past 80 % of the grid's time the task is NEAR, past the deadline (the case moves up) it is gone
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("case-funnel").singleResult().getId();
    fire(pi, "Timer_LevelWarning");
    JsonNode near = find(HuianClient.JSON.readTree(send("GET", "/api/field/tasks", "Bearer " + token, null).body()), caseNo);
    assertThat(near.path("warning").asText()).isEqualTo("NEAR");
    assertThat(near.path("warningName").asText()).isEqualTo("临期");

    // a street user belongs to no grid: no grids, no tasks
    HttpResponse<String> street = send("GET", "/api/field/tasks", basic(STREET_USER, "demo"), null);
    assertThat(HuianClient.JSON.readTree(street.body()).path("items")).isEmpty();
    assertThat(HuianClient.JSON.readTree(send("GET", "/api/field/me", basic(STREET_USER, "demo"), null).body()).path("grids")).isEmpty();
  }

  static JsonNode find(JsonNode tasks, String caseNo) {
    for (JsonNode t : tasks.path("items")) {
      if (t.path("caseNo").asText().equals(caseNo)) {
        return t;
      }
    }
    throw new AssertionError("no task for " + caseNo + " in " + tasks);
  }

  String token(String user) throws Exception {
    return HuianClient.JSON.readTree(send("POST", "/api/field/token", basic(user, "demo"), null).body()).path("token").asText();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(String method, String path, String authorization, String json) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
