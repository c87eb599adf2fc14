package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huian.e2e.Open311Client.child;
import static org.huian.e2e.Open311Client.children;
import static org.huian.e2e.Open311Client.fields;
import static org.huian.e2e.Open311Client.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.huian.cases.Category;
import org.huian.e2e.HuianClient.Reply;
import org.huian.e2e.Open311Client.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Open311 GeoReport v2 conformance over real HTTP (H2 and PostgreSQL subclasses), every answer
 * read in XML by the JDK's DOM parser or in JSON by Jackson: every method in both formats, the
 * specification's errors with their statuses, a POSTed request taken in as a case and followed
 * through the funnel to closed, API keys, the rate limit, and the privacy rule of public reads.
 * 余杭 is imported beside Dongcheng, so the endpoint serves two jurisdictions.
 */
abstract class AbstractOpen311ApiTest extends AbstractApiTest {

  static final String DONGCHENG = "110101000000";
  static final String YUHANG = "330110000000";
  static final String V2 = "/open311/v2/";
  static final String KEYS = "/api/admin/open311/keys";
  static final Map<String, String> DC = Map.of("jurisdiction_id", DONGCHENG);

  // what a resident told the client system, which no public read may show
  static final String RESIDENT = "王秀英";
  static final String RESIDENT_PHONE = "13912345678";
  static final String COMPANY = "北京某物业管理有限公司";
  static final String HOME = "交北头条胡同5号楼302";

  Open311Client open311;

  @BeforeEach
  void givenTwoJurisdictions() throws IOException {
    open311 = new Open311Client(port);
    String yuhang = new ClassPathResource("districts/yuhang/units.csv").getContentAsString(StandardCharsets.UTF_8);
    Reply units = client.postRaw("admin", "/api/admin/units/import", "text/csv", yuhang); // unchanged after the first time
    assertThat(units.status()).as(units.raw()).isEqualTo(200);
  }

  // ---------------------------------------------------------------------------------- helpers

  /** A new key for a district, as camunda-admin issues it. */
  String key(String district, Integer ratePerMinute) {
    Map<String, Object> body = new HashMap<>(Map.of("name", "12345 热线 " + System.nanoTime(), "district", district));
    if (ratePerMinute != null) {
      body.put("ratePerMinute", ratePerMinute);
    }
    Reply r = client.post("admin", KEYS, body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body().path("key").asText();
  }

  /** A property-management complaint at 交北头条社区 (安定门): taken in at the street. */
  static Map<String, String> complaint(String key, Consumer<Map<String, String>> change) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", key);
    form.put("jurisdiction_id", DONGCHENG);
    form.put("service_code", "PROPERTY_MANAGEMENT");
    form.put("address_string", HOME + "，交北头条社区，安定门街道，东城区");
    form.put("first_name", "秀英");
    form.put("last_name", "王");
    form.put("phone", RESIDENT_PHONE);
    form.put("email", "wxy@example.org");
    form.put("account_id", "acc-42");
    form.put("description", RESIDENT + "反映：" + COMPANY + "三个月不修电梯，联系电话 " + RESIDENT_PHONE + "。");
    form.put("attribute[" + "respondent_name" + "]", COMPANY);
    form.put("attribute[people_involved]", "3");
    change.accept(form);
    return form;
  }

  String submit(Map<String, String> form) {
    Answer a = open311.post(V2 + "requests.xml", form);
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    return text(child(a.xml().getDocumentElement(), "request"), "service_request_id");
  }

  static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> m = new LinkedHashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** An error answer: the status, and in the body the specification's list with that code. */
  static String error(Answer a, int status) {
    assertThat(a.status()).as(a.raw()).isEqualTo(status);
    if (a.contentType().startsWith("application/json")) {
      JsonNode errors = a.json();
      assertThat(errors.isArray()).as(a.raw()).isTrue();
      assertThat(errors).isNotEmpty();
      errors.forEach(e -> {
        assertThat(e.path("code").asInt()).isEqualTo(status);
        assertThat(e.path("description").asText()).isNotBlank();
      });
      return errors.findValuesAsText("description").toString();
    }
    assertThat(a.contentType()).startsWith("text/xml");
    Element root = a.xml().getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("errors");
    List<Element> errors = children(root, "error");
    assertThat(errors).isNotEmpty();
    StringBuilder all = new StringBuilder();
    for (Element e : errors) {
      assertThat(text(e, "code")).isEqualTo(Integer.toString(status));
      assertThat(text(e, "description")).isNotBlank();
      all.append(text(e, "description")).append('\n');
    }
    return all.toString();
  }

  JsonNode street(JsonNode stats) {
    for (JsonNode l : stats.path("levels")) {
      if (l.path("level").asText().equals("STREET")) {
        return l;
      }
    }
    throw new AssertionError("no STREET in " + stats);
  }

  JsonNode funnelAtAndingmen() {
    Reply r = client.get("district", "/api/stats/funnel?streetCode=" + ANDINGMEN);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return street(r.body());
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void shouldDescribeItselfAndItsServicesInXmlAndJson() {
    Answer discovery = open311.get(V2 + "discovery.xml");
    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.contentType()).isEqualTo("text/xml;charset=utf-8");
    assertThat(discovery.raw()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    Element d = discovery.xml().getDocumentElement();
    assertThat(d.getTagName()).isEqualTo("discovery");
    assertThat(text(d, "changeset")).isNotBlank();
    assertThat(text(d, "key_service")).contains("/api/admin/open311/keys");
    Element endpoint = child(child(d, "endpoints"), "endpoint");
    assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(text(endpoint, "url")).endsWith("/open311/v2");
    assertThat(children(child(endpoint, "formats"), "format")).extracting(Element::getTextContent)
        .containsExactly("text/xml", "application/json");
    JsonNode dj = open311.get(V2 + "discovery.json").json();
    assertThat(dj.path("endpoints").get(0).path("formats")).extracting(JsonNode::asText).contains("application/json");

    Answer services = open311.get(V2 + "services.xml", DC);
    assertThat(services.status()).as(services.raw()).isEqualTo(200);
    List<Element> list = children(services.xml().getDocumentElement(), "service");
    assertThat(list).hasSize(Category.values().length);
    Map<String, Map<String, String>> byCode = new HashMap<>();
    list.forEach(s -> byCode.put(text(s, "service_code"), fields(s)));
    assertThat(byCode.keySet()).containsExactlyInAnyOrder(java.util.Arrays.stream(Category.values()).map(Enum::name).toArray(String[]::new));
    assertThat(byCode.get("SAFETY_HAZARD")).containsEntry("group", "风险隐患").containsEntry("service_name", "安全隐患");
    assertThat(byCode.get("WAGE_ARREARS")).containsEntry("group", "矛盾纠纷").containsEntry("type", "realtime")
        .containsEntry("metadata", "true");
    assertThat(byCode.get("FAMILY").get("description")).contains("不公开");
    JsonNode sj = open311.get(V2 + "services.json", DC).json();
    assertThat(sj.isArray()).isTrue();
    assertThat(sj).hasSize(Category.values().length);
    assertThat(sj.get(0).fieldNames()).toIterable()
        .containsExactly("service_code", "service_name", "description", "metadata", "type", "keywords", "group");

    Answer wage = open311.get(V2 + "services/WAGE_ARREARS.xml", DC);
    Element def = wage.xml().getDocumentElement();
    assertThat(def.getTagName()).isEqualTo("service_definition");
    assertThat(text(def, "service_code")).isEqualTo("WAGE_ARREARS");
    Map<String, Element> attributes = new HashMap<>();
    children(child(def, "attributes"), "attribute").forEach(a -> attributes.put(text(a, "code"), a));
    assertThat(attributes).containsKeys("people_involved", "amount_involved", "cross_region", "respondent_name");
    assertThat(text(attributes.get("amount_involved"), "required")).isEqualTo("true");
    assertThat(text(attributes.get("amount_involved"), "datatype")).isEqualTo("number");
    assertThat(children(child(attributes.get("cross_region"), "values"), "value"))
        .extracting(v -> text(v, "key") + "=" + text(v, "name")).containsExactly("true=是", "false=否");
    JsonNode family = open311.get(V2 + "services/FAMILY.json", DC).json();
    assertThat(family.path("service_code").asText()).isEqualTo("FAMILY");
    JsonNode notice = family.path("attributes").get(family.path("attributes").size() - 1);
    assertThat(notice.path("code").asText()).isEqualTo("privacy_notice");
    assertThat(notice.path("variable").asBoolean()).isFalse();
    assertThat(notice.has("datatype_description")).as("null fields are written").isTrue();
  }

  @Test
  void shouldTakeInAPostedRequestAsACaseAndFollowItsStatusAndNotesToClosed() throws Exception {
    String key = key(DONGCHENG, null);
    JsonNode before = funnelAtAndingmen();
    long cases = countCases();

    Answer posted = open311.post(V2 + "requests.xml", complaint(key, f -> { }));
    assertThat(posted.status()).as(posted.raw()).isEqualTo(200);
    Element request = child(posted.xml().getDocumentElement(), "request");
    String id = text(request, "service_request_id");
    assertThat(children(request, "token")).as("realtime: the id, never a token").isEmpty();
    assertThat(text(request, "account_id")).isEqualTo("acc-42");
    assertThat(text(request, "service_notice")).contains("安定门").contains("办结时限");
    String token = posted.header("X-Open311-Token");
    assertThat(token).isNotBlank();

    // a normal case: channel OPEN311, the same routing (property management → street) and funnel
    JsonNode c = get(id);
    assertThat(c.path("channel").asText()).isEqualTo("OPEN311");
    assertThat(c.path("level").asText()).isEqualTo("STREET");
    assertThat(c.path("unit").path("code").asText()).isEqualTo(ANDINGMEN);
    assertThat(types(c)).startsWith("RECEIVED");
    Map<String, Object> row = jdbc.sql("SELECT * FROM cases WHERE case_no = ?").param(id).query().singleRow();
    assertThat(row.get("community_code")).as("交北头条社区 from address_string").isEqualTo(ANDINGMEN_COMMUNITY);
    assertThat(row.get("reporter_name")).isEqualTo(RESIDENT);
    assertThat(row.get("reporter_phone")).isEqualTo(RESIDENT_PHONE);
    assertThat(jdbc.sql("SELECT name FROM case_parties WHERE case_no = ? ORDER BY position").param(id).query(String.class).list())
        .containsExactly(RESIDENT, COMPANY);
    assertThat(handleTask(id)).as("waiting in the street's Tasklist").isNotNull();
    assertThat(funnelAtAndingmen().path("inProgress").asLong()).isEqualTo(before.path("inProgress").asLong() + 1);

    // the same submission again (a retry after a lost answer): the same case, nothing new
    Answer again = open311.post(V2 + "requests.json", complaint(key, f -> { }));
    assertThat(again.status()).as(again.raw()).isEqualTo(200);
    assertThat(again.json().get(0).path("service_request_id").asText()).isEqualTo(id);
    assertThat(countCases()).isEqualTo(cases + 1);

    JsonNode byToken = open311.get(V2 + "tokens/" + token + ".json", DC).json();
    assertThat(byToken.get(0).path("service_request_id").asText()).isEqualTo(id);
    assertThat(byToken.get(0).path("token").asText()).isEqualTo(token);
    Element tokenXml = child(open311.get(V2 + "tokens/" + token + ".xml", DC).xml().getDocumentElement(), "request");
    assertThat(text(tokenXml, "service_request_id")).isEqualTo(id);

    // open: the current unit, the current deadline, the latest note
    JsonNode open = open311.get(V2 + "requests/" + id + ".json", DC).json().get(0);
    assertThat(open.path("status").asText()).isEqualTo("open");
    assertThat(open.path("service_code").asText()).isEqualTo("PROPERTY_MANAGEMENT");
    assertThat(open.path("service_name").asText()).isEqualTo("物业服务纠纷");
    assertThat(open.path("agency_responsible").asText()).isEqualTo(c.path("unit").path("name").asText());
    assertThat(OffsetDateTime.parse(open.path("expected_datetime").asText()).toInstant())
        .isEqualTo(Instant.parse(c.path("deadline").asText()));
    assertThat(open.path("expected_datetime").asText()).endsWith("+08:00");
    assertThat(open.path("status_notes").asText()).contains("安定门");
    assertThat(open.path("address").asText()).isEqualTo("交北头条社区，安定门，东城区");
    assertThat(open.path("description").asText()).contains("王**反映").contains("某单位三个月不修电梯").contains("139****5678");
    assertThat(open.fieldNames()).toIterable().containsExactly("service_request_id", "status", "status_notes", "service_name",
        "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
        "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    Document openList = open311.get(V2 + "requests.xml", with(DC, "status", "open", "service_code", "PROPERTY_MANAGEMENT")).xml();
    assertThat(children(openList.getDocumentElement(), "request")).extracting(r -> text(r, "service_request_id")).contains(id);

    // the street resolves it, the return visit is satisfied: closed
    resolve(id, "已督促物业修复电梯");
    JsonNode resolved = open311.get(V2 + "requests/" + id + ".json", DC).json().get(0);
    assertThat(resolved.path("status").asText()).isEqualTo("open");
    assertThat(resolved.path("status_notes").asText()).isEqualTo("安定门街道综治中心已处置，待回访".replace("安定门街道综治中心",
        c.path("unit").path("name").asText()));
    returnVisit(id, "SATISFIED");
    runAsyncJobs();
    assertThat(get(id).path("status").asText()).isEqualTo("CLOSED");

    Element closed = child(open311.get(V2 + "requests/" + id + ".xml", DC).xml().getDocumentElement(), "request");
    assertThat(text(closed, "status")).isEqualTo("closed");
    assertThat(text(closed, "status_notes")).isEqualTo("已办结");
    assertThat(text(closed, "expected_datetime")).isEmpty();
    assertThat(OffsetDateTime.parse(text(closed, "updated_datetime")).toInstant())
        .isEqualTo(jdbc.sql("SELECT closed_at FROM cases WHERE case_no = ?").param(id).query(java.sql.Timestamp.class).single().toInstant());
    Document closedList = open311.get(V2 + "requests.xml", with(DC, "status", "closed")).xml();
    assertThat(children(closedList.getDocumentElement(), "request")).extracting(r -> text(r, "service_request_id")).contains(id);
    Document stillOpen = open311.get(V2 + "requests.xml", with(DC, "status", "open")).xml();
    assertThat(children(stillOpen.getDocumentElement(), "request")).extracting(r -> text(r, "service_request_id")).doesNotContain(id);
    assertThat(funnelAtAndingmen().path("resolvedHere").asLong()).isEqualTo(before.path("resolvedHere").asLong() + 1);

    // the updates feed: the case's public timeline, open until the last entry closes it
    Element feed = open311.get(V2 + "servicerequestupdates.xml", DC).xml().getDocumentElement();
    assertThat(feed.getTagName()).isEqualTo("service_request_updates");
    List<Map<String, String>> updates = children(feed, "request_update").stream().map(Open311Client::fields)
        .filter(u -> u.get("service_request_id").equals(id)).toList();
    assertThat(updates).extracting(u -> u.get("description")).startsWith("已受理").endsWith("已办结");
    assertThat(updates).extracting(u -> u.get("status")).last().isEqualTo("closed");
    assertThat(updates.subList(0, updates.size() - 1)).extracting(u -> u.get("status")).containsOnly("open");
    assertThat(updates.get(0).keySet()).containsExactly("update_id", "service_request_id", "status", "updated_datetime",
        "description", "media_url");
    JsonNode feedJson = open311.get(V2 + "servicerequestupdates.json", with(DC, "start_date",
        OffsetDateTime.parse(updates.get(0).get("updated_datetime")).toString())).json();
    assertThat(feedJson.findValuesAsText("service_request_id")).contains(id);
  }

  @Test
  void shouldResolveCoordinatesByTheImportedBoundariesAndRefuseWhatCannotBeResolved() {
    String key = key(DONGCHENG, null);
    long cases = countCases();
    client.delete("admin", "/api/admin/units/boundaries?district=" + DONGCHENG);
    Map<String, String> byCoordinates = complaint(key, f -> {
      f.remove("address_string");
      f.put("lat", "39.95");
      f.put("long", "116.41");
    });
    String noBoundaries = error(open311.post(V2 + "requests.xml", byCoordinates), 400);
    assertThat(noBoundaries).contains("尚未导入街道和社区边界").contains("address_string");
    String nowhere = error(open311.post(V2 + "requests.json",
        with(complaint(key, f -> { }), "address_string", "火星大街1号")), 400);
    assertThat(nowhere).contains("address_string").contains("街道或社区名称");
    error(open311.post(V2 + "requests.xml", complaint(key, f -> f.remove("address_string"))), 400);
    assertThat(countCases()).as("nothing stored").isEqualTo(cases);

    ObjectNode synthetic = SyntheticBoundaries.of(client.get("district", "/api/risk/street-tiles").body(),
        client.get("district", "/api/units").body());
    Reply imported = client.postRaw("admin", "/api/admin/units/boundaries?district=" + DONGCHENG, "application/geo+json",
        HuianClient.write(synthetic));
    assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    try {
      double[] centre = centre(synthetic, ANDINGMEN_COMMUNITY);
      String id = submit(complaint(key, f -> {
        f.remove("address_string");
        f.put("lat", Double.toString(centre[1]));
        f.put("long", Double.toString(centre[0]));
      }));
      assertThat(jdbc.sql("SELECT community_code FROM cases WHERE case_no = ?").param(id).query(String.class).single())
          .isEqualTo(ANDINGMEN_COMMUNITY);
      JsonNode read = open311.get(V2 + "requests/" + id + ".json", DC).json().get(0);
      assertThat(read.path("lat").asDouble()).isEqualTo(Math.round(centre[1] * 1000) / 1000.0);
      // inside the district's padded box, just west of every street: refused, unless the address names a place
      double lat = centre(synthetic, ANDINGMEN)[1];
      double lon = SyntheticBoundaries.WEST - 0.002;
      assertThat(containsPoint(synthetic, lon, lat)).as("the point lies outside every street").isFalse();
      Map<String, String> outside = complaint(key, f -> {
        f.remove("address_string");
        f.put("lat", Double.toString(lat));
        f.put("long", Double.toString(lon));
      });
      assertThat(error(open311.post(V2 + "requests.xml", outside), 400)).contains("不在东城区任何街道或社区的边界内");
      String named = submit(with(outside, "address_string", "交北头条社区", "description", "坐标偏了，但写明了社区"));
      assertThat(jdbc.sql("SELECT community_code FROM cases WHERE case_no = ?").param(named).query(String.class).single())
          .isEqualTo(ANDINGMEN_COMMUNITY);
    } finally {
      client.delete("admin", "/api/admin/units/boundaries?district=" + DONGCHENG);
    }
  }

  static double[] centre(ObjectNode collection, String code) {
    for (JsonNode f : collection.path("features")) {
      if (f.path("properties").path("code").asText().equals(code)) {
        JsonNode ring = f.path("geometry").path("coordinates").get(0);
        double x = 0;
        double y = 0;
        for (int i = 0; i < ring.size() - 1; i++) {
          x += ring.get(i).get(0).asDouble();
          y += ring.get(i).get(1).asDouble();
        }
        return new double[] {x / (ring.size() - 1), y / (ring.size() - 1)};
      }
    }
    throw new AssertionError("no feature " + code);
  }

  /** Whether any street rectangle of the synthetic file holds the point (they are axis-parallel boxes). */
  static boolean containsPoint(ObjectNode collection, double lon, double lat) {
    for (JsonNode f : collection.path("features")) {
      if (!"Polygon".equals(f.path("geometry").path("type").asText())) {
        continue;
      }
      JsonNode ring = f.path("geometry").path("coordinates").get(0);
      double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
      for (JsonNode p : ring) {
        minX = Math.min(minX, p.get(0).asDouble());
        maxX = Math.max(maxX, p.get(0).asDouble());
        minY = Math.min(minY, p.get(1).asDouble());
        maxY = Math.max(maxY, p.get(1).asDouble());
      }
      if (lon > minX && lon < maxX && lat > minY && lat < maxY) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldAnswerEveryErrorInTheSpecificationsFormatWithItsStatus() {
    String key = key(DONGCHENG, null);
    long cases = countCases();

    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.remove("service_code"))), 400)).contains("service_code");
    assertThat(error(open311.post(V2 + "requests.json", complaint(key, f -> f.remove("service_code"))), 400)).contains("service_code");
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.put("service_code", "POTHOLE"))), 404))
        .contains("service_code").contains("POTHOLE");
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.remove("api_key"))), 403)).contains("api_key");
    assertThat(error(open311.post(V2 + "requests.json", complaint("o311_not-a-key", f -> { })), 403)).contains("api_key 无效");
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.remove("description"))), 400)).contains("description");
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.put("lat", "north"))), 400)).contains("lat");
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.put("attribute[colour]", "red"))), 400))
        .contains("attribute[colour]");
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.put("attribute[people_involved]", "many"))), 400))
        .contains("attribute[people_involved]");
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.put("jurisdiction_id", "999999000000"))), 404))
        .contains("jurisdiction_id");
    String yuhangKey = key(YUHANG, null);
    assertThat(error(open311.post(V2 + "requests.xml", complaint(yuhangKey, f -> { })), 403)).contains(YUHANG);

    // a revoked key
    Reply issued = client.post("admin", KEYS, Map.of("name", "将被吊销的客户端", "district", DONGCHENG));
    String revokedKey = issued.body().path("key").asText();
    submit(complaint(revokedKey, f -> f.put("description", "吊销之前提交的一件事项")));
    Reply revoked = client.post("admin", KEYS + "/" + issued.body().path("client").path("id").asLong() + "/revoke", Map.of());
    assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
    assertThat(revoked.body().path("revoked").asBoolean()).isTrue();
    assertThat(error(open311.post(V2 + "requests.xml", complaint(revokedKey, f -> f.put("description", "吊销之后"))), 403))
        .contains("已被吊销");
    assertThat(error(open311.get(V2 + "requests.json", with(DC, "api_key", revokedKey)), 403)).contains("已被吊销");
    assertThat(countCases()).as("only the request before the revocation is stored").isEqualTo(cases + 1);

    // reads: dates, windows, statuses, jurisdictions, unknown resources
    assertThat(error(open311.get(V2 + "requests.xml", with(DC, "start_date", "2026-11-01T00:00:00Z",
        "end_date", "2026-10-01T00:00:00Z")), 400)).contains("end_date");
    assertThat(error(open311.get(V2 + "requests.json", with(DC, "start_date", "2026-01-01T00:00:00+08:00",
        "end_date", "2026-06-01T00:00:00+08:00")), 400)).contains("90");
    assertThat(error(open311.get(V2 + "servicerequestupdates.xml", with(DC, "start_date", "2026-01-01T00:00:00Z",
        "end_date", "2026-04-02T00:00:00Z")), 400)).contains("90");
    assertThat(error(open311.get(V2 + "requests.xml", with(DC, "start_date", "2026-11-01")), 400)).contains("start_date");
    assertThat(error(open311.get(V2 + "requests.xml", with(DC, "status", "pending")), 400)).contains("status");
    assertThat(error(open311.get(V2 + "requests.xml", with(DC, "service_code", "POTHOLE")), 404)).contains("POTHOLE");
    assertThat(error(open311.get(V2 + "services.xml"), 400)).as("two jurisdictions: required").contains("jurisdiction_id")
        .contains(DONGCHENG).contains(YUHANG);
    assertThat(error(open311.get(V2 + "requests.json"), 400)).contains("jurisdiction_id");
    assertThat(error(open311.get(V2 + "services.xml", Map.of("jurisdiction_id", "sfgov.org")), 404)).contains("jurisdiction_id");
    assertThat(error(open311.get(V2 + "services/POTHOLE.json", DC), 404)).contains("service_code");
    assertThat(error(open311.get(V2 + "requests/DC20990101999999.xml", DC), 404)).contains("service_request_id");
    assertThat(error(open311.get(V2 + "tokens/no-such-token.json", DC), 404)).contains("token");
    assertThat(error(open311.get(V2 + "requests.json", with(DC, "api_key", "wrong")), 403)).contains("api_key");
    assertThat(error(open311.get(V2 + "requests.json", with(DC, "api_key", yuhangKey)), 403)).contains(YUHANG);
    assertThat(error(open311.get(V2 + "services.html", DC), 404)).contains(".xml");
    assertThat(error(open311.get("/open311/v2/nothing.json"), 404)).contains("Open311");
    assertThat(error(open311.method("DELETE", V2 + "services.xml"), 405)).contains("DELETE");
    assertThat(error(open311.method("PUT", V2 + "requests.json"), 405)).contains("PUT");
    assertThat(countCases()).isEqualTo(cases + 1);
  }

  @Test
  void shouldLimitEachKeysRateAndSayWhenToComeBack() {
    String key = key(DONGCHENG, 2);
    Map<String, String> read = with(DC, "api_key", key);
    assertThat(open311.get(V2 + "requests.json", read).status()).isEqualTo(200);
    assertThat(open311.get(V2 + "requests.json", read).status()).isEqualTo(200);
    Answer limited = open311.get(V2 + "requests.xml", read);
    assertThat(error(limited, 429)).contains("过于频繁");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(open311.get(V2 + "requests.json", DC).status()).as("public reads carry no key and no limit").isEqualTo(200);
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> { })), 429)).contains("过于频繁");
    assertThat(open311.get(V2 + "requests.json", with(DC, "api_key", key(DONGCHENG, 2))).status())
        .as("another key has its own bucket").isEqualTo(200);
  }

  @Test
  void shouldIssueListAndRevokeKeysForAdministratorsOnlyAndKeepOnlyTheirHash() throws Exception {
    Reply issued = client.post("admin", KEYS, Map.of("name", "城市门户", "district", DONGCHENG, "ratePerMinute", 120));
    assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
    String key = issued.body().path("key").asText();
    assertThat(key).startsWith("o311_").hasSizeGreaterThan(40);
    JsonNode view = issued.body().path("client");
    assertThat(view.path("district").asText()).isEqualTo(DONGCHENG);
    assertThat(view.path("ratePerMinute").asInt()).isEqualTo(120);
    assertThat(key).startsWith(view.path("keyPrefix").asText());
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    assertThat(jdbc.sql("SELECT key_hash FROM open311_clients WHERE id = ?").param(view.path("id").asLong()).query(String.class).single())
        .isEqualTo(hash);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM open311_clients WHERE key_hash = ? OR key_prefix = ? OR name = ?")
        .params(key, key, key).query(Long.class).single()).as("the key itself is stored nowhere").isZero();

    Reply list = client.get("admin", KEYS);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.raw()).doesNotContain(key).contains("城市门户");
    assertThat(client.post("district", KEYS, Map.of("name", "x", "district", DONGCHENG)).status()).isEqualTo(403);
    assertThat(client.get(STREET_USER, KEYS).status()).isEqualTo(403);
    Reply bad = client.post("admin", KEYS, Map.of("name", " ", "district", ANDINGMEN, "ratePerMinute", 0));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "district", "ratePerMinute");
    assertThat(client.post("admin", KEYS + "/999999/revoke", Map.of()).status()).isEqualTo(404);

    submit(complaint(key, f -> f.put("description", "门户提交的一件事项")));
    long id = view.path("id").asLong();
    assertThat(client.post("admin", KEYS + "/" + id + "/revoke", Map.of()).body().path("revokedBy").asText()).isEqualTo("admin");
    assertThat(client.post("admin", KEYS + "/" + id + "/revoke", Map.of()).status()).as("again: nothing changes").isEqualTo(200);
    assertThat(error(open311.post(V2 + "requests.xml", complaint(key, f -> f.put("description", "另一件"))), 403)).contains("吊销");
  }

  @Test
  void shouldNeverShowNamesPhonesPartiesOrPrivateRequestsInAnyPublicRead() {
    String key = key(DONGCHENG, null);
    String familySecret = "丈夫酗酒后家暴，妻子要求离婚并分割房产";
    String anonymousSecret = "匿名反映楼内群租房私拉电线";
    String family = submit(complaint(key, f -> {
      f.put("service_code", "FAMILY");
      f.put("description", familySecret);
      f.remove("attribute[respondent_name]");
    }));
    String anonymous = submit(complaint(key, f -> {
      f.put("service_code", "SAFETY_HAZARD");
      f.put("description", anonymousSecret);
      f.remove("first_name");
      f.remove("last_name");
      f.remove("phone");
      f.remove("attribute[respondent_name]");
    }));
    assertThat(jdbc.sql("SELECT reporter_anonymous FROM cases WHERE case_no = ?").param(anonymous).query(Boolean.class).single()).isTrue();
    String petition = create(b -> {
      b.put("category", "PETITION");
      b.put("title", "信访：" + RESIDENT + "反映拆迁补偿");
      b.put("description", "信访人" + RESIDENT + "，身份证号 110101199003071234");
    }).path("caseNo").asText();
    String visible = submit(complaint(key, f -> f.put("description",
        RESIDENT + "（身份证 110101199003071234，电话 " + RESIDENT_PHONE + "）反映" + COMPANY + "物业费乱收费")));

    // public reads: the private ones do not exist
    for (String format : List.of("xml", "json")) {
      Answer list = open311.get(V2 + "requests." + format, DC);
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.raw()).contains(visible).doesNotContain(family).doesNotContain(anonymous).doesNotContain(petition);
      Answer byIds = open311.get(V2 + "requests." + format, with(DC, "service_request_id",
          String.join(",", family, anonymous, petition, visible)));
      assertThat(byIds.raw()).contains(visible).doesNotContain(family).doesNotContain(anonymous).doesNotContain(petition);
      for (String hidden : List.of(family, anonymous, petition)) {
        error(open311.get(V2 + "requests/" + hidden + "." + format, DC), 404);
      }
      Answer single = open311.get(V2 + "requests/" + visible + "." + format, DC);
      assertThat(single.status()).isEqualTo(200);
      Answer updates = open311.get(V2 + "servicerequestupdates." + format, DC);
      assertThat(updates.raw()).contains(visible).doesNotContain(family).doesNotContain(anonymous).doesNotContain(petition);
      open311.get(V2 + "requests." + format, with(DC, "service_code", "FAMILY,PETITION,SAFETY_HAZARD"));
    }
    JsonNode shown = open311.get(V2 + "requests/" + visible + ".json", DC).json().get(0);
    assertThat(shown.path("description").asText()).contains("王**").contains("某单位").contains("139****5678")
        .contains("******************");

    // the client that submitted them reads their status with its own key, still without their content
    Map<String, String> own = with(DC, "api_key", key);
    JsonNode mine = open311.get(V2 + "requests/" + family + ".json", own).json().get(0);
    assertThat(mine.path("status").asText()).isEqualTo("open");
    assertThat(mine.path("status_notes").asText()).isNotBlank();
    assertThat(mine.path("description").isNull()).isTrue();
    assertThat(mine.path("address").isNull()).isTrue();
    assertThat(open311.get(V2 + "requests.xml", own).raw()).contains(family).contains(anonymous).doesNotContain(petition);
    assertThat(open311.get(V2 + "requests.json", with(DC, "api_key", key(DONGCHENG, null))).raw())
        .as("another client's key shows nothing private").doesNotContain(family).doesNotContain(anonymous);

    // nothing personal in any read of this test, public or keyed
    assertThat(open311.reads).hasSizeGreaterThanOrEqualTo(20);
    for (Answer read : open311.reads) {
      assertThat(read.raw()).as(read.response().uri().toString())
          .doesNotContain(RESIDENT).doesNotContain(RESIDENT_PHONE).doesNotContain(COMPANY).doesNotContain(HOME)
          .doesNotContain("110101199003071234").doesNotContain(familySecret).doesNotContain(anonymousSecret)
          .doesNotContain("wxy@example.org").doesNotContain("拆迁补偿");
    }
  }
}
