package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The resident's page over real HTTP, no login (docs/field-and-residents.md): a report with photos
 * becomes a routed case, each field's fault is named, a bad photo stores nothing, the honeypot,
 * anonymous reports, and a tracking link that shows no personal field through to the closed case.
 * Runs on H2 and on PostgreSQL.
 */
@TestPropertySource(properties = {"huian.resident.reports-per-ip=1000", "huian.resident.reports-per-phone=1000",
    "huian.resident.reads-per-ip=1000", "huian.public-base-url=https://huian.example.gov.cn"})
abstract class AbstractResidentReportApiTest extends AbstractApiTest {

  static final String REPORTER = "王秀兰";
  static final String PHONE = "13911112222";

  // ---------------------------------------------------------------------------------- helpers

  static Map<String, Object> report(Consumer<Map<String, Object>> change) {
    Map<String, Object> r = new HashMap<>();
    r.put("category", "SAFETY_HAZARD");
    r.put("description", "小区 3 号楼楼道堆满杂物，堵住了消防通道\n已经一个多月了");
    r.put("streetCode", ANDINGMEN);
    r.put("address", "安定门外大街 3 号楼");
    r.put("name", REPORTER);
    r.put("phone", PHONE);
    r.put("anonymous", false);
    r.put("website", "");
    change.accept(r);
    return r;
  }

  /** A multipart POST as the page sends it: the JSON part {@code report} and parts {@code files}. */
  static Reply postReport(HuianClient client, Object report, Map<String, byte[]> files) {
    String boundary = boundary();
    return client.postBytes(null, "/api/public/reports", "multipart/form-data; boundary=" + boundary,
        multipart(boundary, report, files));
  }

  static String boundary() {
    return "resident" + System.nanoTime();
  }

  static byte[] multipart(String boundary, Object report, Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"; filename=\"report.json\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + (report instanceof String s ? s : HuianClient.write(report)) + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    files.forEach((name, bytes) -> {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
          + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(bytes);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  Reply postReport(Object report, Map<String, byte[]> files) {
    return postReport(client, report, files);
  }

  /** A photo-like JPEG. */
  static byte[] photo(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillRect(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpeg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, byte[]> photos(int n) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      files.put("IMG_" + (1000 + i) + ".jpg", photo(320 + i, 240, i % 2 == 0 ? Color.RED : Color.BLUE));
    }
    return files;
  }

  static String token(JsonNode filed) {
    String path = filed.path("trackingPath").asText();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  // ---------------------------------------------------------------------------------- tests

  @Test
  void shouldTakeInAResidentReportWithItsPhotosAsARoutedOnlineCaseAndSendTheLinkBySms() {
    Reply r = postReport(report(x -> { }), photos(2));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.contentType()).contains("json");
    String caseNo = r.body().path("caseNo").asText();
    String token = token(r.body());
    assertThat(token).as("256 random bits, base64url").matches("[A-Za-z0-9_-]{43}");
    assertThat(r.body().path("trackingUrl").asText()).isEqualTo("https://huian.example.gov.cn/track/" + token);
    assertThat(r.body().path("photos").asInt()).isEqualTo(2);
    assertThat(r.body().path("smsQueued").asBoolean()).isTrue();

    JsonNode c = get(caseNo);
    assertThat(c.path("channel").asText()).isEqualTo("ONLINE");
    assertThat(c.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(c.path("level").asText()).isEqualTo("STREET");
    assertThat(c.path("unit").path("code").asText()).isEqualTo(ANDINGMEN);
    assertThat(c.path("title").asText()).as("derived from the description's first line")
        .isEqualTo("小区 3 号楼楼道堆满杂物，堵住了消防通道");
    assertThat(c.path("reporter").path("name").asText()).isEqualTo(REPORTER);
    assertThat(types(c)).containsSubsequence("RECEIVED", "ROUTED", "DISPATCHED");
    assertThat(handleTask(caseNo)).as("waits in the street's handling").isNotNull();

    JsonNode attachments = client.get(STREET_USER, "/api/cases/" + caseNo + "/attachments").body().path("items");
    assertThat(attachments.size()).isEqualTo(2);
    assertThat(attachments.findValuesAsText("step")).containsOnly("intake");
    assertThat(attachments.findValuesAsText("contentType")).containsOnly("image/jpeg");
    assertThat(client.download(STREET_USER, attachments.get(0).path("url").asText()).status()).isEqualTo(200);
    assertThat(client.get(OTHER_STREET_USER, "/api/cases/" + caseNo + "/attachments").status())
        .as("another street sees neither the case nor its photos").isEqualTo(404);

    assertThat(jdbc.sql("SELECT token_hash FROM resident_tracking WHERE case_no = ?").param(caseNo).query(String.class).list())
        .as("only the hash is stored").containsExactly(org.huian.mediation.ConfirmationLinks.hash(token));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resident_tracking WHERE token_hash = ?").param(token).query(Long.class).single())
        .isZero();
    Map<String, Object> sms = jdbc.sql("SELECT recipient, body FROM notification_outbox WHERE case_no = ? AND kind = 'TRACKING_LINK'")
        .param(caseNo).query().singleRow();
    assertThat(sms.get("recipient")).isEqualTo("sms:" + PHONE);
    assertThat((String) sms.get("body")).contains(caseNo, "https://huian.example.gov.cn/track/" + token);
  }

  @Test
  void shouldNameEachFieldTheResidentGotWrongAndStoreNothing() {
    long cases = count("cases");
    long links = count("resident_tracking");
    Reply empty = postReport(report(x -> {
      x.remove("category");
      x.put("description", " ");
      x.remove("streetCode");
      x.put("name", "");
      x.put("phone", "010-12345678");
    }), photos(1));
    assertThat(empty.status()).as(empty.raw()).isEqualTo(400);
    assertThat(empty.contentType()).startsWith("application/problem+json");
    Map<String, String> errors = errors(empty);
    assertThat(errors).containsOnlyKeys("category", "description", "streetCode", "name", "phone");
    assertThat(errors.get("category")).isEqualTo("请选择事项类别");
    assertThat(errors.get("streetCode")).isEqualTo("请选择事发街道");
    assertThat(errors.get("phone")).contains("11 位手机号码");

    Map<String, String> wrong = errors(postReport(report(x -> {
      x.put("category", "UFO");
      x.put("streetCode", "110101999000");
      x.put("description", "长".repeat(4001));
    }), Map.of()));
    assertThat(wrong).containsOnlyKeys("category", "streetCode", "description");
    assertThat(wrong.get("category")).contains("取值无效");
    assertThat(wrong.get("streetCode")).contains("未登记");
    assertThat(wrong.get("description")).contains("4000");

    assertThat(errors(postReport(report(x -> x.put("communityCode", "110101011001")), Map.of())))
        .as("a community of another street").containsOnlyKeys("communityCode");
    assertThat(errors(postReport(report(x -> { x.put("lat", 31.2); x.put("lon", 121.5); }), Map.of())))
        .as("a position outside the district").containsOnlyKeys("lat", "lon");
    assertThat(errors(postReport(report(x -> x.put("colour", "red")), Map.of()))).containsOnlyKeys("colour");
    assertThat(errors(postReport("{not json", Map.of()))).containsOnlyKeys("report");

    assertThat(count("cases")).isEqualTo(cases);
    assertThat(count("resident_tracking")).isEqualTo(links);
  }

  @Test
  void shouldStoreNothingWhenOnePhotoIsBad() {
    long cases = count("cases");
    long outboxRows = count("notification_outbox");
    Map<String, byte[]> files = photos(2);
    files.put("not-a-photo.jpg", "#!/bin/sh\necho this is no picture\n".getBytes(StandardCharsets.UTF_8));
    Reply r = postReport(report(x -> { }), files);
    assertThat(r.status()).as(r.raw()).isEqualTo(415);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(errors(r)).containsKey("files[2]");

    Reply tooMany = postReport(report(x -> { }), photos(10));
    assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(400);
    assertThat(count("cases")).as("no case").isEqualTo(cases);
    assertThat(count("notification_outbox")).as("no SMS").isEqualTo(outboxRows);
  }

  @Test
  void shouldReadAPhotosPositionOnlyWhenAskedAndStoreNoPhotoForIt() {
    long attachments = count("attachments");
    byte[] withGps = org.huian.attachment.TestImages.jpegWithGps(400, 300, 39.9455, 116.4075, 1);
    Reply found = client.postMultipart(null, "/api/public/photo-location", Map.of(), Map.of("file", withGps));
    assertThat(found.status()).as(found.raw()).isEqualTo(200);
    assertThat(found.body().path("found").asBoolean()).isTrue();
    assertThat(found.body().path("lat").asDouble()).isCloseTo(39.9455, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(found.body().path("lon").asDouble()).isCloseTo(116.4075, org.assertj.core.data.Offset.offset(1e-4));
    Reply none = client.postMultipart(null, "/api/public/photo-location", Map.of(), Map.of("file", photo(100, 80, Color.GREEN)));
    assertThat(none.body().path("found").asBoolean()).isFalse();
    Reply bad = client.postMultipart(null, "/api/public/photo-location", Map.of(), Map.of("file", "hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(bad.status()).isEqualTo(415);
    assertThat(count("attachments")).as("looking at a photo stores nothing").isEqualTo(attachments);

    Reply filed = postReport(report(x -> { x.put("lat", 39.9455); x.put("lon", 116.4075); }), Map.of("IMG_1.jpg", withGps));
    assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
    JsonNode c = get(filed.body().path("caseNo").asText());
    assertThat(c.path("location").path("lat").asDouble()).isEqualTo(39.9455);
  }

  @Test
  void shouldRefuseAFilledHoneypotAndStoreNothing() {
    long cases = count("cases");
    Reply r = postReport(report(x -> x.put("website", "http://cheap-pills.example")), photos(1));
    assertThat(r.status()).isEqualTo(400);
    assertThat(errors(r)).containsOnlyKeys("website");
    assertThat(count("cases")).isEqualTo(cases);
  }

  @Test
  void shouldKeepNeitherNameNorPhoneOfAnAnonymousReportAndSendNoSms() {
    Reply r = postReport(report(x -> x.put("anonymous", true)), Map.of());
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("smsQueued").asBoolean()).isFalse();
    String caseNo = r.body().path("caseNo").asText();
    Map<String, Object> row = jdbc.sql("SELECT reporter_name, reporter_phone, reporter_anonymous FROM cases WHERE case_no = ?")
        .param(caseNo).query().singleRow();
    assertThat(row.get("reporter_name")).isNull();
    assertThat(row.get("reporter_phone")).isNull();
    assertThat(row.get("reporter_anonymous")).isEqualTo(true);
    assertThat(outbox.kindsFor(caseNo)).doesNotContain("TRACKING_LINK");
    assertThat(client.get(null, "/api/public/track/" + token(r.body())).status()).isEqualTo(200);
  }

  @Test
  void shouldShowTheProgressWithoutAnyPersonalFieldThroughToClosed() {
    Reply filed = postReport(report(x -> { }), photos(1));
    String caseNo = filed.body().path("caseNo").asText();
    String token = token(filed.body());

    Reply open = client.get(null, "/api/public/track/" + token);
    assertThat(open.status()).as(open.raw()).isEqualTo(200);
    assertThat(open.raw()).doesNotContain("trackingUrl");
    assertThat(open.body().path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(open.body().path("statusName").asText()).isEqualTo("办理中");
    assertThat(open.body().path("unitName").asText()).isEqualTo("安定门街道综治中心");
    assertThat(open.body().path("deadline").isTextual()).isTrue();
    assertThat(open.body().path("photos").asInt()).isEqualTo(1);
    assertThat(open.body().path("notes").findValuesAsText("text")).containsExactly(
        "您的反映已受理", "已交由安定门街道综治中心办理", "承办单位已安排专人办理");

    resolve(caseNo, "已联系物业清理楼道，处置人王建国 13700001111");
    returnVisit(caseNo, "SATISFIED");
    Reply closed = client.get(null, "/api/public/track/" + token);
    assertThat(closed.body().path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.body().path("closed").asBoolean()).isTrue();
    assertThat(closed.body().has("deadline")).isFalse();
    assertThat(closed.body().path("notes").findValuesAsText("text"))
        .endsWith("承办单位已办结，将进行回访", "已完成回访", "事项已办结");

    JsonNode staffView = get(caseNo);
    List<String> secrets = new java.util.ArrayList<>(List.of(REPORTER, PHONE, org.huian.security.Masking.phone(PHONE), "王建国", "13700001111",
        STREET_USER, "电话回访", "楼道堆满杂物", "安定门外大街 3 号楼"));
    staffView.path("timeline").findValuesAsText("actor").stream().filter(a -> !a.isBlank()).forEach(secrets::add);
    for (String secret : secrets) {
      assertThat(closed.raw()).as("the tracking answer holds no %s", secret).doesNotContain(secret);
    }
    assertThat(closed.body().has("reporter")).isFalse();
    assertThat(closed.body().has("parties")).isFalse();
    assertThat(closed.body().has("description")).isFalse();
  }

  @Test
  void shouldAnswerAnUnknownOrMalformedTokenWith404ProblemAlike() {
    for (String token : List.of("A".repeat(43), "short", "x".repeat(200), "%2e%2e", "' OR 1=1 --")) {
      Reply r = client.get(null, "/api/public/track/" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20"));
      assertThat(r.status()).as(token).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    Reply page = client.getHtml("/track/" + "B".repeat(43));
    assertThat(page.status()).as("the page itself loads and asks the API").isEqualTo(200);
  }

  @Test
  void shouldServeTheFormsListsWithoutALogin() {
    JsonNode units = client.get(null, "/api/public/units").body();
    assertThat(units.path("district").path("code").asText()).isEqualTo("110101000000");
    assertThat(units.path("streets").size()).isEqualTo(17);
    assertThat(units.path("streets").get(0).path("communities").size()).isPositive();
    assertThat(units.toString()).as("no groups or staff").doesNotContain("-leaders").doesNotContain("groups");
    assertThat(client.get(null, "/api/public/categories").body().findValuesAsText("name")).contains("安全隐患");
    assertThat(client.get(null, "/api/public/districts").body().get(0).path("boundaries").asBoolean()).isFalse();
    assertThat(client.get(null, "/api/public/boundaries").status()).isEqualTo(404);
    assertThat(client.get(null, "/api/units").status()).as("the staff's tree still needs a login").isEqualTo(401);
    for (String sneaky : List.of("/api/public/../cases", "/api/public/%2e%2e/cases", "/api/public/..;/cases", "/api/public/%2E%2E/units")) {
      Reply r = client.get(null, sneaky);
      assertThat(r.status()).as("%s must not reach a staff endpoint without a login", sneaky).isIn(400, 401, 404);
      assertThat(r.raw()).doesNotContain("caseNo").doesNotContain("groups");
    }
    Reply form = client.getHtml("/report");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.raw()).contains("我要反映", "匿名反映");
  }

  static Map<String, String> errors(Reply r) {
    assertThat(r.status()).as(r.raw()).isBetween(400, 499);
    Map<String, String> errors = new LinkedHashMap<>();
    r.body().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
    return errors;
  }
}
