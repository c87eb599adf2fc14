package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention and personal-information rights (docs/privacy.md) over real HTTP: the access log, an
 * export as JSON, XLSX and PDF, erasure and its refusals (open case, legal hold), the retention job
 * (partial, resumed, idempotent) with a search of every table of the database afterwards and the
 * dashboards' figures compared, and Camunda's history cleanup removing what has passed its TTL.
 * Run with {@code huian.privacy.batch-size=1} and a five-year legal hold, so the job's batches and
 * a held case can be seen three years on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AbstractPrivacyApiTest extends AbstractApiTest {

  static final String PRIVACY = "privacy";
  static final String GRID_USER = "grid-110101004001-01";
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** A valid resident ID number (check character computed), born 1990-03-07. */
  static final String ID_NUMBER = withCheck("11010119900307123");

  @Autowired DataSource dataSource;

  // ------------------------------------------------------------------------------------ access log

  @Test
  @Order(1)
  void shouldLogEveryViewOfAnUnmaskedPhoneAndShowTheLogToThePrivacyOfficerOnly() {
    String caseNo = closedCase("郑晓燕", "13177778888", "小区停车纠纷", "郑晓燕反映车位被占");
    long earlier = client.get(PRIVACY, "/api/privacy/access-log?caseNo=" + caseNo).body().path("total").asLong();
    Reply detail = client.get("district", "/api/cases/" + caseNo);
    assertThat(detail.status()).isEqualTo(200);
    Reply refused = client.get(OTHER_STREET_USER, "/api/cases/" + caseNo);
    assertThat(refused.status()).isIn(403, 404);
    Reply list = client.get("district", "/api/cases?size=5");
    assertThat(list.status()).isEqualTo(200);

    Reply log = client.get(PRIVACY, "/api/privacy/access-log?caseNo=" + caseNo);
    assertThat(log.status()).as(log.raw()).isEqualTo(200);
    assertThat(log.body().path("total").asLong()).as("the three unmasked numbers of this view").isEqualTo(earlier + 3);
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode e = log.body().path("items").get(i);
      assertThat(e.path("actor").asText()).as("only the district saw the number").isEqualTo("district");
      assertThat(e.path("purpose").asText()).isEqualTo("CASE_DETAIL");
      assertThat(e.path("accessedAt").asText()).isNotBlank();
      fields.add(e.path("field").asText());
    }
    JsonNode parties = detail.body().path("parties");
    assertThat(fields).as("one entry per unmasked field (the organisation's number too), none for the refused view or the masked list")
        .containsExactlyInAnyOrder("reporter.phone", "parties[" + parties.get(0).path("id").asLong() + "].phone",
            "parties[" + parties.get(1).path("id").asLong() + "].phone");
    assertThat(log.raw()).doesNotContain("13177778888");
    assertThat(client.get(PRIVACY, "/api/privacy/access-log?actor=district&purpose=CASE_DETAIL").body().path("total").asLong())
        .isGreaterThanOrEqualTo(2);

    Reply report = client.post(GRID_USER, "/api/grid-reports", Map.of("kind", "EVENT", "gridId", ANDINGMEN_GRID,
        "description", "楼道堆放杂物", "severity", 2,
        "occurredAt", ZonedDateTime.ofInstant(now.minus(Duration.ofHours(1)), BEIJING).toOffsetDateTime().toString(),
        "subject", Map.of("name", "某商店", "phone", "13277776666")));
    assertThat(report.status()).as(report.raw()).isEqualTo(201);
    String reportNo = report.body().path("reportNo").asText();
    assertThat(client.get(GRID_USER, "/api/grid-reports/" + reportNo).status()).isEqualTo(200);
    JsonNode reportLog = client.get(PRIVACY, "/api/privacy/access-log?itemRef=" + reportNo).body();
    assertThat(reportLog.path("total").asLong()).as("the detail's view, not the answer to the POST").isEqualTo(1);
    assertThat(reportLog.path("items").get(0).path("field").asText()).isEqualTo("subject.phone");
    assertThat(reportLog.path("items").get(0).path("actor").asText()).isEqualTo(GRID_USER);

    assertThat(client.get(STREET_USER, "/api/privacy/access-log").status()).isEqualTo(403);
    assertThat(client.get("district", "/api/privacy/access-log").status()).isEqualTo(403);
    assertThat(client.get("admin", "/api/privacy/access-log?caseNo=" + caseNo).status()).isEqualTo(200);
    Reply bad = client.get(PRIVACY, "/api/privacy/access-log?from=yesterday&size=0&purpose=LOOK");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").findValuesAsText("field")).contains("from", "size", "purpose");
    Reply policy = client.get(PRIVACY, "/api/privacy/retention-policy");
    assertThat(policy.status()).isEqualTo(200);
    assertThat(policy.body().findValuesAsText("kind")).contains("CASE_RECORD", "PHONE", "GRID_REPORT", "CONFIRMATION_LINK",
        "NOTIFICATION", "RISK_REPORT", "DIALOGUE_EXPORT", "ATTACHMENT", "CAMUNDA_HISTORY", "ACCESS_LOG");
  }

  // ------------------------------------------------------------------------------------ export

  @Test
  @Order(2)
  void shouldExportEverythingAboutAPhoneOrIdNumberAsJsonXlsxAndPdf() throws Exception {
    String caseNo = closedCase("韩梅梅", "13266665555", "韩梅梅家中漏水纠纷",
        "韩梅梅（身份证 " + ID_NUMBER + "）反映楼上漏水，联系电话 132 6666 5555");
    Reply json = client.post(PRIVACY, "/api/privacy/exports", Map.of("phone", "132-6666-5555"));
    assertThat(json.status()).as(json.raw()).isEqualTo(200);
    JsonNode c = single(json.body().path("cases"), caseNo);
    assertThat(c.path("reporterName").asText()).isEqualTo("韩梅梅");
    assertThat(c.path("reporterPhone").asText()).isEqualTo("13266665555");
    assertThat(c.path("parties").findValuesAsText("name")).contains("韩梅梅", "某物业管理有限公司");
    assertThat(c.path("timeline").findValuesAsText("type")).contains("RECEIVED", "CLOSED");
    assertThat(c.path("notifications").size()).as("the closing SMS to the reporter").isPositive();
    assertThat(c.path("processVariables").findValuesAsText("name")).contains("caseNo", "title");
    assertThat(c.path("processTasks").findValuesAsText("name")).isNotEmpty();
    assertThat(json.body().path("subjectMasked").asText()).isEqualTo("132****5555");

    Reply byId = client.post(PRIVACY, "/api/privacy/exports", Map.of("idNumber", ID_NUMBER.toLowerCase()));
    assertThat(byId.status()).as(byId.raw()).isEqualTo(200);
    single(byId.body().path("cases"), caseNo);

    byte[] xlsx = download(PRIVACY, "/api/privacy/exports.xlsx", Map.of("phone", "13266665555"));
    try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      assertThat(cells(book.getSheet("案件"))).contains(caseNo, "韩梅梅", "13266665555");
      assertThat(cells(book.getSheet("当事人"))).contains("韩梅梅");
      assertThat(cells(book.getSheet("流程变量"))).contains("title");
    }
    byte[] pdf = download(PRIVACY, "/api/privacy/exports.pdf", Map.of("phone", "13266665555"));
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text).contains(caseNo, "韩梅梅", "13266665555", "个人信息");
    }

    Reply log = client.get(PRIVACY, "/api/privacy/access-log?purpose=EXPORT&caseNo=" + caseNo);
    assertThat(log.body().path("items").findValuesAsText("field")).as("three exports by phone, one by ID number")
        .containsExactlyInAnyOrder("export:phone", "export:phone", "export:phone", "export:idNumber");
    assertThat(log.body().path("items").findValuesAsText("actor")).containsOnly(PRIVACY);

    assertThat(client.post(STREET_USER, "/api/privacy/exports", Map.of("phone", "13266665555")).status()).isEqualTo(403);
    Reply both = client.post(PRIVACY, "/api/privacy/exports", Map.of("phone", "13266665555", "idNumber", ID_NUMBER));
    assertThat(both.status()).isEqualTo(400);
    Reply badId = client.post(PRIVACY, "/api/privacy/exports", Map.of("idNumber", ID_NUMBER.substring(0, 17) + "0"));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body().path("errors").findValuesAsText("field")).containsExactly("idNumber");
    Reply nobody = client.post(PRIVACY, "/api/privacy/exports", Map.of("phone", "19900000000"));
    assertThat(nobody.status()).isEqualTo(200);
    assertThat(nobody.body().path("cases").size()).isZero();
  }

  // ------------------------------------------------------------------------------------ erasure

  @Test
  @Order(3)
  void shouldEraseEarlyButRefuseOpenCasesAndCasesUnderLegalHold() {
    String erased = closedCase("冯雪梅", "13099990000", "冯雪梅装修噪音纠纷", "冯雪梅反映装修噪音，电话 13099990000");
    String held = judicialReferral("蒋志刚", "13088887777");
    String open = openCase("陈美玲", "15022223333");

    Reply onHold = client.post(PRIVACY, "/api/privacy/erasures", Map.of("phone", "13088887777", "reason", "本人申请删除（登记号 2026-001）"));
    assertThat(onHold.status()).as(onHold.raw()).isEqualTo(409);
    assertThat(onHold.body().path("detail").asText()).contains("法律保留", "司法确认");
    assertThat(onHold.body().path("errors").findValuesAsText("field")).containsExactly("cases[" + held + "]");
    assertThat(get(held).path("reporter").path("name").asText()).isEqualTo("蒋志刚");

    Reply stillOpen = client.post(PRIVACY, "/api/privacy/erasures", Map.of("phone", "15022223333", "reason", "本人申请删除"));
    assertThat(stillOpen.status()).isEqualTo(409);
    assertThat(stillOpen.body().path("detail").asText()).contains("办理中");
    assertThat(get(open).path("reporter").path("phone").asText()).isEqualTo("15022223333");

    assertThat(client.post(PRIVACY, "/api/privacy/erasures", Map.of("phone", "13099990000")).status()).as("a reason is required")
        .isEqualTo(400);
    assertThat(client.post(PRIVACY, "/api/privacy/erasures", Map.of("phone", "19900000001", "reason", "x")).status()).isEqualTo(404);
    assertThat(client.post("district", "/api/privacy/erasures", Map.of("phone", "13099990000", "reason", "x")).status()).isEqualTo(403);

    Reply ok = client.post(PRIVACY, "/api/privacy/erasures", Map.of("phone", "13099990000", "reason", "本人申请删除（登记号 2026-002）"));
    assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
    assertThat(texts(ok.body().path("erasedCases"))).containsExactly(erased);
    JsonNode after = get(erased);
    assertThat(after.path("reporter").path("name").asText()).isEqualTo("当事人A");
    assertThat(after.path("reporter").path("phone").isMissingNode() || after.path("reporter").path("phone").isNull()).isTrue();
    assertThat(after.path("title").asText()).isEqualTo("当事人A装修噪音纠纷");
    assertThat(after.path("parties").findValuesAsText("name")).containsExactly("当事人A", "某物业管理有限公司");
    assertThat(DatabaseScan.find(dataSource, List.of("冯雪梅", "13099990000"))).as("every table").isEmpty();
    assertThat(DatabaseScan.find(dataSource, List.of("蒋志刚", "陈美玲"))).as("the held and the open case keep theirs").isNotEmpty();

    Reply again = client.post(PRIVACY, "/api/privacy/erasures", Map.of("phone", "13099990000", "reason", "重复申请"));
    assertThat(again.status()).as("nothing left to find: the number is gone").isEqualTo(404);

    Reply runs = client.get(PRIVACY, "/api/privacy/runs?limit=5");
    assertThat(runs.status()).isEqualTo(200);
    JsonNode latest = runs.body().get(0);
    assertThat(latest.path("kind").asText()).isEqualTo("ERASURE");
    assertThat(latest.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(latest.path("casesAnonymised").asInt()).isEqualTo(1);
    assertThat(latest.path("subject").asText()).isEqualTo("130****0000");
    assertThat(runs.raw()).doesNotContain("13088887777", "15022223333", "13099990000");
    assertThat(runs.body().findValuesAsText("status")).contains("REFUSED");
  }

  // ------------------------------------------------------------------------------------ retention job

  @Test
  @Order(4)
  void shouldAnonymiseExpiredCasesEverywhereKeepTheDashboardsAndBeResumableAndIdempotent() throws Exception {
    String first = intake("王秀英", "13911112222", "王秀英家中漏水纠纷",
        "王秀英（身份证 " + ID_NUMBER + "）反映楼上漏水，联系电话 13911112222，第三人赵建华不配合维修", "赵建华", "13722223333");
    Reply photo = MultipartBody.post(client, STREET_USER, "/api/cases/" + first + "/attachments", List.of(
        MultipartBody.Part.file("王秀英家.jpg", "image/jpeg", org.huian.attachment.TestImages.jpegWithGps(320, 240, 39.9489, 116.4123, 1)),
        MultipartBody.Part.field("caption", "王秀英家天花板漏水")));
    assertThat(photo.status()).as(photo.raw()).isEqualTo(201);
    close(first);
    JsonNode exported = single(client.post(PRIVACY, "/api/privacy/exports", Map.of("phone", "13911112222")).body().path("cases"), first);
    assertThat(exported.path("attachments").findValuesAsText("caption")).as("the export lists the photos").containsExactly("王秀英家天花板漏水");
    String second = closedCase("孙丽娟", "13633334444", "孙丽娟反映物业收费", "孙丽娟认为物业费过高");
    String held = judicialReferral("钱国强", "13544445555");
    String open = openCase("周海燕", "13355556666");
    Reply report = client.post(GRID_USER, "/api/grid-reports", Map.of("kind", "EVENT", "gridId", ANDINGMEN_GRID,
        "description", "吴志明在楼道堆放杂物，电话 13288889999", "severity", 2,
        "occurredAt", ZonedDateTime.ofInstant(now.minus(Duration.ofHours(2)), BEIJING).toOffsetDateTime().toString(),
        "subject", Map.of("name", "吴志明", "phone", "13288889999")));
    assertThat(report.status()).as(report.raw()).isEqualTo(201);

    jdbc.sql("INSERT INTO resident_tracking (token_hash, case_no, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
        .params("f".repeat(64), first).update(); // as if the resident had filed it at /report
    List<String> expired = List.of("王秀英", "赵建华", "孙丽娟", "吴志明", "13911112222", "13722223333", "13633334444",
        "61112222", "63334444", "13288889999", ID_NUMBER);
    Map<String, List<String>> before = DatabaseScan.find(dataSource, expired);
    assertThat(before.keySet()).as("the scan finds them before the job: in Huian's tables and in Camunda's history")
        .anyMatch(k -> k.toLowerCase().startsWith("cases.")).anyMatch(k -> k.toLowerCase().startsWith("act_hi_"))
        .anyMatch(k -> k.toLowerCase().startsWith("notification_outbox.")).anyMatch(k -> k.toLowerCase().startsWith("grid_reports."))
        .anyMatch(k -> k.toLowerCase().startsWith("attachments."));
    List<String> dashboards = dashboards();

    // three years and two days later: a first run stopped after one batch (one case), then the rest
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.ofInstant(now, BEIJING).plusYears(3).plusDays(2).toInstant()));
    Reply partial = client.post(PRIVACY, "/api/privacy/runs", Map.of("maxBatches", 1));
    assertThat(partial.status()).as(partial.raw()).isEqualTo(200);
    assertThat(partial.body().path("status").asText()).isEqualTo("PARTIAL");
    assertThat(partial.body().path("casesAnonymised").asInt()).isEqualTo(1);
    String checkpoint = partial.body().path("lastItem").asText();
    assertThat(checkpoint).startsWith("CASE:");
    long partialRun = partial.body().path("id").asLong();
    long started = System.nanoTime();
    Reply rest = client.post(PRIVACY, "/api/privacy/runs", Map.of());
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
    assertThat(rest.body().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(rest.body().path("reportsAnonymised").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(rest.body().path("casesRefused").asInt()).as("the held cases").isGreaterThanOrEqualTo(1);
    assertThat(rest.body().path("historyRowsChanged").asInt()).isPositive();
    assertThat(partial.body().path("attachmentsPurged").asInt() + rest.body().path("attachmentsPurged").asInt())
        .as("the photo").isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM attachments WHERE owner_no = ?").param(first).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT run_id FROM privacy_anonymised WHERE item_kind = 'CASE' AND item_ref = ?")
        .param(checkpoint.substring(5)).query(Long.class).single()).as("the first batch is not done again").isEqualTo(partialRun);
    for (String caseNo : List.of(first, second)) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM privacy_anonymised WHERE item_kind = 'CASE' AND item_ref = ?").param(caseNo)
          .query(Long.class).single()).isEqualTo(1);
    }
    ClockUtil.setCurrentTime(Date.from(now));
    System.out.printf("retention run: %d cases and %d grid reports in %d ms, %d rows of Huian's tables and %d history rows changed, "
            + "%d held; first batch %d rows / %d history rows%n", rest.body().path("casesAnonymised").asInt(),
        rest.body().path("reportsAnonymised").asInt(), millis, rest.body().path("rowsChanged").asInt(),
        rest.body().path("historyRowsChanged").asInt(), rest.body().path("casesRefused").asInt(),
        partial.body().path("rowsChanged").asInt(), partial.body().path("historyRowsChanged").asInt());

    assertThat(jdbc.sql("SELECT COUNT(*) FROM resident_tracking WHERE case_no = ?").param(first).query(Long.class).single())
        .as("the resident's tracking link ends with the anonymised case").isZero();
    Map<String, List<String>> left = DatabaseScan.find(dataSource, expired);
    assertThat(left).as("no name, phone or ID number of an anonymised case in any of %d tables",
        DatabaseScan.tables(dataSource).size()).isEmpty();
    assertThat(DatabaseScan.find(dataSource, List.of("钱国强", "13544445555"))).as("the case under legal hold keeps them")
        .isNotEmpty();
    assertThat(DatabaseScan.find(dataSource, List.of("周海燕", "13355556666"))).as("the open case keeps them").isNotEmpty();
    assertThat(dashboards()).as("funnel statistics and KPIs, mediation statistics, the safety index, the clusters' items")
        .isEqualTo(dashboards);
    String keys = jdbc.sql("SELECT matched_keys FROM risk_clusters WHERE cluster_no IN (SELECT cluster_no FROM risk_cluster_items "
        + "WHERE item_ref = ?)").param(held).query(String.class).list().toString();
    assertThat(keys).as("a cluster shared with other cases keeps their numbers (masked, as clusters show phones)")
        .contains("010****5555", "010****6666").doesNotContain("01061112222").doesNotContain("010****2222");

    JsonNode a = get(first);
    assertThat(a.path("title").asText()).isEqualTo("当事人A家中漏水纠纷");
    assertThat(a.path("reporter").path("name").asText()).isEqualTo("当事人A");
    assertThat(a.path("parties").findValuesAsText("name")).containsExactly("当事人A", "某物业管理有限公司", "当事人B");
    assertThat(a.path("description").asText()).contains("〔已删除〕", "第三人当事人B不配合维修");
    assertThat(a.path("status").asText()).isEqualTo("CLOSED");
    assertThat(a.path("timeline").findValuesAsText("type")).contains("RECEIVED", "RESOLVED", "CLOSED");
    assertThat(get(held).path("reporter").path("name").asText()).isEqualTo("钱国强");
    assertThat(get(open).path("reporter").path("name").asText()).isEqualTo("周海燕");

    // idempotent: a second run finds nothing and changes no value in any table
    Set<String> moving = Set.of("privacy_runs", "privacy_access_log", "act_ru_meter_log", "act_ru_task_meter_log");
    String fingerprint = DatabaseScan.fingerprint(dataSource, moving);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.ofInstant(now, BEIJING).plusYears(3).plusDays(2).toInstant()));
    Reply second2 = client.post(PRIVACY, "/api/privacy/runs", Map.of());
    assertThat(second2.body().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(second2.body().path("casesAnonymised").asInt()).isZero();
    assertThat(second2.body().path("reportsAnonymised").asInt()).isZero();
    assertThat(second2.body().path("rowsChanged").asInt()).isZero();
    ClockUtil.setCurrentTime(Date.from(now));
    assertThat(DatabaseScan.fingerprint(dataSource, moving)).isEqualTo(fingerprint);
  }

  // ------------------------------------------------------------------------------------ history cleanup

  @Test
  @Order(5)
  void shouldRunCamundaHistoryCleanupInItsWindowAndRemoveOnlyWhatPassedItsTimeToLive() {
    List<Job> scheduled = historyService.findHistoryCleanupJobs();
    assertThat(scheduled).as("the cleanup job is scheduled at engine start (window configured)").isNotEmpty();
    int hour = scheduled.get(0).getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour();
    assertThat(hour).as("due inside the 01:00–05:00 window").isBetween(1, 4);

    String done = closedCase("褚文静", "13400001111", "褚文静反映噪音", "夜间噪音");
    String running = openCase("卫国平", "13400002222");
    String doneRoot = root(done);
    String runningRoot = root(running);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(doneRoot).count()).isEqualTo(1);
    List<String> dashboards = dashboards();

    // case-funnel's historyTimeToLive is P180D: 181 days after the end its history goes
    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(181))));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    // each execution removes up to the batch size (500) of each kind of history row, then reschedules itself
    for (int i = 0; i < 50 && historyRows(doneRoot) > 0; i++) {
      managementService.executeJob(cleanup.getId());
      cleanup = historyService.findHistoryCleanupJobs().get(0);
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(doneRoot).count()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ = ?").param(doneRoot).query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ROOT_PROC_INST_ID_ = ?").param(doneRoot).query(Long.class).single())
        .isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(runningRoot).count())
        .as("a running case's history has no removal time").isEqualTo(1);
    ClockUtil.setCurrentTime(Date.from(now));
    assertThat(get(done).path("timeline").findValuesAsText("type")).as("Huian's own timeline stays").contains("RECEIVED", "CLOSED");
    assertThat(dashboards()).isEqualTo(dashboards);
  }

  // ------------------------------------------------------------------------------------ helpers

  List<String> dashboards() {
    List<String> out = new ArrayList<>();
    for (String path : List.of("/api/stats/funnel", "/api/stats/mediation", "/api/risk/index?level=STREET",
        "/api/risk/index?level=COMMUNITY", "/api/risk/clusters")) {
      Reply r = client.get("district", path);
      assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(200);
      JsonNode body = r.body();
      if (path.equals("/api/risk/clusters")) {
        // a cluster's label and keys are the subject's identifiers, which anonymisation redacts; its items and counts stay
        body.forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove(List.of("label", "matchedKeys")));
      }
      out.add(path + " " + body);
    }
    return out;
  }

  long historyRows(String root) {
    return jdbc.sql("SELECT (SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ = :r) "
        + "+ (SELECT COUNT(*) FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ = :r) "
        + "+ (SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ROOT_PROC_INST_ID_ = :r) "
        + "+ (SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ROOT_PROC_INST_ID_ = :r) FROM huian_lock WHERE name = 'units'")
        .param("r", root).query(Long.class).single();
  }

  String root(String caseNo) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("case-funnel").singleResult().getRootProcessInstanceId();
  }

  String openCase(String name, String phone) {
    return intake(name, phone, name + "反映噪音扰民", "夜间噪音", null, null);
  }

  String closedCase(String name, String phone, String title, String description) {
    return closedCase(name, phone, title, description, null, null);
  }

  String closedCase(String name, String phone, String title, String description, String thirdParty, String thirdPhone) {
    return close(intake(name, phone, title, description, thirdParty, thirdPhone));
  }

  String close(String caseNo) {
    resolve(caseNo, "已协调处理");
    returnVisit(caseNo, "SATISFIED");
    runAsyncJobs();
    assertThat(get(caseNo).path("status").asText()).isEqualTo("CLOSED");
    return caseNo;
  }

  /** A case the handler refers to a court for judicial confirmation: closed, and held. */
  String judicialReferral(String name, String phone) {
    String caseNo = intake(name, phone, name + "工资纠纷", "拖欠工资", null, null);
    Reply r = client.completeTask(STREET_USER, handleTask(caseNo).getId(), Map.of("actionsTaken", "引导司法确认",
        "outcome", "JUDICIAL_REFERRAL", "judicialKind", "JUDICIAL_CONFIRMATION", "courtStation", "东城区人民法院诉调对接工作站",
        "judicialDate", LocalDate.ofInstant(now, BEIJING).toString(), "judicialResult", "已受理"));
    assertThat(r.status()).as(r.raw()).isEqualTo(204);
    runAsyncJobs();
    assertThat(get(caseNo).path("status").asText()).isEqualTo("CLOSED");
    return caseNo;
  }

  String intake(String name, String phone, String title, String description, String thirdParty, String thirdPhone) {
    JsonNode created = create(b -> {
      b.put("category", "PROPERTY_MANAGEMENT");
      b.put("title", title);
      b.put("description", description);
      b.put("reporter", new HashMap<>(Map.of("name", name, "phone", phone, "anonymous", false)));
      List<Map<String, Object>> parties = new ArrayList<>();
      parties.add(Map.of("role", "APPLICANT", "kind", "PERSON", "name", name, "phone", phone));
      parties.add(Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", "某物业管理有限公司", "phone", organisationPhone(phone)));
      if (thirdParty != null) {
        parties.add(Map.of("role", "THIRD_PARTY", "kind", "PERSON", "name", thirdParty, "phone", thirdPhone));
      }
      b.put("parties", parties);
    });
    runAsyncJobs();
    return created.path("caseNo").asText();
  }

  /** The respondent company's number, its own for each case (010-6 and the reporter's last seven digits). */
  static String organisationPhone(String phone) {
    return "010-6" + phone.substring(4);
  }

  static JsonNode single(JsonNode cases, String caseNo) {
    List<JsonNode> found = new ArrayList<>();
    cases.forEach(c -> {
      if (c.path("caseNo").asText().equals(caseNo)) {
        found.add(c);
      }
    });
    assertThat(found).as("case %s in the export", caseNo).hasSize(1);
    return found.get(0);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
    return out;
  }

  static List<String> cells(Sheet sheet) {
    List<String> out = new ArrayList<>();
    for (Row row : sheet) {
      row.forEach(cell -> out.add(cell.getStringCellValue()));
    }
    return out;
  }

  byte[] download(String user, String path, Object body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(HuianClient.write(body), StandardCharsets.UTF_8)).build();
    HttpResponse<byte[]> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return r.body();
  }

  static String withCheck(String seventeen) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (seventeen.charAt(i) - '0') * weights[i];
    }
    return seventeen + "10X98765432".charAt(sum % 11);
  }

}
