package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.huian.cases.CaseFunnel;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Duplicate suggestion and closing a case as a duplicate (docs/duplicates.md) over real HTTP:
 * suggestions with their reasons, the caller's scope, a case marked as a duplicate through to
 * closed, its process ended and its reporter told, and every bad request refused with nothing changed.
 */
abstract class AbstractDuplicatesApiTest extends AbstractApiTest {

  /** Mr Li's team's unpaid wages, as the first worker reports them at the window. */
  static Consumer<Map<String, Object>> wages(String firm) {
    return b -> wages(b, firm);
  }

  static Consumer<Map<String, Object>> wagesAgain(String firm) {
    return b -> wagesAgain(b, firm);
  }

  static void wages(Map<String, Object> b, String firm) {
    b.put("category", "WAGE_ARREARS");
    b.put("title", firm + "消防工程公司拖欠班组工资");
    b.put("description", "李师傅班组四年前为" + firm + "消防工程公司做消防工程，尾款八万六千元至今未付，多次讨要无果。");
    int n = Math.floorMod(firm.hashCode(), 9000) + 1000;
    location(b).put("address", "安定门外大街 " + n + " 号院");
    b.put("reporter", Map.of("name", "李建国", "phone", "1381234" + n, "anonymous", false));
    b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "李建国", "phone", "1381234" + n),
        Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", "北京" + firm + "消防工程有限公司", "phone", "010-8765" + n)));
    b.put("peopleInvolved", 6);
    b.put("amountInvolved", 86000);
  }

  /** The same matter, reported again by another worker of the team, worded differently. */
  static void wagesAgain(Map<String, Object> b, String firm) {
    wages(b, firm);
    b.put("title", "消防工程尾款被拖欠，工人讨薪");
    b.put("description", "我们班组给" + firm + "消防做的工程，尾款至今未付，工资拖欠四年了。");
    b.put("reporter", Map.of("name", "王强", "phone", againPhone(firm), "anonymous", false));
    b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "王强", "phone", againPhone(firm)),
        Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", firm + "消防工程（有限公司）", "phone", "0108765" + (Math.floorMod(firm.hashCode(), 9000) + 1000))));
  }

  /** The second reporter's phone: one per firm, so the tests' cases do not share reporters. */
  static String againPhone(String firm) {
    return "1390000" + (Math.floorMod(firm.hashCode(), 9000) + 1000);
  }

  /** A different matter in the same street: a noise complaint. */
  static void noise(Map<String, Object> b) {
    b.put("category", "NEIGHBOUR");
    b.put("title", "楼上装修噪音扰民");
    b.put("description", "楼上住户周末清早装修，电钻声很大，影响老人休息。");
    location(b).put("address", "交道口北头条 21 号");
    b.put("reporter", Map.of("name", "赵敏", "phone", "13700002222", "anonymous", false));
    b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "赵敏", "phone", "13700002222")));
  }

  String take(String user, Consumer<Map<String, Object>> change) {
    Reply r = client.post(user, "/api/cases", body(change));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body().path("caseNo").asText();
  }

  JsonNode suggestions(String user, Consumer<Map<String, Object>> change) {
    Reply r = client.post(user, "/api/cases/duplicates", body(change));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().path("items");
  }

  static List<String> caseNos(JsonNode items) {
    return items.findValuesAsText("caseNo");
  }

  @Test
  void shouldSuggestTheSameMatterWithItsReasonsAndStoreNothing() {
    String wagesCase = take(STREET_USER, wages("京安"));
    String noiseCase = take(STREET_USER, AbstractDuplicatesApiTest::noise);
    long cases = countCases();
    long keys = jdbc.sql("SELECT COUNT(*) FROM case_match_keys").query(Long.class).single();

    JsonNode items = suggestions(STREET_USER, wagesAgain("京安"));

    assertThat(caseNos(items)).contains(wagesCase).doesNotContain(noiseCase);
    JsonNode first = items.get(0);
    assertThat(first.path("caseNo").asText()).isEqualTo(wagesCase);
    assertThat(first.path("score").asDouble()).isBetween(0.5, 1.0);
    assertThat(first.path("reasons").findValuesAsText("kind")).contains("SAME_PARTY", "SAME_ADDRESS", "SIMILAR_TEXT",
        "SAME_CATEGORY_RECENT");
    assertThat(first.path("reasons").findValuesAsText("label")).anyMatch(l -> l.contains("北京京安消防工程有限公司"));
    assertThat(first.path("title").asText()).isEqualTo("京安消防工程公司拖欠班组工资");
    assertThat(first.path("categoryName").asText()).isEqualTo("欠薪纠纷");
    assertThat(items.toString()).as("no phone number in full").doesNotContain("1381234" + (Math.floorMod("京安".hashCode(), 9000) + 1000),
        "8765" + (Math.floorMod("京安".hashCode(), 9000) + 1000));
    assertThat(countCases()).as("a suggestion stores no case").isEqualTo(cases);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_match_keys").query(Long.class).single()).isEqualTo(keys);

    // the noise complaint repeated finds the noise case, not the wages
    JsonNode noiseAgain = suggestions(STREET_USER, b -> {
      noise(b);
      b.put("title", "楼上邻居装修噪声扰民");
      b.put("reporter", Map.of("name", "钱芳", "phone", "13600003333", "anonymous", false));
      b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "钱芳")));
    });
    assertThat(caseNos(noiseAgain)).first().isEqualTo(noiseCase);
    assertThat(caseNos(noiseAgain)).doesNotContain(wagesCase);

    // an unrelated report in another street finds nothing
    JsonNode unrelated = suggestions("district", b -> {
      b.put("category", "TRAFFIC");
      b.put("title", "路口信号灯故障");
      b.put("description", "前门大街路口红绿灯不亮，车辆拥堵。");
      b.put("location", new java.util.HashMap<>(Map.of("streetCode", QIANMEN, "address", "前门大街与大栅栏路口")));
      b.put("reporter", Map.of("name", "孙立", "phone", "13500004444", "anonymous", false));
      b.put("parties", List.of());
    });
    assertThat(caseNos(unrelated)).doesNotContain(wagesCase, noiseCase);
  }

  @Test
  void shouldSuggestOnlyCasesTheCallerMaySee() {
    String wagesCase = take(STREET_USER, wages("京泰"));

    assertThat(caseNos(suggestions("district", wagesAgain("京泰")))).contains(wagesCase);
    assertThat(caseNos(suggestions(STREET_USER, wagesAgain("京泰")))).contains(wagesCase);
    JsonNode other = suggestions(OTHER_STREET_USER, wagesAgain("京泰"));
    assertThat(caseNos(other)).as("前门 sees nothing of 安定门").doesNotContain(wagesCase);

    Reply hidden = client.get(OTHER_STREET_USER, "/api/cases/" + wagesCase + "/duplicates");
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.contentType()).startsWith("application/problem+json");
    assertThat(client.get(STREET_USER, "/api/cases/" + wagesCase + "/duplicates").status()).isEqualTo(200);
  }

  @Test
  void shouldCloseACaseAsADuplicateThroughItsFunnelAndTellTheReporter() {
    String original = take(STREET_USER, wages("京华"));
    String repeat = take(STREET_USER, wagesAgain("京华"));
    String processInstance = processInstance(repeat);
    assertThat(managementService.createJobQuery().processInstanceId(processInstance).timers().count())
        .as("the repeat's deadline timers run").isPositive();

    // the handler sees the original among the repeat's suggestions, as the Tasklist tab shows them
    Reply forRepeat = client.get(STREET_USER, "/api/cases/" + repeat + "/duplicates");
    assertThat(forRepeat.status()).as(forRepeat.raw()).isEqualTo(200);
    assertThat(caseNos(forRepeat.body().path("suggestions"))).first().isEqualTo(original);
    assertThat(caseNos(forRepeat.body().path("suggestions"))).doesNotContain(repeat);

    Reply marked = client.post(STREET_USER, "/api/cases/" + repeat + "/duplicate-of",
        Map.of("originalCaseNo", original, "note", "同一班组同一笔欠款"));
    assertThat(marked.status()).as(marked.raw()).isEqualTo(200);
    assertThat(marked.body().path("status").asText()).isEqualTo("DUPLICATE");
    assertThat(marked.body().path("duplicateOf").path("originalCaseNo").asText()).isEqualTo(original);
    assertThat(marked.body().path("duplicateOf").path("actor").asText()).isEqualTo(STREET_USER);

    // closed and linked, both directions in the timelines and in the duplicates view
    JsonNode repeatDetail = get(repeat);
    assertThat(repeatDetail.path("status").asText()).isEqualTo("DUPLICATE");
    assertThat(repeatDetail.path("closedAt").isMissingNode() || repeatDetail.path("closedAt").isNull()).isFalse();
    assertThat(types(repeatDetail)).endsWith("MARKED_DUPLICATE");
    assertThat(repeatDetail.path("timeline").findValuesAsText("note")).anyMatch(n -> n.contains(original) && n.contains("同一笔欠款"));
    JsonNode originalDetail = get(original);
    assertThat(originalDetail.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(types(originalDetail)).endsWith("DUPLICATE_LINKED");
    assertThat(originalDetail.path("timeline").findValuesAsText("note")).anyMatch(n -> n.contains(repeat));
    Reply forOriginal = client.get(STREET_USER, "/api/cases/" + original + "/duplicates");
    assertThat(forOriginal.body().path("duplicates").findValuesAsText("caseNo")).containsExactly(repeat);
    assertThat(caseNos(forOriginal.body().path("suggestions"))).as("a closed duplicate is not suggested").doesNotContain(repeat);

    // the process ended through the event subprocess: no task, no timer, the notification queued
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(repeat).count()).isZero();
    runAsyncJobs();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(repeat).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(processInstance).count()).as("no timer may fire").isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstance).finished().list())
        .extracting(HistoricActivityInstance::getActivityId)
        .contains(CaseFunnel.Elements.START_MARKED_DUPLICATE, CaseFunnel.Elements.CLOSE_AS_DUPLICATE,
            CaseFunnel.Elements.NOTIFY_DUPLICATE, CaseFunnel.Elements.END_CLOSED_AS_DUPLICATE)
        .doesNotContain(CaseFunnel.Elements.CLOSE);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstance).singleResult().getState())
        .isEqualTo("COMPLETED");
    List<Map<String, Object>> sms = jdbc.sql("SELECT recipient, body FROM notification_outbox WHERE case_no = ? AND kind = 'DUPLICATE'")
        .param(repeat).query().listOfRows();
    assertThat(sms).hasSize(1);
    assertThat(sms.get(0).get("recipient")).isEqualTo("sms:" + againPhone("京华"));
    assertThat((String) sms.get(0).get("body")).contains(repeat, original);
    // the original runs on
    assertThat(handleTask(original)).isNotNull();
  }

  @Test
  void shouldRefuseBadDuplicateMarkingsClearlyAndChangeNothing() {
    String original = take(STREET_USER, wages("京润"));
    String repeat = take(STREET_USER, wagesAgain("京润"));
    String elsewhere = take("district", b -> {
      noise(b);
      b.put("location", new java.util.HashMap<>(Map.of("streetCode", QIANMEN, "address", "大栅栏西街 9 号")));
    });
    String path = "/api/cases/" + repeat + "/duplicate-of";
    long links = jdbc.sql("SELECT COUNT(*) FROM case_links").query(Long.class).single();

    expect(client.post(STREET_USER, path, Map.of("originalCaseNo", repeat)), 400, "originalCaseNo");
    expect(client.post(STREET_USER, path, Map.of("note", "缺原案件")), 400, "originalCaseNo");
    expect(client.post(STREET_USER, path, Map.of("originalCaseNo", original, "note", "长".repeat(1001))), 400, "note");
    expect(client.post(STREET_USER, path, Map.of("originalCaseNo", "DC20990101999999")), 404, null);
    expect(client.post(STREET_USER, path, Map.of("originalCaseNo", elsewhere)), 404, null);
    expect(client.post(OTHER_STREET_USER, path, Map.of("originalCaseNo", elsewhere)), 404, null);
    expect(client.post(STREET_USER, "/api/cases/DC20990101999999/duplicate-of", Map.of("originalCaseNo", original)), 404, null);
    expect(client.postRaw(STREET_USER, path, "application/json", "{\"originalCaseNo\":"), 400, null);
    assertThat(client.postRaw(STREET_USER, path, "text/plain", original).status()).isEqualTo(415);
    assertThat(client.post("city", path, Map.of("originalCaseNo", original)).status()).as("the city reads only").isEqualTo(403);
    expect(client.post(STREET_USER, "/api/cases/duplicates", body(b -> b.remove("title"))), 400, "title");
    assertThat(get(repeat).path("status").asText()).as("nothing changed").isEqualTo("IN_PROGRESS");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_links").query(Long.class).single()).isEqualTo(links);

    assertThat(client.post(STREET_USER, path, Map.of("originalCaseNo", original)).status()).isEqualTo(200);
    runAsyncJobs();
    expect(client.post(STREET_USER, path, Map.of("originalCaseNo", original)), 409, "caseNo");
    Reply cycle = client.post(STREET_USER, "/api/cases/" + original + "/duplicate-of", Map.of("originalCaseNo", repeat));
    expect(cycle, 409, "originalCaseNo");
    assertThat(cycle.body().path("detail").asText()).contains("循环");
    String third = take(STREET_USER, wagesAgain("京润"));
    Reply chained = client.post(STREET_USER, "/api/cases/" + third + "/duplicate-of", Map.of("originalCaseNo", repeat));
    expect(chained, 409, "originalCaseNo");
    assertThat(chained.body().path("detail").asText()).contains(original);
    assertThat(get(original).path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(get(third).path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM case_links").query(Long.class).single()).isEqualTo(links + 1);
  }

  private static void expect(Reply r, int status, String field) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    assertThat(r.contentType()).as(r.raw()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.body().path("errors").findValuesAsText("field")).as(r.raw()).contains(field);
    }
  }
}
