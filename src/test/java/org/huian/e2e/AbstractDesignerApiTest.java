package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process designer's loop over real HTTP, as Camunda Modeler does it: a designer (group
 * {@code process-designers}) deploys a changed decision alone to {@code /engine-rest/deployment/create}
 * (multipart, {@code deployment-source=Camunda Modeler}), the next case follows it and records
 * which version decided; a broken model is refused with 400 and a Chinese message and nothing is
 * deployed, while intake goes on under the old rule; a version is rolled back; the versions view
 * says who deployed what from where; and the designer reads no case, task or variable.
 */
abstract class AbstractDesignerApiTest extends AbstractApiTest {

  static final String DESIGNER = "designer";
  static final String DEPLOY = "/engine-rest/deployment/create";

  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;

  static byte[] model(String resource) {
    try (InputStream in = AbstractDesignerApiTest.class.getResourceAsStream("/" + resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String resource) {
    return new String(model(resource), StandardCharsets.UTF_8);
  }

  /** A deployment exactly as Camunda Modeler posts it. */
  Reply deployAsModeler(String name, Map<String, byte[]> files) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", name);
    fields.put("deployment-source", "Camunda Modeler");
    return client.postMultipart(DESIGNER, DEPLOY, fields, files);
  }

  /** case-deadlines.dmn with the grid's one day replaced and a designer's tag. */
  static byte[] gridDeadline(String days, String tag) {
    String changed = text("processes/case-deadlines.dmn")
        .replaceFirst("(<outputEntry id=\"Rule6_Out1\">\\s*<text>)\"P1D\"", "$1\"" + days + "\"")
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + tag + "\"")
        .replace("<description>网格 1 天</description>", "<description>网格 " + days.replaceAll("\\D", "") + " 天（设计人员调整）</description>");
    assertThat(changed).contains("\"" + days + "\"").contains(tag);
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  Duration gridCaseDeadline() {
    JsonNode c = create(AbstractApiTest::gridAppNeighbourDispute);
    return Duration.between(now, Instant.parse(c.path("deadline").asText()));
  }

  // ---------------------------------------------------------------------------- the designer

  @Test
  void shouldLetADesignerDeployAndReadModelsButNoCaseTaskOrVariable() {
    String caseNo = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();
    Task task = handleTask(caseNo);
    String pi = processInstance(caseNo);

    for (String path : List.of("/api/cases", "/api/cases/" + caseNo, "/api/stats/funnel", "/api/risk/index?level=STREET",
        "/api/units")) {
      Reply r = client.get(DESIGNER, path);
      assertThat(r.status()).as(path + ": " + r.raw()).isEqualTo(403);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(client.post(DESIGNER, "/api/cases", body(b -> { })).status()).isEqualTo(403);
    assertThat(client.get(DESIGNER, "/engine-rest/task").body()).as("no task").isEmpty();
    assertThat(client.get(DESIGNER, "/engine-rest/task/" + task.getId()).status()).isIn(403, 404);
    assertThat(client.get(DESIGNER, "/engine-rest/task/" + task.getId() + "/variables").status()).isIn(403, 404);
    assertThat(client.get(DESIGNER, "/engine-rest/process-instance").body()).isEmpty();
    assertThat(client.get(DESIGNER, "/engine-rest/process-instance/" + pi + "/variables").status()).isIn(403, 404);
    assertThat(client.get(DESIGNER, "/engine-rest/variable-instance").body()).isEmpty();
    assertThat(client.get(DESIGNER, "/engine-rest/history/process-instance").body()).isEmpty();
    assertThat(client.get(DESIGNER, "/engine-rest/history/variable-instance").body()).isEmpty();
    assertThat(client.get(DESIGNER, "/engine-rest/history/task").body()).isEmpty();
    assertThat(client.get(DESIGNER, "/engine-rest/history/decision-instance").body()).isEmpty();

    // … and reads every model: definitions, decisions, deployments with their forms
    assertThat(client.get(DESIGNER, "/engine-rest/process-definition?key=case-funnel").body()).isNotEmpty();
    assertThat(client.get(DESIGNER, "/engine-rest/decision-definition?key=case-deadlines").body()).isNotEmpty();
    JsonNode deployments = client.get(DESIGNER, "/engine-rest/deployment").body();
    assertThat(deployments).isNotEmpty();
    String appDeployment = deployments.findValuesAsText("id").get(0);
    assertThat(client.get(DESIGNER, "/engine-rest/deployment/" + appDeployment + "/resources").body().findValuesAsText("name"))
        .anyMatch(n -> n.endsWith(".form"));
    assertThat(client.get(DESIGNER, "/engine-rest/process-definition/key/case-funnel/xml").status()).isEqualTo(200);
    assertThat(client.get(DESIGNER, "/api/admin/definitions/case-deadlines/versions").status()).isEqualTo(200);
    assertThat(client.get(STREET_USER, "/api/admin/definitions/case-deadlines/versions").status())
        .as("the versions view is for designers and administrators").isEqualTo(403);
    assertThat(client.get(DESIGNER, "/api/admin/migrations").status()).as("migration is the administrator's").isIn(403, 405);

    List<String> groups = List.of("process-designers");
    assertThat(authorizationService.isUserAuthorized(DESIGNER, groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizationService.isUserAuthorized(DESIGNER, groups, Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
    assertThat(authorizationService.isUserAuthorized(DESIGNER, groups, Permissions.READ, Resources.PROCESS_INSTANCE)).isFalse();
    assertThat(authorizationService.isUserAuthorized(DESIGNER, groups, Permissions.READ, Resources.TASK)).isFalse();
  }

  @Test
  void shouldFollowADeadlineTableADesignerDeployedAloneFromModelerForTheNextCase() {
    int before = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("case-deadlines").withoutTenantId()
        .latestVersion().singleResult().getVersion();
    String earlier = create(AbstractApiTest::gridAppNeighbourDispute).path("caseNo").asText();

    Reply deployed = deployAsModeler("case-deadlines", Map.of("case-deadlines.dmn", gridDeadline("P2D", "designer-grid-2d")));
    assertThat(deployed.status()).as(deployed.raw()).isEqualTo(200);
    assertThat(deployed.body().path("deployedDecisionDefinitions").size()).isEqualTo(1);

    JsonNode next = create(AbstractApiTest::gridAppNeighbourDispute);
    assertThat(Instant.parse(next.path("deadline").asText())).as("the next case follows the designer's table")
        .isEqualTo(now.plus(Duration.ofDays(2)));
    JsonNode detail = get(next.path("caseNo").asText());
    JsonNode deadline = detail.path("decisions").path("deadline");
    assertThat(deadline.path("key").asText()).isEqualTo("case-deadlines");
    assertThat(deadline.path("version").asInt()).isEqualTo(before + 1);
    assertThat(deadline.path("versionTag").asText()).isEqualTo("designer-grid-2d");
    assertThat(deadline.path("result").asText()).contains("P2D");
    JsonNode routing = detail.path("decisions").path("routing");
    assertThat(routing.path("key").asText()).isEqualTo("case-routing");
    assertThat(routing.path("version").asInt()).isPositive();
    assertThat(routing.path("versionTag").asText()).startsWith("huian-");
    assertThat(routing.path("result").asText()).contains("routedLevel=GRID");
    JsonNode routed = detail.path("timeline").get(1);
    assertThat(routed.path("type").asText()).isEqualTo("ROUTED");
    assertThat(routed.path("note").asText()).contains("分拨规则 case-routing 第 " + routing.path("version").asInt() + " 版")
        .contains("办结时限 2 天，依据 case-deadlines 第 " + (before + 1) + " 版（designer-grid-2d）");
    assertThat(get(earlier).path("decisions").path("deadline").path("version").asInt())
        .as("the earlier case keeps the version that decided it").isEqualTo(before);

    // the versions view: who deployed which version from where, and how much it decided
    JsonNode versions = client.get(DESIGNER, "/api/admin/definitions/case-deadlines/versions").body();
    assertThat(versions.path("kind").asText()).isEqualTo("DECISION");
    JsonNode latest = versions.path("versions").get(0);
    assertThat(latest.path("version").asInt()).isEqualTo(before + 1);
    assertThat(latest.path("source").asText()).isEqualTo("MODELER");
    assertThat(latest.path("deployedBy").asText()).isEqualTo(DESIGNER);
    assertThat(latest.path("versionTag").asText()).isEqualTo("designer-grid-2d");
    assertThat(latest.path("effective").asBoolean()).isTrue();
    assertThat(latest.path("casesDecided").asLong()).isEqualTo(1);
    JsonNode first = versions.path("versions").get(versions.path("versions").size() - 1);
    assertThat(first.path("version").asInt()).isEqualTo(1);
    assertThat(first.path("source").asText()).isEqualTo("APPLICATION");
    assertThat(first.path("deployedBy").asText()).isEqualTo("application");
    assertThat(first.path("versionTag").asText()).startsWith("huian-");
    assertThat(first.path("effective").asBoolean()).isFalse();

    // what the designer commits to processes/: the deployed bytes, unchanged
    HuianClient.Download xml = client.download(DESIGNER, "/api/admin/definitions/case-deadlines/xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(new String(xml.bytes(), StandardCharsets.UTF_8)).isEqualTo(new String(gridDeadline("P2D", "designer-grid-2d"),
        StandardCharsets.UTF_8));
    assertThat(client.download(DESIGNER, "/api/admin/definitions/case-deadlines/xml?version=1").bytes())
        .isEqualTo(model("processes/case-deadlines.dmn"));
    assertThat(client.download(DESIGNER, "/api/admin/definitions/case-handle/xml").bytes()).as("a form by its id")
        .isEqualTo(model("forms/case-handle.form"));
    assertThat(client.download(DESIGNER, "/api/admin/definitions/no-such-key/xml").status()).isEqualTo(404);

    JsonNode all = client.get(DESIGNER, "/api/admin/definitions").body();
    assertThat(all.findValuesAsText("key")).contains("case-funnel", "case-handling", "case-deadlines", "risk-colour");
  }

  // ------------------------------------------------------------------------------- the guard

  @Test
  void shouldRefuseEachModelThatWouldBreakIntakeWithNothingDeployedAndKeepTakingInCases() {
    Duration allowed = gridCaseDeadline();
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();
    long decisionsBefore = repositoryService.createDecisionDefinitionQuery().count();
    long processesBefore = repositoryService.createProcessDefinitionQuery().count();
    String deadlines = text("processes/case-deadlines.dmn");
    String routing = text("processes/case-routing.dmn");
    String roster = text("processes/dialogue-roster.bpmn");
    byte[] officerForm = model("forms/dialogue-officer.form");

    record Bad(String why, Map<String, byte[]> files, List<String> message) {}
    List<Bad> bad = List.of(
        new Bad("a deadline that is not ISO-8601", files("case-deadlines.dmn",
            deadlines.replaceFirst("(<outputEntry id=\"Rule3_Out1\">\\s*<text>)\"P7D\"", "$1\"7天\"")),
            List.of("case-deadlines.dmn", "第 3 条规则", "ISO-8601", "7天")),
        new Bad("a deadline without quotes", files("case-deadlines.dmn",
            deadlines.replaceFirst("(<outputEntry id=\"Rule6_Out1\">\\s*<text>)\"P1D\"", "$1P1D")),
            List.of("case-deadlines.dmn", "第 6 条规则", "双引号")),
        new Bad("the deadline column renamed", files("case-deadlines.dmn",
            deadlines.replace("name=\"deadlineDuration\"", "name=\"deadline\"")),
            List.of("case-deadlines.dmn", "缺少输出列 deadlineDuration", "case-funnel")),
        new Bad("a second output column where one entry is read", files("case-deadlines.dmn",
            deadlines.replace("<output id=\"Output_DeadlineDuration\"", "<output id=\"Output_Note\" name=\"note\" typeRef=\"string\" />\n"
                + "      <output id=\"Output_DeadlineDuration\"")),
            List.of("只能有一个输出列")),
        new Bad("routing without its complexity column", files("case-routing.dmn", withoutSecondOutput(routing)),
            List.of("case-routing.dmn", "缺少输出列 complexity（复杂程度）")),
        new Bad("a routed level the funnel does not know", files("case-routing.dmn",
            routing.replaceFirst("<text>\"GRID\"</text>", "<text>\"BUILDING\"</text>")),
            List.of("case-routing.dmn", "BUILDING", "GRID、COMMUNITY、STREET、DISTRICT")),
        new Bad("a decision without historyTimeToLive", files("case-deadlines.dmn",
            deadlines.replace(" camunda:historyTimeToLive=\"P180D\"", "")),
            List.of("case-deadlines.dmn", "historyTimeToLive")),
        new Bad("a process without its form", Map.of("dialogue-roster.bpmn", roster.getBytes(StandardCharsets.UTF_8)),
            List.of("dialogue-roster.bpmn", "表单 dialogue-officer 不在本次部署中")),
        new Bad("a delegate that is no bean", Map.of("dialogue-roster.bpmn",
            roster.replace("${saveOfficerDelegate}", "${saveOfficerDelegat}").getBytes(StandardCharsets.UTF_8),
            "dialogue-officer.form", officerForm),
            List.of("dialogue-roster.bpmn", "Task_SaveOfficer", "saveOfficerDelegat 不是系统中的组件")),
        new Bad("a process without historyTimeToLive", Map.of("dialogue-roster.bpmn",
            roster.replaceFirst(" camunda:historyTimeToLive=\"[^\"]*\"", "").getBytes(StandardCharsets.UTF_8),
            "dialogue-officer.form", officerForm),
            List.of("dialogue-roster.bpmn", "historyTimeToLive")),
        new Bad("a process id that is not Huian's", Map.of("my-process.bpmn",
            roster.replace("id=\"dialogue-roster\"", "id=\"my-process\"").replace("bpmnElement=\"dialogue-roster\"",
                "bpmnElement=\"my-process\"").getBytes(StandardCharsets.UTF_8), "dialogue-officer.form", officerForm),
            List.of("my-process.bpmn", "流程标识 my-process 不是汇安的流程")),
        new Bad("one good file beside a bad one", Map.of("case-deadlines.dmn", gridDeadline("P2D", "good"),
            "case-routing.dmn", withoutSecondOutput(routing).getBytes(StandardCharsets.UTF_8)),
            List.of("case-routing.dmn")));
    for (Bad b : bad) {
      Reply r = deployAsModeler("broken", b.files());
      assertThat(r.status()).as(b.why() + ": " + r.raw()).isEqualTo(400);
      assertThat(r.body().path("type").asText()).as(b.why()).isEqualTo("ParseException");
      String message = r.body().path("message").asText();
      assertThat(message).as(b.why()).startsWith("部署被拒绝，未部署任何文件：");
      for (String part : b.message()) {
        assertThat(message).as(b.why()).contains(part);
      }
      assertThat(r.body().path("details").fieldNames()).as(b.why() + ": the problems by file").toIterable().isNotEmpty();
    }
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deploymentsBefore);
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisionsBefore);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processesBefore);
    assertThat(gridCaseDeadline()).as("intake goes on under the rule in force").isEqualTo(allowed);
    assertThat(deployAsModeler("roster with its form", Map.of("dialogue-roster.bpmn", roster.getBytes(StandardCharsets.UTF_8),
        "dialogue-officer.form", officerForm)).status()).as("the same process with its form is accepted").isEqualTo(200);
  }

  static Map<String, byte[]> files(String name, String xml) {
    return Map.of(name, xml.getBytes(StandardCharsets.UTF_8));
  }

  /** case-routing.dmn without its second output column (complexity) and every rule's second output entry. */
  static String withoutSecondOutput(String routing) {
    String s = routing.replaceFirst("\\s*<output id=\"Output_Complexity\"[^>]*/>", "");
    s = s.replaceAll("(<outputEntry id=\"[^\"]+\">\\s*<text>[^<]*</text>\\s*</outputEntry>)\\s*<outputEntry id=\"[^\"]+\">\\s*<text>[^<]*</text>\\s*</outputEntry>", "$1");
    assertThat(s).doesNotContain("Output_Complexity").doesNotContain("\"NORMAL\"</text>\n        </outputEntry>\n      </rule>");
    return s;
  }

  // ---------------------------------------------------------------------------- rollback

  @Test
  void shouldMakeAnOlderDecisionVersionEffectiveAgainWithOneCall() {
    Duration before = gridCaseDeadline();
    int previous = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("case-deadlines").withoutTenantId()
        .latestVersion().singleResult().getVersion();
    assertThat(deployAsModeler("case-deadlines", Map.of("case-deadlines.dmn", gridDeadline("P3D", "designer-grid-3d"))).status())
        .isEqualTo(200);
    assertThat(gridCaseDeadline()).isEqualTo(Duration.ofDays(3));

    Reply rolledBack = client.post(DESIGNER, "/api/admin/definitions/case-deadlines/rollback", Map.of("version", previous));
    assertThat(rolledBack.status()).as(rolledBack.raw()).isEqualTo(200);
    assertThat(rolledBack.body().path("version").asInt()).isEqualTo(previous + 2);
    assertThat(rolledBack.body().path("versionTag").asText()).isEqualTo("rollback-of-" + previous);
    assertThat(gridCaseDeadline()).as("new cases follow the older version again").isEqualTo(before);

    JsonNode latest = client.get("admin", "/api/admin/definitions/case-deadlines/versions").body().path("versions").get(0);
    assertThat(latest.path("source").asText()).isEqualTo("ROLLBACK");
    assertThat(latest.path("deployedBy").asText()).isEqualTo(DESIGNER);
    assertThat(latest.path("casesDecided").asLong()).isEqualTo(1);
    Reply again = client.post(DESIGNER, "/api/admin/definitions/case-deadlines/rollback", Map.of("version", previous + 2));
    assertThat(again.status()).as("the effective version needs no rollback").isEqualTo(400);
    assertThat(client.post(DESIGNER, "/api/admin/definitions/case-deadlines/rollback", Map.of("version", 999)).status()).isEqualTo(404);
    assertThat(client.post(STREET_USER, "/api/admin/definitions/case-deadlines/rollback", Map.of("version", 1)).status()).isEqualTo(403);
  }

  @Test
  void shouldRollBackAProcessWithTheFormsItsVersionWasDeployedWith() {
    String roster = text("processes/dialogue-roster.bpmn").replace("name=\"平安恳谈干警名册登记\"", "name=\"平安恳谈干警名册登记（试行）\"");
    Reply v2 = deployAsModeler("roster", Map.of("dialogue-roster.bpmn", roster.getBytes(StandardCharsets.UTF_8),
        "dialogue-officer.form", model("forms/dialogue-officer.form")));
    assertThat(v2.status()).as(v2.raw()).isEqualTo(200);
    int latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("dialogue-roster").latestVersion()
        .singleResult().getVersion();

    Reply r = client.post("admin", "/api/admin/definitions/dialogue-roster/rollback", Map.of("version", 1));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.body().path("kind").asText()).isEqualTo("PROCESS");
    assertThat(r.body().path("version").asInt()).isEqualTo(latest + 1);
    assertThat(r.body().path("resources").toString()).contains("forms/dialogue-officer.form").contains("processes/dialogue-roster.bpmn")
        .doesNotContain("case-funnel");
    var now = repositoryService.createProcessDefinitionQuery().processDefinitionKey("dialogue-roster").latestVersion().singleResult();
    assertThat(now.getName()).isEqualTo("平安恳谈干警名册登记");
    assertThat(now.getVersionTag()).isEqualTo("rollback-of-1");
    assertThat(new String(client.download("admin", "/api/admin/definitions/dialogue-roster/xml").bytes(), StandardCharsets.UTF_8))
        .as("only the tag differs from version 1")
        .isEqualTo(text("processes/dialogue-roster.bpmn").replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"rollback-of-1\""));
  }

  // ------------------------------------------------------------------------- other decisions

  @Test
  void shouldPaintTheNextIndexWithARiskColourTableDeployedAlone() {
    String before = client.get("district", "/api/risk/index?level=STREET").body().path("items").get(0).path("colour").asText();
    String allRed = text("processes/risk-colour.dmn").replaceAll("<text>&lt; ?60</text>", "<text>&lt;= 100</text>")
        .replaceAll("<text>&lt;60</text>", "<text>&lt;= 100</text>");
    Reply r = deployAsModeler("risk-colour", Map.of("risk-colour.dmn", allRed.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode items = client.get("district", "/api/risk/index?level=STREET").body().path("items");
    assertThat(items.findValuesAsText("colour")).as("at once, not after the index cache's minute").containsOnly("RED");
    Reply back = client.post(DESIGNER, "/api/admin/definitions/risk-colour/rollback", Map.of("version", 1));
    assertThat(back.status()).as(back.raw()).isEqualTo(200);
    assertThat(client.get("district", "/api/risk/index?level=STREET").body().path("items").get(0).path("colour").asText())
        .isEqualTo(before);
  }

  @Test
  void shouldAcceptTheGraceAndAssessmentTablesDeployedAlone() {
    for (String key : List.of("fulfilment-grace", "dialogue-assessment", "case-dispatch")) {
      int before = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId().latestVersion()
          .singleResult().getVersion();
      String xml = text("processes/" + key + ".dmn").replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"designer\"");
      Reply r = deployAsModeler(key, Map.of(key + ".dmn", xml.getBytes(StandardCharsets.UTF_8)));
      assertThat(r.status()).as(key + ": " + r.raw()).isEqualTo(200);
      assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId().latestVersion()
          .singleResult().getVersion()).isEqualTo(before + 1);
    }
  }
}
