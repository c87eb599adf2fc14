package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.huian.cases.CaseFunnel;
import org.huian.cases.CaseHandling;
import org.huian.e2e.HuianClient.Reply;
import org.huian.notification.NotificationOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The funnel end to end over real HTTP: intake through {@code /api}, work through {@code
 * /engine-rest} as the demo users (so engine authorizations apply), deadlines by moving the engine
 * clock and firing the real timer jobs. Runs once on H2 and once on PostgreSQL.
 */
abstract class AbstractFunnelApiTest extends AbstractApiTest {

  @org.springframework.beans.factory.annotation.Autowired org.huian.operations.HuianMetrics metrics;
  @Autowired ProcessEngine processEngine;

  // ---------------------------------------------------------------------------------- entry

  @Test
  void shouldEnterAtTheLevelTheRoutingTableNames() {
    JsonNode grid = create(AbstractApiTest::gridAppNeighbourDispute);
    assertThat(grid.path("level").asText()).isEqualTo("GRID");
    assertThat(grid.path("unit").path("code").asText()).isEqualTo(ANDINGMEN_GRID);
    assertThat(Instant.parse(grid.path("deadline").asText())).isEqualTo(now.plus(Duration.ofDays(1)));

    JsonNode community = create(b -> location(b).put("communityCode", ANDINGMEN_COMMUNITY));
    assertThat(community.path("level").asText()).isEqualTo("COMMUNITY");
    assertThat(community.path("unit").path("code").asText()).isEqualTo(ANDINGMEN_COMMUNITY);
    assertThat(Instant.parse(community.path("deadline").asText())).isEqualTo(now.plus(Duration.ofDays(3)));

    JsonNode street = create(b -> b.put("category", "LABOUR"));
    assertThat(street.path("level").asText()).isEqualTo("STREET");
    assertThat(street.path("unit").path("name").asText()).isEqualTo("安定门街道综治中心");
    assertThat(street.path("complexity").asText()).isEqualTo("NORMAL");
    assertThat(Instant.parse(street.path("deadline").asText())).isEqualTo(now.plus(Duration.ofDays(7)));

    JsonNode district = create(b -> b.put("crossDepartment", true));
    assertThat(district.path("level").asText()).isEqualTo("DISTRICT");
    assertThat(district.path("complexity").asText()).isEqualTo("COMPLEX");
    assertThat(Instant.parse(district.path("deadline").asText())).isEqualTo(now.plus(Duration.ofDays(30)));

    JsonNode gridWithoutGridId = create(b -> {
      b.put("category", "SAFETY_HAZARD");
      b.put("channel", "GRID_APP");
      location(b).put("communityCode", ANDINGMEN_COMMUNITY);
    });
    assertThat(gridWithoutGridId.path("level").asText()).isEqualTo("COMMUNITY");

    JsonNode detail = client.get(STREET_USER, "/api/cases/" + street.path("caseNo").asText()).body();
    assertThat(types(detail)).containsExactly("RECEIVED", "ROUTED", "DISPATCHED");
    assertThat(detail.path("timeline").get(2).path("note").asText()).contains("法律服务");
    assertThat(handleTask(street.path("caseNo").asText()))
        .satisfies(t -> assertThat(taskService.getIdentityLinksForTask(t.getId()))
            .anyMatch(l -> (ANDINGMEN + "-legal").equals(l.getGroupId())));
  }

  // ---------------------------------------------------------------------------------- deadlines

  @Test
  void shouldKeepFullHistoryButNoVariableChangeLogForTheCaseProcesses() {
    String caseNo = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();
    String funnel = processInstance(caseNo);
    String handling = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(CaseHandling.KEY).singleResult().getId();

    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo("huian-full");
    assertThat(configuration.getHistoryLevel().getId()).as("full's id, so full databases start").isEqualTo(3);
    for (String pi : List.of(funnel, handling)) {
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("title")
          .singleResult().getValue()).as("current values are kept").isNotNull();
      assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi).count())
          .as("no variable-change log for %s", pi).isZero();
    }
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(funnel).includeInputs().list())
        .as("routing decisions with their inputs stay explainable")
        .isNotEmpty().allSatisfy(d -> assertThat(d.getInputs()).isNotEmpty());

    assertThat(client.post(STREET_USER, "/engine-rest/task/" + handleTask(caseNo).getId() + "/claim",
        Map.of("userId", STREET_USER)).status()).isEqualTo(204);
    assertThat(historyService.createUserOperationLogQuery().taskId(handleTask(caseNo).getId()).operationType("Claim").count())
        .as("the user operation log stays").isEqualTo(1);
  }

  @Test
  void shouldEscalateGridToCommunityToStreetToDistrictByDeadlinesThenOrderSupervision() {
    JsonNode created = create(AbstractApiTest::gridAppNeighbourDispute);
    String caseNo = created.path("caseNo").asText();
    String processInstanceId = processInstance(caseNo);

    fire(processInstanceId, CaseFunnel.Elements.TIMER_LEVEL_WARNING);
    assertThat(get(caseNo).path("sla").asText()).isEqualTo("AMBER");

    for (String[] expected : List.of(
        new String[] {"COMMUNITY", ANDINGMEN_COMMUNITY, "3"},
        new String[] {"STREET", ANDINGMEN, "7"},
        new String[] {"DISTRICT", "110101000000", "7"})) {
      fire(processInstanceId, CaseFunnel.Elements.TIMER_LEVEL_DEADLINE);
      JsonNode c = get(caseNo);
      assertThat(c.path("level").asText()).isEqualTo(expected[0]);
      assertThat(c.path("unit").path("code").asText()).isEqualTo(expected[1]);
      assertThat(c.path("sla").asText()).isEqualTo("GREEN");
      assertThat(Instant.parse(c.path("deadline").asText()))
          .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(Long.parseLong(expected[2]))));
    }
    assertThat(jdbc.sql("SELECT reason FROM escalations WHERE case_no = ? ORDER BY id").param(caseNo).query(String.class).list())
        .containsExactly("DEADLINE", "DEADLINE", "DEADLINE");
    assertThat(outbox.kindsFor(caseNo)).contains("WARNED", "ESCALATED_FROM", "ESCALATED_TO");

    fire(processInstanceId, CaseFunnel.Elements.TIMER_DISTRICT_WARNING);
    fire(processInstanceId, CaseFunnel.Elements.TIMER_DISTRICT_DEADLINE);
    JsonNode breached = get(caseNo);
    assertThat(breached.path("sla").asText()).isEqualTo("RED");
    assertThat(types(breached)).endsWith("WARNED", "SUPERVISION_ORDERED");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId)
        .incidentType(CaseFunnel.SLA_BREACH_INCIDENT).singleResult())
        .satisfies(i -> assertThat(i.getActivityId()).isEqualTo(CaseFunnel.Elements.HANDLE_AT_DISTRICT));
    Task supervision = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(CaseFunnel.Elements.SUPERVISE_CASE).singleResult();
    assertThat(taskService.getIdentityLinksForTask(supervision.getId()))
        .anyMatch(l -> "110101000000-leaders".equals(l.getGroupId()));
    assertThat(client.get(STREET_USER, "/api/cases?sla=RED").body().path("items").findValuesAsText("caseNo")).contains(caseNo);

    assertThat(client.completeTask("district", supervision.getId(), Map.of("supervisionInstruction", "三日内办结")).status())
        .isEqualTo(204);
    assertThat(client.completeTask("district", handleTask(caseNo).getId(),
        Map.of("actionsTaken", "区级联合调处", "outcome", "RESOLVED")).status()).isEqualTo(204);
    assertThat(historyService.createHistoricIncidentQuery().processInstanceId(processInstanceId)
        .incidentType(CaseFunnel.SLA_BREACH_INCIDENT).resolved().count()).isEqualTo(1);
    assertThat(types(get(caseNo))).contains("SUPERVISION_INSTRUCTED", "RESOLVED");

    metrics.refreshOpenCases();
    String prometheus = client.get(null, "/actuator/prometheus").raw();
    assertThat(metric(prometheus, "huian_escalations_total{level=\"GRID\",reason=\"DEADLINE\"}")).isGreaterThanOrEqualTo(1);
    assertThat(metric(prometheus, "huian_escalations_total{level=\"STREET\",reason=\"DEADLINE\"}")).isGreaterThanOrEqualTo(1);
    assertThat(metric(prometheus, "huian_sla_breaches_total{level=\"DISTRICT\"}")).isGreaterThanOrEqualTo(1);
    assertThat(metric(prometheus, "huian_intake_seconds_count")).isGreaterThanOrEqualTo(1);
    assertThat(prometheus).contains("huian_cases_open{level=\"DISTRICT\"}");
  }

  static double metric(String prometheus, String series) {
    return prometheus.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst().orElse(-1);
  }

  // ---------------------------------------------------------------------------------- handling

  @Test
  void shouldGiveThirtyDaysWhenTheSupervisorApprovesComplexity() {
    String caseNo = create(b -> b.put("category", "WAGE_ARREARS")).path("caseNo").asText();

    Reply refused = client.completeTask(STREET_USER, handleTask(caseNo).getId(),
        Map.of("actionsTaken", "核对欠薪", "outcome", "REQUEST_COMPLEX"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw()).contains("outcomeReason");

    assertThat(client.completeTask(STREET_USER, handleTask(caseNo).getId(),
        Map.of("actionsTaken", "核对欠薪", "outcome", "REQUEST_COMPLEX", "outcomeReason", "业主方在外地")).status())
        .isEqualTo(204);
    Task approval = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("Task_ApproveComplexity").singleResult();
    assertThat(taskService.getIdentityLinksForTask(approval.getId())).anyMatch(l -> (ANDINGMEN + "-leaders").equals(l.getGroupId()));
    assertThat(client.completeTask(STREET_USER, approval.getId(), Map.of("complexityDecision", "APPROVE")).status()).isEqualTo(204);

    JsonNode c = get(caseNo);
    assertThat(c.path("complexity").asText()).isEqualTo("COMPLEX");
    assertThat(Instant.parse(c.path("deadline").asText())).isEqualTo(now.plus(Duration.ofDays(30)));
    assertThat(types(c)).contains("COMPLEXITY_APPROVED");
    assertThat(managementService.createJobQuery().processInstanceId(processInstance(caseNo))
        .activityId(CaseFunnel.Elements.TIMER_LEVEL_DEADLINE).singleResult().getDuedate().toInstant())
        .isEqualTo(now.plus(Duration.ofDays(30)));
  }

  @Test
  void shouldReopenOnceAfterDissatisfactionAndCloseWhenSatisfied() {
    String caseNo = create(b -> b.put("category", "PROPERTY_MANAGEMENT")).path("caseNo").asText();

    resolve(caseNo, "物业承诺维修");
    assertThat(get(caseNo).path("status").asText()).isEqualTo("RESOLVED");
    returnVisit(caseNo, "DISSATISFIED");
    JsonNode reopened = get(caseNo);
    assertThat(reopened.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
    assertThat(reopened.path("level").asText()).isEqualTo("STREET");

    String funnel = processInstance(caseNo);
    assertThat(client.get(STREET_USER, "/engine-rest/process-instance/" + funnel).status()).isEqualTo(200);
    assertThat(client.get(OTHER_STREET_USER, "/engine-rest/process-instance/" + funnel).status()).isIn(403, 404);
    resolve(caseNo, "维修完成");
    returnVisit(caseNo, "SATISFIED");
    runAsyncJobs();
    JsonNode closed = get(caseNo);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(types(closed)).containsSubsequence("RESOLVED", "FEEDBACK", "REOPENED", "RESOLVED", "FEEDBACK", "CLOSED");
    assertThat(outbox.kindsFor(caseNo)).contains("CLOSED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isZero();
    assertThat(grants.count(funnel)).isZero();

    Reply stats = client.get(STREET_USER, "/api/stats/funnel?streetCode=" + ANDINGMEN);
    assertThat(stats.status()).as(stats.raw()).isEqualTo(200);
    JsonNode street = null;
    for (JsonNode level : stats.body().path("levels")) {
      if (level.path("level").asText().equals("STREET")) {
        street = level;
      }
    }
    assertThat(street.path("resolvedHere").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(stats.body().path("satisfaction").asDouble()).isBetween(0.0, 1.0);
    assertThat(stats.body().path("closed").asLong()).isGreaterThanOrEqualTo(1);
    Reply badWindow = client.get(STREET_USER, "/api/stats/funnel?from=2026-13-01&streetCode=nowhere");
    assertThat(badWindow.status()).isEqualTo(400);
    assertThat(badWindow.body().path("errors").findValuesAsText("field")).contains("from", "streetCode");
  }

  @Test
  void shouldLetTheOtherStreetWorkAReferredCase() {
    String caseNo = create(b -> b.put("category", "CONSUMER")).path("caseNo").asText();
    assertThat(client.get(OTHER_STREET_USER, "/api/cases/" + caseNo).status()).isEqualTo(403);

    assertThat(client.completeTask(STREET_USER, handleTask(caseNo).getId(), Map.of("actionsTaken", "核实地址",
        "outcome", "REFER", "referToUnit", QIANMEN, "outcomeReason", "商户位于前门")).status()).isEqualTo(204);

    assertThat(get(caseNo).path("unit").path("code").asText()).isEqualTo(QIANMEN);
    assertThat(client.get(OTHER_STREET_USER, "/api/cases/" + caseNo).status()).isEqualTo(200);
    JsonNode tasks = client.get(OTHER_STREET_USER, "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body();
    assertThat(tasks).hasSize(1);
    assertThat(client.get(STREET_USER, "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body()).isEmpty();
  }

  @Test
  void shouldEscalateByHandWithAReason() {
    String caseNo = create(b -> location(b).put("communityCode", ANDINGMEN_COMMUNITY)).path("caseNo").asText();
    Task task = handleTask(caseNo);
    assertThat(client.completeTask("community-110101004001", task.getId(),
        Map.of("actionsTaken", "调解两次", "outcome", "ESCALATE")).status()).isEqualTo(400);
    assertThat(client.completeTask("community-110101004001", task.getId(),
        Map.of("actionsTaken", "调解两次", "outcome", "ESCALATE", "outcomeReason", "涉及产权")).status()).isEqualTo(204);
    runAsyncJobs();
    assertThat(get(caseNo).path("level").asText()).isEqualTo("STREET");
    assertThat(jdbc.sql("SELECT reason FROM escalations WHERE case_no = ?").param(caseNo).query(String.class).list())
        .containsExactly("MANUAL");
  }

  // ---------------------------------------------------------------------------------- intake rules

  @Test
  void shouldAnswerTheSameExternalRefIdempotently() {
    Map<String, Object> body = body(b -> b.put("externalRef", "hotline-" + now.toEpochMilli()));
    Reply first = client.post(STREET_USER, "/api/cases", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.location()).isEqualTo("/api/cases/" + first.body().path("caseNo").asText());
    long cases = countCases();

    Reply again = client.post(STREET_USER, "/api/cases", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("caseNo").asText()).isEqualTo(first.body().path("caseNo").asText());

    Map<String, Object> changed = new HashMap<>(body);
    changed.put("title", "另一件事");
    Reply conflict = client.post(STREET_USER, "/api/cases", changed);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.contentType()).startsWith("application/problem+json");
    assertThat(countCases()).isEqualTo(cases);
  }

  @Test
  void shouldRejectBadInputWithProblemJsonAndStoreNothing() {
    long cases = countCases();
    long instances = runtimeService.createProcessInstanceQuery().count();
    List<Object[]> bad = new ArrayList<>();
    bad.add(new Object[] {"channel", body(b -> b.remove("channel"))});
    bad.add(new Object[] {"channel", body(b -> b.put("channel", "FAX"))});
    bad.add(new Object[] {"category", body(b -> b.put("category", "UFO"))});
    bad.add(new Object[] {"title", body(b -> b.put("title", "  "))});
    bad.add(new Object[] {"title", body(b -> b.put("title", "长".repeat(201)))});
    bad.add(new Object[] {"description", body(b -> b.put("description", "x".repeat(4001)))});
    bad.add(new Object[] {"location", body(b -> b.remove("location"))});
    bad.add(new Object[] {"location", body(b -> b.put("location", new HashMap<>(Map.of("address", "某处"))))});
    bad.add(new Object[] {"location.streetCode", body(b -> location(b).put("streetCode", "110105001000"))});
    bad.add(new Object[] {"location.communityCode", body(b -> location(b).put("communityCode", "110101011001"))});
    bad.add(new Object[] {"location.gridId", body(b -> location(b).put("gridId", "110101004001-99"))});
    bad.add(new Object[] {"location.gridId", body(b -> location(b).put("gridId", "a-b"))});
    bad.add(new Object[] {"location.lat", body(b -> { location(b).put("lat", 31.2); location(b).put("lon", 121.5); })});
    bad.add(new Object[] {"reporter.name", body(b -> b.put("reporter", new HashMap<>(Map.of("phone", "13800000000", "anonymous", false))))});
    bad.add(new Object[] {"reporter.phone", body(b -> b.put("reporter", new HashMap<>(Map.of("name", "王", "phone", "12345", "anonymous", false))))});
    bad.add(new Object[] {"parties[0].role", body(b -> b.put("parties", List.of(Map.of("role", "JUDGE", "kind", "PERSON", "name", "赵"))))});
    bad.add(new Object[] {"parties[0].name", body(b -> b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON"))))});
    bad.add(new Object[] {"peopleInvolved", body(b -> b.put("peopleInvolved", 0))});
    bad.add(new Object[] {"peopleInvolved", body(b -> b.put("peopleInvolved", "很多"))});
    bad.add(new Object[] {"amountInvolved", body(b -> b.put("amountInvolved", -5))});
    bad.add(new Object[] {"unexpected", body(b -> b.put("unexpected", "x"))});
    bad.add(new Object[] {"externalRef", body(b -> b.put("externalRef", "有空格 的编号"))});
    for (Object[] c : bad) {
      Reply r = client.post(STREET_USER, "/api/cases", c[1]);
      assertThat(r.status()).as("%s -> %s", c[0], r.raw()).isEqualTo(400);
      assertThat(r.contentType()).as("%s -> %s", c[0], r.raw()).startsWith("application/problem+json");
      assertThat(r.body().path("errors").findValuesAsText("field")).as(r.raw()).contains((String) c[0]);
    }
    Reply notJson = client.postRaw(STREET_USER, "/api/cases", "application/json", "{\"title\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.contentType()).startsWith("application/problem+json");
    Reply wrongType = client.postRaw(STREET_USER, "/api/cases", "text/plain", "hello");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.contentType()).startsWith("application/problem+json");
    Reply badFilter = client.get(STREET_USER, "/api/cases?level=MOON&size=1000");
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(badFilter.body().path("errors").findValuesAsText("field")).contains("level", "size");

    assertThat(countCases()).isEqualTo(cases);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void shouldMaskPhonesInListsAndDropAnonymousReportersData() {
    String named = create(b -> { }).path("caseNo").asText();
    String anonymous = create(b -> b.put("reporter", new HashMap<>(Map.of("name", "不应保存", "phone", "13911112222", "anonymous", true))))
        .path("caseNo").asText();
    JsonNode list = client.get(STREET_USER, "/api/cases?size=100").body();
    assertThat(list.toString()).doesNotContain("13812345678").contains("138****5678");
    JsonNode anon = get(anonymous);
    assertThat(anon.path("reporter").path("anonymous").asBoolean()).isTrue();
    assertThat(anon.toString()).doesNotContain("不应保存").doesNotContain("13911112222");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cases WHERE case_no = ? AND reporter_phone IS NULL AND reporter_name IS NULL")
        .param(anonymous).query(Long.class).single()).isEqualTo(1);
    assertThat(get(named).path("reporter").path("phone").asText()).isEqualTo("13812345678");
  }

  // ---------------------------------------------------------------------------------- OpenAPI

  @Test
  void shouldDescribeEveryEndpointWithItsErrorAnswers() {
    Reply docs = client.get(null, "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.body().path("paths");
    JsonNode intake = paths.path("/api/cases").path("post");
    assertThat(intake.path("summary").asText()).contains("一窗受理");
    assertThat(intake.path("responses").fieldNames()).toIterable().contains("201", "200", "400", "401", "409", "415");
    assertThat(intake.path("requestBody").findValuesAsText("$ref")).contains("#/components/examples/case-intake");
    assertThat(docs.body().path("components").path("examples").path("case-intake").path("value").toString()).contains("李师傅班组");
    assertThat(paths.path("/m/{token}").path("post").path("responses").fieldNames()).toIterable().contains("404", "410");
    List<String> undocumented = new ArrayList<>();
    paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
      if (op.getValue().path("summary").asText().isBlank()) {
        undocumented.add(op.getKey() + " " + p.getKey());
      }
      if (p.getKey().startsWith("/api/") && !p.getKey().startsWith("/api/public/") && !op.getValue().path("responses").has("401")) {
        undocumented.add(op.getKey() + " " + p.getKey() + " without 401");
      }
    }));
    assertThat(undocumented).isEmpty();
    JsonNode report = paths.path("/api/public/reports").path("post");
    assertThat(report.path("responses").fieldNames()).toIterable().contains("400", "429").doesNotContain("401");
    assertThat(report.path("security").isArray() && report.path("security").isEmpty()).as("no login").isTrue();
    assertThat(paths.has("/api/cases/{caseNo}/agreement")).isTrue();
    assertThat(client.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    assertThat(client.get(null, "/actuator/health/readiness").raw()).contains("\"UP\"");
    assertThat(client.get(null, "/actuator/health/liveness").raw()).contains("\"UP\"");
  }

  // ---------------------------------------------------------------------------------- notifications

  @Test
  void shouldSendOutboxRowsAndDeadLetterThemAfterTheLastRetry() {
    String sent = "NOTE-OK-" + now.toEpochMilli();
    String failing = "NOTE-FAIL-" + now.toEpochMilli();
    outbox.enqueue(sent, "TEST", ANDINGMEN, "测试", "请确认：http://localhost/m/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde");
    List<String> delivered = new ArrayList<>();
    new org.huian.notification.OutboxRelay(outbox, n -> delivered.add(n.caseNo()), 3).relay();
    assertThat(delivered).contains(sent);
    assertThat(status(sent)).isEqualTo("SENT");
    assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE case_no = ?").param(sent).query(String.class).single())
        .as("a sent link's token is not kept").isEqualTo("请确认：http://localhost/m/***");

    outbox.enqueue(failing, "TEST", ANDINGMEN, "测试", "正文");
    org.huian.notification.OutboxRelay broken = new org.huian.notification.OutboxRelay(outbox, n -> {
      throw new IllegalStateException("SMTP down");
    }, 3);
    broken.relay();
    assertThat(status(failing)).isEqualTo("PENDING");
    broken.relay();
    broken.relay();
    assertThat(status(failing)).isEqualTo("DEAD");
    assertThat(jdbc.sql("SELECT attempts FROM notification_outbox WHERE case_no = ?").param(failing).query(Integer.class).single())
        .isEqualTo(3);
  }

  @Test
  void shouldSendAgainARowLeftClaimedByANodeThatDied() {
    String stranded = "NOTE-STRANDED-" + now.toEpochMilli();
    String fresh = "NOTE-CLAIMED-" + now.toEpochMilli();
    outbox.enqueue(stranded, "TEST", ANDINGMEN, "测试", "正文");
    outbox.enqueue(fresh, "TEST", ANDINGMEN, "测试", "正文");
    // a node claimed both and was killed before it reported: one claim is older than the timeout
    jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', attempts = 1, claimed_at = ? WHERE case_no = ?")
        .params(java.time.OffsetDateTime.ofInstant(now.minusSeconds(600), java.time.ZoneOffset.UTC), stranded).update();
    jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', attempts = 1, claimed_at = ? WHERE case_no = ?")
        .params(java.time.OffsetDateTime.ofInstant(now.minusSeconds(10), java.time.ZoneOffset.UTC), fresh).update();
    List<String> delivered = new ArrayList<>();
    new org.huian.notification.OutboxRelay(outbox, n -> delivered.add(n.caseNo()), 3, Duration.ofMinutes(5)).relay();
    assertThat(delivered).contains(stranded).doesNotContain(fresh);
    assertThat(status(stranded)).isEqualTo("SENT");
    assertThat(status(fresh)).as("a recent claim belongs to a live node").isEqualTo("SENDING");
    jdbc.sql("UPDATE notification_outbox SET status = 'SENT' WHERE case_no = ?").param(fresh).update();
  }

  String status(String caseNo) {
    return jdbc.sql("SELECT status FROM notification_outbox WHERE case_no = ?").param(caseNo).query(String.class).single();
  }

  // ---------------------------------------------------------------------------------- security

  @Test
  void shouldKeepOneStreetOutOfAnotherStreetsCasesAndTasks() {
    String caseNo = create(b -> b.put("category", "HOUSING")).path("caseNo").asText();
    Task task = handleTask(caseNo);

    assertThat(client.get(null, "/api/cases").status()).isEqualTo(401);
    assertThat(client.get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(client.get(OTHER_STREET_USER, "/api/cases/" + caseNo).status()).isEqualTo(403);
    assertThat(client.get(OTHER_STREET_USER, "/api/cases?size=100").body().path("items").findValuesAsText("caseNo"))
        .doesNotContain(caseNo);
    assertThat(client.get(OTHER_STREET_USER, "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body()).isEmpty();
    assertThat(client.completeTask(OTHER_STREET_USER, task.getId(), Map.of("actionsTaken", "x", "outcome", "RESOLVED")).status())
        .isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    assertThat(client.get(STREET_USER, "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body()).hasSize(1);
    JsonNode variables = client.get(STREET_USER, "/engine-rest/variable-instance?variableName=caseNo&processInstanceIdIn="
        + task.getProcessInstanceId()).body();
    assertThat(variables.findValuesAsText("value")).containsExactly(caseNo);
    assertThat(client.get(OTHER_STREET_USER, "/engine-rest/variable-instance?variableName=caseNo&processInstanceIdIn="
        + task.getProcessInstanceId()).body()).isEmpty();
    assertThat(client.get("district", "/api/cases/" + caseNo).status()).isEqualTo(200);
    assertThat(client.get("district", "/engine-rest/task?processInstanceBusinessKey=" + caseNo).body()).hasSize(1);
  }

  // ---------------------------------------------------------------------------------- start form

  @Test
  void shouldStartACaseFromTheTasklistStartFormWithTheSameRules() {
    long cases = countCases();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("channel", Map.of("value", "WINDOW"));
    vars.put("category", Map.of("value", "NEIGHBOUR"));
    vars.put("title", Map.of("value", "楼上漏水"));
    vars.put("description", Map.of("value", "楼上住户卫生间漏水，协商未果"));
    vars.put("streetCode", Map.of("value", ANDINGMEN));
    vars.put("communityCode", Map.of("value", ANDINGMEN_COMMUNITY));
    vars.put("reporterAnonymous", Map.of("value", false));
    vars.put("reporterName", Map.of("value", "张三"));
    vars.put("reporterPhone", Map.of("value", "13700001111"));
    vars.put("peopleInvolved", Map.of("value", 2));
    vars.put("amountInvolved", Map.of("value", 0));
    vars.put("respondentKind", Map.of("value", "PERSON"));
    vars.put("respondentName", Map.of("value", "楼上住户"));
    vars.put("respondentPhone", Map.of("value", ""));

    Map<String, Object> missingTitle = new LinkedHashMap<>(vars);
    missingTitle.remove("title");
    Reply rejected = client.post(STREET_USER, "/engine-rest/process-definition/key/case-funnel/submit-form", Map.of("variables", missingTitle));
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.raw()).contains("title");
    assertThat(countCases()).isEqualTo(cases);

    Reply started = client.post(STREET_USER, "/engine-rest/process-definition/key/case-funnel/submit-form", Map.of("variables", vars));
    assertThat(started.status()).as(started.raw()).isEqualTo(200);
    String caseNo = started.body().path("businessKey").asText();
    JsonNode c = get(caseNo);
    assertThat(c.path("level").asText()).isEqualTo("COMMUNITY");
    assertThat(c.path("parties").get(0).path("name").asText()).isEqualTo("楼上住户");
    assertThat(c.path("reporter").path("phone").asText()).isEqualTo("13700001111");
    assertThat(runtimeService.getVariable(started.body().path("id").asText(), "reporterPhone")).isNull();
    assertThat(runtimeService.getVariable(started.body().path("id").asText(), "respondentName")).isNull();
    assertThat(runtimeService.getVariable(started.body().path("id").asText(), "reporterContact")).isEqualTo("张* 137****1111");
    assertThat(runtimeService.getVariables(started.body().path("id").asText()).keySet())
        .as("the start form's routing facts stay in the case row").doesNotContainAnyElementsOf(ROUTING_FACTS);
    assertThat(c.path("channel").asText()).isEqualTo("WINDOW");
  }

  /** The routing facts: in the cases row, read by the decisions, never stored as process variables. */
  static final List<String> ROUTING_FACTS = List.of("channel", "category", "peopleInvolved", "amountInvolved", "crossRegion",
      "crossDepartment", "streetCode", "communityCode", "gridId");

  @Test
  void shouldStoreWhatFormsAndGatewaysReadAndHandTheDecisionsTheRoutingFactsFromTheCaseRow() {
    String caseNo = create(b -> { b.put("category", "LABOUR"); b.put("peopleInvolved", 12); }).path("caseNo").asText();
    String funnel = processInstance(caseNo);
    String handling = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(CaseHandling.KEY).singleResult().getId();

    assertThat(runtimeService.getVariables(funnel).keySet()).containsExactlyInAnyOrder("caseNo", "title", "categoryName",
        "reporterAnonymous", "reporterContact", "reopenCount", "level", "levelName", "unitCode", "unitName", "complexity",
        "complexityName", "deadlineAt", "warnAt", "deadlineText", "slaName");
    assertThat(runtimeService.getVariables(handling).keySet()).as("named inputs and the handling's own")
        .containsExactlyInAnyOrder("caseNo", "level", "title", "categoryName", "complexity", "complexityName", "deadlineAt",
            "deadlineText", "slaName", "levelName", "unitCode", "unitName", "handlerGroup", "supervisorGroup", "referOptions");
    for (String pi : List.of(funnel, handling)) {
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).list())
          .extracting(v -> v.getName()).as("no history of copies the decision history already holds")
          .doesNotContain("routing", "deadlineDuration", "functionalArea").doesNotContainAnyElementsOf(ROUTING_FACTS)
          .as("what names the case keeps its history; what Huian derives from its tables has none")
          .containsExactlyInAnyOrder("caseNo", "title");
    }

    // every decision still saw the facts: routed by 12 people (complex at the street), dispatched to 法律服务
    var routing = historyService.createHistoricDecisionInstanceQuery().processInstanceId(funnel).decisionDefinitionKey("case-routing")
        .includeInputs().includeOutputs().singleResult();
    assertThat(routing.getInputs()).extracting(i -> i.getValue()).contains("LABOUR", 12, false);
    assertThat(routing.getOutputs()).extracting(o -> o.getValue()).contains("STREET", "COMPLEX");
    var dispatch = historyService.createHistoricDecisionInstanceQuery().processInstanceId(handling)
        .decisionDefinitionKey("case-dispatch").includeInputs().includeOutputs().singleResult();
    assertThat(dispatch.getInputs()).extracting(i -> i.getValue()).contains("STREET", "LABOUR", false);
    assertThat(dispatch.getOutputs()).extracting(o -> o.getValue()).containsExactly("legal");
    JsonNode detail = get(caseNo);
    assertThat(detail.path("complexity").asText()).isEqualTo("COMPLEX");
    java.time.Instant deadline = java.time.Instant.parse(detail.path("deadline").asText());
    assertThat(((java.util.Date) runtimeService.getVariable(funnel, "deadlineAt")).toInstant()).isEqualTo(deadline);
    assertThat(java.time.Duration.between(java.time.Instant.parse(detail.path("createdAt").asText()), deadline))
        .as("a complex case's longer time, counted from the level's start in the case row").isGreaterThan(java.time.Duration.ofDays(8));
  }
}
