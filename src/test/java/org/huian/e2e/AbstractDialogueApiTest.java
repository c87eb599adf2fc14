package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.dialogue.DialogueClock;
import org.huian.dialogue.DialogueCycle;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * One year of the safety dialogue on a simulated clock, through the REST API: the roster covers
 * all 17 streets; three meetings in two streets raise eight problems; the committee turns them into
 * five tasks (four problems merged into one); units report progress; a hard task and an overdue
 * task go to district coordination (the latter pulled up by the first quarterly bulletin); four
 * bulletins; the annual review; the assessment calls one street in for a talk; the lists export as
 * .xlsx and the bulletin and effectiveness list as PDF with extractable Chinese text. Bad input is
 * refused with problem+json and changes nothing.
 */
abstract class AbstractDialogueApiTest extends AbstractApiTest {

  static final String DISTRICT = "district";
  static final String DISTRICT_CODE = "110101000000";
  static final String CYCLE = "PAKT-2027-110101"; // one cycle a year per district

  @Test
  void shouldRunAYearOfTheFourListCycle() throws Exception {
    at(2027, 1, 4);
    keepTheRoster();
    String caseNo = create(b -> b.put("title", "平安恳谈关联案件")).path("caseNo").asText();
    // a grid report, and three complaints about one agency that risk monitoring links into a cluster
    String reportNo = gridReport("胡同停车秩序混乱", null).path("reportNo").asText();
    for (int day = 1; day <= 3; day++) {
      gridReport("群租房隐患，第 " + day + " 次反映", Map.of("name", "北京安居群租中介有限公司", "phone", "13600001111"));
    }
    String clusterNo = client.get(DISTRICT, "/api/risk/clusters").body().get(0).path("clusterNo").asText();

    // ---- the problem list: three meetings in two streets, eight problems
    List<String> andingmen1 = problemNos(meeting(STREET_USER, ANDINGMEN, "GROUP_MEETING", "2027-01-04", List.of(
        problem("老旧小区加装电梯协商难", List.of(Map.of("kind", "CASE", "reference", caseNo))),
        problem("胡同停车秩序混乱", List.of(Map.of("kind", "GRID_REPORT", "reference", reportNo))),
        problem("商户占道经营", List.of()),
        problem("夜间施工噪音投诉集中", List.of()))));
    at(2027, 1, 5);
    List<String> andingmen2 = problemNos(meeting(STREET_USER, ANDINGMEN, "RANDOM_VISIT", "2027-01-05", List.of(
        problem("群租房安全隐患", List.of(Map.of("kind", "RISK_CLUSTER", "reference", clusterNo))))));
    at(2027, 1, 6);
    List<String> qianmen = problemNos(meeting(OTHER_STREET_USER, QIANMEN, "TARGETED_APPOINTMENT", "2027-01-06", List.of(
        problem("景区周边黑导游", List.of()), problem("商铺租赁合同纠纷多发", List.of()),
        problem("跨区域劳资纠纷调处衔接不畅", List.of()))));
    assertThat(andingmen1.size() + andingmen2.size() + qianmen.size()).isEqualTo(8);
    refuseBadMeetings(caseNo);
    assertThat(client.get(OTHER_STREET_USER, "/api/dialogue/meetings").body()).hasSize(1);
    assertThat(client.get(STREET_USER, "/api/dialogue/problems").body()).hasSize(5);
    assertThat(client.get(DISTRICT, "/api/dialogue/problems?cycleNo=" + CYCLE).body()).hasSize(8);

    // ---- the task list: five tasks, one merging four problems
    refuseBadTasks(qianmen.get(0));
    String merged = task("安定门街道综合整治", andingmen1, ANDINGMEN, "2027-03-20");
    String hard = task("群租房专项治理", andingmen2, ANDINGMEN, "2027-09-30");
    String overdue = task("前门景区秩序整治", List.of(qianmen.get(0)), QIANMEN, "2027-03-15");
    String late = task("商铺租赁纠纷化解", List.of(qianmen.get(1)), QIANMEN, "2027-10-31");
    String district = task("跨区域劳资纠纷衔接机制", List.of(qianmen.get(2)), DISTRICT_CODE, "2027-06-30");
    assertThat(client.get(DISTRICT, "/api/dialogue/tasks/" + merged).body().path("problemNos")).hasSize(4);
    assertThat(client.get(STREET_USER, "/api/dialogue/tasks").body().findValuesAsText("taskNo")).containsExactly(merged, hard);
    assertThat(client.get(STREET_USER, "/api/dialogue/tasks/" + overdue).status()).isEqualTo(403);
    Reply again = client.post(DISTRICT, "/api/dialogue/tasks", taskBody("重复", List.of(qianmen.get(0)), QIANMEN, "2027-05-01"));
    assertThat(again.status()).isEqualTo(400);

    // ---- the implementation list
    at(2027, 2, 10);
    assertThat(progress(STREET_USER, merged, 50, "已协调物业和居民代表", null, false).status()).isEqualTo(200);
    refuseBadProgress(merged);
    Reply hardReport = progress(STREET_USER, hard, 30, "涉及多部门执法，街道难以协调", null, true);
    assertThat(hardReport.body().path("status").asText()).isEqualTo("COORDINATION");
    assertThat(coordinate(hard, "区住建委、区消防救援支队联合执法", "2027-11-30").path("status").asText()).isEqualTo("IN_PROGRESS");
    at(2027, 2, 20);
    progress(OTHER_STREET_USER, overdue, 20, "已排查重点点位", null, false);
    at(2027, 3, 10);
    assertThat(progress(STREET_USER, merged, 100, "四项问题均已解决", null, false).body().path("status").asText()).isEqualTo("DONE");

    fireQuarter();
    JsonNode q1 = client.get(DISTRICT, "/api/dialogue/bulletins/TB-2027-Q1").body();
    assertThat(q1.path("entries")).hasSize(5);
    JsonNode q1Overdue = entry(q1, overdue);
    assertThat(q1Overdue.path("overdue").asBoolean()).isTrue();
    assertThat(q1Overdue.path("escalated").asBoolean()).isTrue();
    assertThat(entry(q1, merged).path("overdue").asBoolean()).isFalse();
    assertThat(client.get(DISTRICT, "/api/dialogue/tasks/" + overdue).body().path("status").asText()).isEqualTo("COORDINATION");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(overdue).taskDefinitionKey("Task_Coordinate").count())
        .as("the overdue task is a coordination task of its own").isEqualTo(1);
    assertThat(progress(OTHER_STREET_USER, overdue, 30, "继续推进", null, false).status()).as("in coordination").isEqualTo(409);
    assertThat(client.get(OTHER_STREET_USER, "/api/dialogue/bulletins/TB-2027-Q1").body().path("entries")).hasSize(2);
    at(2027, 4, 5);
    coordinate(overdue, "区文旅局牵头联合整治", "2027-08-31");

    at(2027, 6, 1);
    progress(DISTRICT, district, 100, "已建立跨区域联调机制", null, false);
    Reply tooEarly = client.post(DISTRICT, "/api/dialogue/reviews", Map.of("taskNo", merged, "rating", "SOLVED", "evidence", "x"));
    assertThat(tooEarly.status()).as("a review of an unfinished cycle").isEqualTo(409);
    assertThat(tooEarly.contentType()).startsWith("application/problem+json");
    fireQuarter();
    at(2027, 7, 2);
    progress(OTHER_STREET_USER, overdue, 60, "整治过半", null, false);
    fireQuarter();
    assertThat(entry(client.get(DISTRICT, "/api/dialogue/bulletins/TB-2027-Q3").body(), overdue).path("escalated").asBoolean())
        .as("overdue again after its new deadline").isTrue();
    at(2027, 11, 1);
    progress(STREET_USER, hard, 100, "群租房全部清理", null, false);
    at(2027, 12, 20);
    progress(OTHER_STREET_USER, late, 100, "纠纷大部分化解", null, false);
    fireQuarter();
    assertThat(client.get(DISTRICT, "/api/dialogue/bulletins?cycleNo=" + CYCLE).body()).hasSize(4);
    assertThat(cycle().path("status").asText()).isEqualTo("REVIEW");

    // ---- the effectiveness list and the assessment
    at(2028, 1, 3);
    Reply notAll = client.post(DISTRICT, "/api/dialogue/assessments", Map.of("cycleNo", CYCLE, "summary", "总结"));
    assertThat(notAll.status()).as(notAll.raw()).isEqualTo(400);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dialogue_assessments").query(Long.class).single()).isZero();
    assertThat(client.post(DISTRICT, "/api/dialogue/reviews", Map.of("taskNo", merged, "rating", "FIXED", "evidence", "x"))
        .status()).isEqualTo(400);
    assertThat(client.post(STREET_USER, "/api/dialogue/reviews", Map.of("taskNo", merged, "rating", "SOLVED", "evidence", "x"))
        .status()).isEqualTo(403);
    review(merged, "SOLVED", "居民满意度调查 95%");
    review(hard, "SOLVED", "消防检查全部合格");
    review(overdue, "NOT_SOLVED", "景区周边仍有黑导游");
    review(late, "PARTLY", "尚有 3 起纠纷未化解");
    JsonNode reviewed = review(district, "SOLVED", "机制运行良好");
    // the task's area is 前门 (its one problem's street): risk monitoring gives the index when set and at review
    assertThat(reviewed.path("indexBefore").isNumber()).as(reviewed.toString()).isTrue();
    assertThat(reviewed.path("indexBefore").asDouble()).isBetween(0.0, 100.0);
    assertThat(reviewed.path("indexAfter").isNumber()).isTrue();
    Reply assessed = client.post(DISTRICT, "/api/dialogue/assessments", Map.of("cycleNo", CYCLE, "summary", "年度任务总体完成，前门街道落实不力"));
    assertThat(assessed.status()).as(assessed.raw()).isEqualTo(201);
    Map<String, JsonNode> byUnit = new HashMap<>();
    assessed.body().forEach(a -> byUnit.put(a.path("unitCode").asText(), a));
    assertThat(byUnit.get(ANDINGMEN).path("score").asDouble()).isEqualTo(100.0);
    assertThat(byUnit.get(ANDINGMEN).path("grade").asText()).isEqualTo("优秀");
    assertThat(byUnit.get(QIANMEN).path("score").asDouble()).isEqualTo(15.0);
    assertThat(byUnit.get(QIANMEN).path("calledIn").asBoolean()).isTrue();
    assertThat(byUnit.get(DISTRICT_CODE).path("calledIn").asBoolean()).isFalse();
    JsonNode annual = client.get(DISTRICT, "/api/dialogue/bulletins/TB-2027-ND").body();
    assertThat(annual.path("calledIn").findValuesAsText("unitCode")).containsExactly(QIANMEN);
    assertThat(client.get(OTHER_STREET_USER, "/api/dialogue/assessments").body().findValuesAsText("unitCode")).containsExactly(QIANMEN);

    Reply future = client.post(DISTRICT, "/api/dialogue/assessments/" + CYCLE + "/" + QIANMEN + "/admonition",
        Map.of("heldOn", "2028-02-01", "note", "约谈"));
    assertThat(future.status()).isEqualTo(400);
    Reply talk = client.post(DISTRICT, "/api/dialogue/assessments/" + CYCLE + "/" + QIANMEN + "/admonition",
        Map.of("heldOn", "2028-01-03", "note", "区委政法委约谈前门街道主要负责人，限期一个月整改"));
    assertThat(talk.status()).as(talk.raw()).isEqualTo(200);
    assertThat(talk.body().path("admonitionHeldOn").asText()).isEqualTo("2028-01-03");
    assertThat(cycle().path("status").asText()).isEqualTo("CLOSED");
    assertThat(client.get(DISTRICT, "/api/dialogue/tasks/" + overdue).body().path("status").asText()).isEqualTo("CARRIED_OVER");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CYCLE).count()).isZero();

    exports(merged, overdue);
  }

  // ------------------------------------------------------------------------------------ steps

  void keepTheRoster() {
    JsonNode before = client.get(DISTRICT, "/api/dialogue/officers/coverage").body();
    assertThat(before.path("gaps")).hasSize(17);
    Reply nowhere = client.post(DISTRICT, "/api/dialogue/officers", officer("110101099000"));
    assertThat(nowhere.status()).isEqualTo(400);
    assertThat(nowhere.contentType()).startsWith("application/problem+json");
    assertThat(nowhere.body().path("errors").findValuesAsText("field")).contains("streetCode");
    assertThat(client.post(STREET_USER, "/api/dialogue/officers", officer(ANDINGMEN)).status()).isEqualTo(403);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dialogue_officers").query(Long.class).single()).isZero();
    List<String> streets = jdbc.sql("SELECT code FROM (VALUES " + String.join(", ", java.util.stream.IntStream.rangeClosed(1, 17)
        .mapToObj(i -> String.format("('1101010%02d000')", i)).toList()) + ") AS s(code)").query(String.class).list();
    String first = null;
    for (String street : streets) {
      Reply r = client.post(DISTRICT, "/api/dialogue/officers", officer(street));
      assertThat(r.status()).as(r.raw()).isEqualTo(201);
      first = first == null ? r.body().path("officerNo").asText() : first;
    }
    Map<String, Object> judge = officer(streets.get(0));
    judge.put("organisation", "COURT");
    judge.put("name", "王法官");
    assertThat(client.put(DISTRICT, "/api/dialogue/officers/" + first, judge).body().path("organisation").asText()).isEqualTo("COURT");
    assertThat(client.put(DISTRICT, "/api/dialogue/officers/" + first, officer("x")).status()).isEqualTo(400);
    assertThat(client.delete(DISTRICT, "/api/dialogue/officers/MC-9999").status()).isEqualTo(404);
    JsonNode after = client.get(DISTRICT, "/api/dialogue/officers/coverage").body();
    assertThat(after.path("gaps")).isEmpty();
    assertThat(after.path("complete").asBoolean()).isTrue();
    assertThat(client.get(STREET_USER, "/api/dialogue/officers").body()).hasSize(1);
  }

  static Map<String, Object> officer(String street) {
    Map<String, Object> o = new HashMap<>();
    o.put("name", "李检察官");
    o.put("organisation", "PROCURATORATE");
    o.put("role", "检察官");
    o.put("contact", "010-64001234");
    o.put("streetCode", street);
    return o;
  }

  void refuseBadMeetings(String caseNo) {
    long meetings = count("dialogue_meetings");
    long problems = count("dialogue_problems");
    assertThat(client.post(DISTRICT, "/api/dialogue/meetings", meetingBody("110101099000", "GROUP_MEETING", "2027-01-04",
        List.of())).status()).as("a street that does not exist").isEqualTo(400);
    assertThat(client.post(DISTRICT, "/api/dialogue/meetings", meetingBody(ANDINGMEN, "GROUP_MEETING", "2027-02-04",
        List.of())).status()).as("a meeting in the future").isEqualTo(400);
    assertThat(client.post(DISTRICT, "/api/dialogue/meetings", meetingBody(ANDINGMEN, "TEA_PARTY", "2027-01-04",
        List.of())).status()).isEqualTo(400);
    assertThat(client.post(STREET_USER, "/api/dialogue/meetings", meetingBody(QIANMEN, "GROUP_MEETING", "2027-01-04",
        List.of())).status()).as("another street's meeting").isEqualTo(403);
    Reply unknownCase = client.post(DISTRICT, "/api/dialogue/meetings", meetingBody(ANDINGMEN, "GROUP_MEETING", "2027-01-04",
        List.of(problem("x", List.of(Map.of("kind", "CASE", "reference", "DC-NONE")))) ));
    assertThat(unknownCase.status()).isEqualTo(400);
    assertThat(unknownCase.body().path("errors").findValuesAsText("field")).contains("problems[0].links[0].reference");
    assertThat(client.post(OTHER_STREET_USER, "/api/dialogue/meetings", meetingBody(QIANMEN, "GROUP_MEETING", "2027-01-04",
        List.of(problem("x", List.of(Map.of("kind", "CASE", "reference", caseNo)))))).status())
        .as("another street's case").isEqualTo(400);
    assertThat(count("dialogue_meetings")).isEqualTo(meetings);
    assertThat(count("dialogue_problems")).isEqualTo(problems);
  }

  void refuseBadTasks(String problemNo) {
    long tasks = count("dialogue_tasks");
    assertThat(client.post(DISTRICT, "/api/dialogue/tasks", taskBody("无责任单位", List.of(problemNo), null, "2027-05-01"))
        .body().path("errors").findValuesAsText("field")).containsExactly("responsibleUnit");
    assertThat(client.post(DISTRICT, "/api/dialogue/tasks", taskBody("无期限", List.of(problemNo), QIANMEN, null))
        .body().path("errors").findValuesAsText("field")).containsExactly("deadline");
    Reply before = client.post(DISTRICT, "/api/dialogue/tasks", taskBody("期限早于下达", List.of(problemNo), QIANMEN, "2027-01-03"));
    assertThat(before.status()).isEqualTo(400);
    assertThat(before.body().path("errors").findValuesAsText("field")).containsExactly("deadline");
    assertThat(client.post(STREET_USER, "/api/dialogue/tasks", taskBody("街道自拟", List.of(problemNo), QIANMEN, "2027-05-01"))
        .status()).isEqualTo(403);
    assertThat(count("dialogue_tasks")).isEqualTo(tasks);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("dialogue-task").count()).isZero();
  }

  void refuseBadProgress(String taskNo) {
    long reports = count("dialogue_progress");
    assertThat(progress(STREET_USER, taskNo, 150, "超过", null, false).status()).isEqualTo(400);
    Reply backwards = progress(STREET_USER, taskNo, 40, "回退", null, false);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().path("errors").findValuesAsText("field")).containsExactly("reason");
    assertThat(progress(OTHER_STREET_USER, taskNo, 60, "他人代报", null, false).status()).isEqualTo(403);
    assertThat(count("dialogue_progress")).isEqualTo(reports);
    assertThat(client.get(STREET_USER, "/api/dialogue/tasks/" + taskNo).body().path("progress").asInt()).isEqualTo(50);
  }

  void exports(String merged, String overdue) throws Exception {
    Map<String, Integer> rows = Map.of("roster", 17, "problems", 8, "tasks", 5, "implementation", 5, "effectiveness", 5);
    Map<String, String> titles = Map.of("roster", "政法干警名册", "problems", "问题清单", "tasks", "任务清单",
        "implementation", "落实清单", "effectiveness", "成效清单");
    for (Map.Entry<String, Integer> list : rows.entrySet()) {
      HuianClient.Download x = client.download(DISTRICT, "/api/dialogue/exports/" + list.getKey() + ".xlsx?cycleNo=" + CYCLE);
      assertThat(x.status()).isEqualTo(200);
      assertThat(x.contentType()).contains("spreadsheetml");
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.bytes()))) {
        Sheet sheet = wb.getSheetAt(0);
        assertThat(sheet.getSheetName()).isEqualTo(titles.get(list.getKey()));
        assertThat(sheet.getLastRowNum() - 1).as(list.getKey()).isEqualTo(list.getValue());
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
          row.forEach(c -> cells.add(c.getStringCellValue()));
        }
        if (list.getKey().equals("tasks")) {
          assertThat(cells).contains(merged, "安定门街道综治中心", "前门街道综治中心");
        }
        if (list.getKey().equals("effectiveness")) {
          assertThat(cells).contains("未解决", "部分解决");
          assertThat(cells).as("the safety index before and after, from risk monitoring").anyMatch(c -> c.matches("\\d{1,3}(\\.\\d+)?"));
        }
      }
    }
    HuianClient.Download streetTasks = client.download(OTHER_STREET_USER, "/api/dialogue/exports/tasks.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(streetTasks.bytes()))) {
      assertThat(wb.getSheetAt(0).getLastRowNum() - 1).as("a street exports only its own tasks").isEqualTo(2);
    }
    assertThat(client.download(DISTRICT, "/api/dialogue/exports/secrets.xlsx").status()).isEqualTo(404);

    HuianClient.Download q1 = client.download(DISTRICT, "/api/dialogue/bulletins/TB-2027-Q1/pdf");
    assertThat(q1.contentType()).startsWith("application/pdf");
    assertThat(text(q1.bytes())).contains("平安恳谈任务落实情况季度通报", "逾期未完成任务", overdue, "前门街道", "已提级");
    // the template-rendered PDF shows the bulletin's own figures: each task's row with its deadline and progress
    JsonNode q1Json = client.get(DISTRICT, "/api/dialogue/bulletins/TB-2027-Q1").body();
    String q1Text = text(q1.bytes());
    assertThat(q1Text).contains(q1Json.path("bulletinNo").asText(), q1Json.path("asOf").asText());
    for (JsonNode e : q1Json.path("entries")) {
      assertThat(q1Text).as("the row of %s", e.path("taskNo").asText())
          .containsPattern(java.util.regex.Pattern.quote(e.path("taskNo").asText()) + "[\\s\\S]*?"
              + java.util.regex.Pattern.quote(e.path("deadline").asText()) + "\\s+" + e.path("progress").asInt() + "%");
    }
    try (PDDocument doc = Loader.loadPDF(q1.bytes())) {
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("平安恳谈任务落实情况季度通报");
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
    }
    HuianClient.Download annual = client.download(DISTRICT, "/api/dialogue/bulletins/TB-2027-ND/pdf");
    assertThat(text(annual.bytes())).contains("年度考核通报", "通报约谈单位", "前门街道");
    HuianClient.Download effectiveness = client.download(DISTRICT, "/api/dialogue/reviews/" + CYCLE + "/pdf");
    assertThat(text(effectiveness.bytes())).contains("2027 年度平安恳谈成效清单", "已解决", "未解决", "不合格", merged)
        .containsPattern("评估前指数|指数");
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  static void at(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, DialogueClock.BEIJING).toInstant()));
  }

  void fireQuarter() {
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CYCLE).singleResult().getId();
    fire(pi, DialogueCycle.Elements.QUARTER_END);
  }

  JsonNode cycle() {
    for (JsonNode c : client.get(DISTRICT, "/api/dialogue/cycles").body()) {
      if (c.path("cycleNo").asText().equals(CYCLE)) {
        return c;
      }
    }
    throw new AssertionError("no cycle " + CYCLE);
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  static Map<String, Object> problem(String title, List<Map<String, String>> links) {
    return Map.of("title", title, "description", title + "，群众反映强烈", "links", links);
  }

  static Map<String, Object> meetingBody(String street, String mode, String date, List<Map<String, Object>> problems) {
    return Map.of("mode", mode, "date", date, "streetCode", street, "participants", "区法院王法官、区检察院李检察官、社区居民代表 12 人",
        "notes", "围绕社区治理难点座谈", "problems", problems);
  }

  JsonNode meeting(String user, String street, String mode, String date, List<Map<String, Object>> problems) {
    Reply r = client.post(user, "/api/dialogue/meetings", meetingBody(street, mode, date, problems));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("cycleNo").asText()).isEqualTo(CYCLE);
    return r.body();
  }

  static List<String> problemNos(JsonNode meeting) {
    return meeting.path("problems").findValuesAsText("problemNo");
  }

  static Map<String, Object> taskBody(String title, List<String> problems, String unit, String deadline) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("problemNos", problems);
    b.put("responsibleUnit", unit);
    b.put("deadline", deadline);
    b.put("target", "问题点位清零，群众满意度不低于 90%");
    return b;
  }

  JsonNode gridReport(String description, Map<String, Object> subject) {
    Map<String, Object> b = new HashMap<>(Map.of("kind", "EVENT", "gridId", "110101004001-01", "description", description,
        "severity", 3, "occurredAt", "2027-01-03T10:00:00+08:00"));
    if (subject != null) {
      b.put("subject", subject);
    }
    Reply r = client.post(STREET_USER, "/api/grid-reports", b);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body();
  }

  String task(String title, List<String> problems, String unit, String deadline) {
    Reply r = client.post(DISTRICT, "/api/dialogue/tasks", taskBody(title, problems, unit, deadline));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body().path("taskNo").asText();
  }

  Reply progress(String user, String taskNo, int percent, String narrative, String reason, boolean hard) {
    Map<String, Object> b = new HashMap<>();
    b.put("percent", percent);
    b.put("narrative", narrative);
    b.put("reason", reason);
    b.put("hard", hard);
    return client.post(user, "/api/dialogue/tasks/" + taskNo + "/progress", b);
  }

  JsonNode coordinate(String taskNo, String decision, String newDeadline) {
    Reply r = client.post(DISTRICT, "/api/dialogue/tasks/" + taskNo + "/coordination",
        Map.of("decision", decision, "newDeadline", newDeadline));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body();
  }

  JsonNode review(String taskNo, String rating, String evidence) {
    Reply r = client.post(DISTRICT, "/api/dialogue/reviews", Map.of("taskNo", taskNo, "rating", rating, "evidence", evidence));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body();
  }

  static JsonNode entry(JsonNode bulletin, String taskNo) {
    for (JsonNode e : bulletin.path("entries")) {
      if (e.path("taskNo").asText().equals(taskNo)) {
        return e;
      }
    }
    throw new AssertionError("no entry for " + taskNo);
  }
}
