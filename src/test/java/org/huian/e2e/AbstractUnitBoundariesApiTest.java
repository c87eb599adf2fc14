package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Unit boundaries over real HTTP (H2 and PostgreSQL subclasses): a synthetic FeatureCollection of Dongcheng (rectangles
 * built from the tile layout, see {@link SyntheticBoundaries}; not real boundaries) is imported,
 * served, replaced and removed; every kind of bad file is refused with its feature's row and
 * changes nothing; a street user gets only their district's; and intake checks coordinates
 * against the imported box instead of the configured one while it exists.
 */
abstract class AbstractUnitBoundariesApiTest extends AbstractApiTest {

  static final String DONGCHENG = "110101000000";
  static final String YUHANG = "330110000000";
  static final String WUCHANG = "330110005000";
  static final String IMPORT = "/api/admin/units/boundaries?district=";
  static final String GEO_JSON = "application/geo+json";
  /** Inside the configured Dongcheng box, outside the synthetic rectangles' box. */
  static final double OUTSIDE_LAT = 40.00;
  static final double OUTSIDE_LON = 116.35;

  JsonNode tiles;
  ObjectNode dongcheng;

  @BeforeEach
  void givenTheSyntheticDongchengBoundariesAndASecondDistrict() throws IOException {
    tiles = client.get("district", "/api/risk/street-tiles").body();
    dongcheng = SyntheticBoundaries.of(tiles, client.get("district", "/api/units").body());
    String yuhang = new ClassPathResource("districts/yuhang/units.csv").getContentAsString(StandardCharsets.UTF_8);
    Reply units = client.postRaw("admin", "/api/admin/units/import", "text/csv", yuhang); // unchanged after the first time
    assertThat(units.status()).as(units.raw()).isEqualTo(200);
    client.delete("admin", IMPORT + DONGCHENG);
    client.delete("admin", IMPORT + YUHANG);
  }

  Reply importBoundaries(String district, Object collection) {
    return client.postRaw("admin", IMPORT + district, GEO_JSON, HuianClient.write(collection));
  }

  @Test
  void shouldStoreServeReplaceAndRemoveADistrictsBoundaries() {
    Reply none = client.get("district", "/api/units/boundaries");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(none.body().path("detail").asText()).contains("尚未导入边界");
    assertThat(client.get("district", "/api/districts").body().get(0).path("boundaries").asInt()).isZero();

    Reply imported = importBoundaries(DONGCHENG, dongcheng);
    assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    assertThat(imported.body().path("features").asInt()).isEqualTo(1 + 17 + 169);
    assertThat(imported.body().path("districts").asInt()).isEqualTo(1);
    assertThat(imported.body().path("streets").asInt()).isEqualTo(17);
    assertThat(imported.body().path("communities").asInt()).isEqualTo(169);
    assertThat(imported.body().path("replacedFeatures").asInt()).isZero();
    assertThat(imported.body().path("bounds").path("lonMin").asDouble()).isEqualTo(SyntheticBoundaries.WEST);
    assertThat(imported.body().path("bounds").path("latMax").asDouble()).isEqualTo(SyntheticBoundaries.NORTH);

    Reply served = client.get("district", "/api/units/boundaries");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).startsWith(GEO_JSON);
    assertThat(served.body().path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(served.body().path("features")).hasSize(187);
    JsonNode andingmen = feature(served.body(), ANDINGMEN);
    assertThat(andingmen.path("properties").path("name").asText()).as("short names survive the charset").isEqualTo("安定门");
    assertThat(andingmen.path("properties").path("fullName").asText()).isEqualTo("安定门街道综治中心");
    assertThat(andingmen.path("properties").path("level").asText()).isEqualTo("STREET");
    assertThat(andingmen.path("properties").path("parentCode").asText()).isEqualTo(DONGCHENG);
    assertThat(andingmen.path("properties").path("source").asText()).as("imported properties are kept").startsWith("synthetic");
    assertThat(andingmen.path("geometry")).isEqualTo(feature(dongcheng, ANDINGMEN).path("geometry"));
    assertThat(feature(served.body(), ANDINGMEN_COMMUNITY).path("properties").path("parentCode").asText()).isEqualTo(ANDINGMEN);
    assertThat(client.get("district", "/api/districts").body().get(0).path("boundaries").asInt()).isEqualTo(187);

    Reply replaced = client.postRaw("admin", IMPORT + DONGCHENG, "application/json",
        HuianClient.write(SyntheticBoundaries.streetsOnly(dongcheng)));
    assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
    assertThat(replaced.body().path("features").asInt()).isEqualTo(18);
    assertThat(replaced.body().path("replacedFeatures").asInt()).isEqualTo(187);
    assertThat(client.get("district", "/api/units/boundaries").body().path("features")).hasSize(18);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM unit_boundaries WHERE district_code = ?").param(DONGCHENG).query(Long.class).single())
        .isEqualTo(1);

    assertThat(client.postRaw("district", IMPORT + DONGCHENG, GEO_JSON, HuianClient.write(dongcheng)).status())
        .as("a caseworker may not import").isEqualTo(403);
    assertThat(client.delete("district", IMPORT + DONGCHENG).status()).isEqualTo(403);
    assertThat(client.delete("admin", IMPORT + DONGCHENG).status()).isEqualTo(204);
    assertThat(client.delete("admin", IMPORT + DONGCHENG).status()).isEqualTo(404);
    assertThat(client.get("district", "/api/units/boundaries").status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseEachBadFileWithItsFeatureRowAndChangeNothing() {
    assertThat(importBoundaries(DONGCHENG, dongcheng).status()).isEqualTo(200);
    String before = client.get("district", "/api/units/boundaries").raw();
    Timestamp importedAt = importedAt();

    record Bad(String what, ObjectNode file, int row, String field, String message) {}
    List<Bad> bad = new ArrayList<>();
    bad.add(new Bad("a single Feature", (ObjectNode) dongcheng.path("features").get(1).deepCopy(), 0, "type", "FeatureCollection"));
    bad.add(new Bad("no code", change(f -> properties(f, 3).remove("code")), 4, "features[3].properties.code", "缺少单位代码"));
    bad.add(new Bad("another district's street", change(f -> properties(f, 5).put("code", WUCHANG)), 6,
        "features[5].properties.code", "不是东城区的单位"));
    bad.add(new Bad("an unknown code", change(f -> properties(f, 5).put("code", "110101099000")), 6,
        "features[5].properties.code", "不是东城区的单位"));
    bad.add(new Bad("a duplicate", change(f -> properties(f, 7).put("code", properties(f, 2).path("code").asText())), 8,
        "features[7].properties.code", "重复（第 3 个要素已有）"));
    bad.add(new Bad("a point", change(f -> geometry(f, 9).put("type", "Point").set("coordinates", array("[116.4,39.9]"))), 10,
        "features[9].geometry.type", "Polygon 或 MultiPolygon"));
    bad.add(new Bad("a latitude of 91", change(f -> ring(f, 10).set(2, array("[116.4,91]"))), 11,
        "features[10].geometry.coordinates[0][2]", "坐标超出范围"));
    bad.add(new Bad("lat/lon swapped", change(f -> ring(f, 10).set(2, array("[39.9,116.4]"))), 11,
        "features[10].geometry.coordinates[0][2]", "经纬度写反"));
    bad.add(new Bad("a ring of 3", change(f -> {
      ArrayNode r = ring(f, 11);
      r.remove(1);
      r.remove(1);
    }), 12, "features[11].geometry.coordinates[0]", "至少须有 4 个坐标"));
    bad.add(new Bad("an open ring", change(f -> ring(f, 12).remove(4)), 13, "features[12].geometry.coordinates[0]", "未闭合"));
    bad.add(new Bad("a district's MultiPolygon ring", change(f -> ((ArrayNode) geometry(f, 0).path("coordinates").get(2).get(0)).remove(4)), 1,
        "features[0].geometry.coordinates[2][0]", "未闭合"));

    for (Bad b : bad) {
      Reply r = importBoundaries(DONGCHENG, b.file());
      assertThat(r.status()).as("%s: %s", b.what(), r.raw()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body().path("title").asText()).isEqualTo("文件未导入");
      JsonNode errors = r.body().path("errors");
      assertThat(errors).as(b.what()).hasSize(1);
      assertThat(errors.get(0).path("row").asInt()).as(b.what()).isEqualTo(b.row());
      assertThat(errors.get(0).path("field").asText()).as(b.what()).isEqualTo(b.field());
      assertThat(errors.get(0).path("message").asText()).as(b.what()).contains(b.message());
    }

    Reply many = importBoundaries(DONGCHENG, change(f -> {
      properties(f, 3).remove("code");
      geometry(f, 9).put("type", "LineString");
    }));
    assertThat(many.body().path("errors").findValuesAsText("row")).as("every bad feature is listed").containsExactly("4", "10");

    Map<String, String> raw = Map.of(
        "not JSON", "{\"type\":\"FeatureCollection\",",
        "empty", "",
        "a JSON array", "[]");
    raw.forEach((what, body) -> {
      Reply r = client.postRaw("admin", IMPORT + DONGCHENG, GEO_JSON, body);
      assertThat(r.status()).as(what).isEqualTo(400);
      assertThat(r.body().path("errors").get(0).path("row").asInt()).as(what).isZero();
    });
    Reply big = client.postRaw("admin", IMPORT + DONGCHENG, GEO_JSON, " ".repeat(20 * 1024 * 1024 + 1));
    assertThat(big.status()).isEqualTo(400);
    assertThat(big.body().path("detail").asText()).contains("20 MB");
    assertThat(client.postRaw("admin", IMPORT + DONGCHENG, "text/csv", "code\n").status()).isEqualTo(415);
    Reply unknown = importBoundaries("110199000000", dongcheng);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("district");
    assertThat(client.postRaw("admin", "/api/admin/units/boundaries", GEO_JSON, HuianClient.write(dongcheng)).status())
        .as("district is required").isEqualTo(400);

    assertThat(client.get("district", "/api/units/boundaries").raw()).as("nothing changed").isEqualTo(before);
    assertThat(importedAt()).isEqualTo(importedAt);
  }

  @Test
  void shouldServeAStreetUserOnlyTheirOwnDistrictsBoundaries() {
    assertThat(importBoundaries(DONGCHENG, dongcheng).status()).isEqualTo(200);
    ObjectNode yuhang = HuianClient.JSON.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = yuhang.putArray("features");
    for (String code : List.of(YUHANG, WUCHANG)) { // synthetic squares near Hangzhou, not real boundaries
      ObjectNode f = features.addObject().put("type", "Feature");
      f.putObject("properties").put("code", code);
      f.putObject("geometry").put("type", "Polygon")
          .set("coordinates", SyntheticBoundaries.polygon(new double[] {120.0, 120.1, 30.2, 30.3}));
    }
    Reply imported = importBoundaries(YUHANG, yuhang);
    assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    assertThat(importBoundaries(YUHANG, dongcheng).body().path("errors").get(0).path("message").asText())
        .as("Dongcheng's codes are not Yuhang's").contains("不是余杭区的单位");

    Reply own = client.get(STREET_USER, "/api/units/boundaries");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().path("features").findValuesAsText("code")).hasSize(187).allMatch(c -> c.startsWith("110101"));
    assertThat(client.get(STREET_USER, "/api/units/boundaries?district=" + YUHANG).status()).isEqualTo(403);
    assertThat(client.get("district", "/api/units/boundaries?district=" + YUHANG).status()).isEqualTo(403);
    assertThat(client.get(STREET_USER, "/api/districts").body()).hasSize(1);

    assertThat(client.get("admin", "/api/units/boundaries?district=" + YUHANG).body().path("features").findValuesAsText("code"))
        .containsExactly(YUHANG, WUCHANG);
    JsonNode visible = client.get("admin", "/api/districts").body();
    assertThat(visible.findValuesAsText("code")).containsExactly(DONGCHENG, YUHANG);
    assertThat(visible.findValues("boundaries").stream().map(JsonNode::asInt)).containsExactly(187, 2);
  }

  @Test
  void shouldCheckIntakeCoordinatesAgainstTheImportedBoxWhileItExists() {
    Reply configured = client.post(STREET_USER, "/api/cases", body(b -> at(b, OUTSIDE_LAT, OUTSIDE_LON)));
    assertThat(configured.status()).as("inside the configured box: %s", configured.raw()).isEqualTo(201);

    assertThat(importBoundaries(DONGCHENG, dongcheng).status()).isEqualTo(200);
    long cases = countCases();
    Reply outside = client.post(STREET_USER, "/api/cases", body(b -> at(b, OUTSIDE_LAT, OUTSIDE_LON)));
    assertThat(outside.status()).as(outside.raw()).isEqualTo(400);
    assertThat(outside.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("location.lat", "location.lon");
    assertThat(outside.body().path("errors").findValuesAsText("message")).contains("纬度不在东城区范围内", "经度不在东城区范围内");
    Reply justOutside = client.post(STREET_USER, "/api/cases",
        body(b -> at(b, SyntheticBoundaries.NORTH - 0.001, SyntheticBoundaries.WEST - 0.006)));
    assertThat(justOutside.body().path("errors").findValuesAsText("field")).as("past the 0.005° pad").containsExactly("location.lon");
    assertThat(countCases()).as("refused intakes leave no case").isEqualTo(cases);

    double[] andingmen = SyntheticBoundaries.centre(tiles, ANDINGMEN);
    Reply inside = client.post(STREET_USER, "/api/cases", body(b -> at(b, andingmen[0], andingmen[1])));
    assertThat(inside.status()).as(inside.raw()).isEqualTo(201);
    Reply onThePad = client.post(STREET_USER, "/api/cases",
        body(b -> at(b, SyntheticBoundaries.NORTH + 0.004, SyntheticBoundaries.WEST - 0.004)));
    assertThat(onThePad.status()).as("within the pad: %s", onThePad.raw()).isEqualTo(201);

    assertThat(client.delete("admin", IMPORT + DONGCHENG).status()).isEqualTo(204);
    assertThat(client.post(STREET_USER, "/api/cases", body(b -> at(b, OUTSIDE_LAT, OUTSIDE_LON))).status())
        .as("the configured box again").isEqualTo(201);
    assertThat(client.post(STREET_USER, "/api/cases", body(b -> at(b, 40.10, OUTSIDE_LON))).status())
        .as("outside the configured box still refused").isEqualTo(400);
  }

  @Test
  void shouldFilterTrendsByDistrict() {
    Reply all = client.get("admin", "/api/risk/trends?level=STREET");
    Reply dongchengOnly = client.get("admin", "/api/risk/trends?level=STREET&district=" + DONGCHENG);
    Reply yuhangOnly = client.get("admin", "/api/risk/trends?level=STREET&district=" + YUHANG);
    assertThat(all.body()).hasSize(17 + 12);
    assertThat(dongchengOnly.body().findValuesAsText("unitCode")).hasSize(17).allMatch(c -> c.startsWith("110101"));
    assertThat(yuhangOnly.body().findValuesAsText("unitCode")).hasSize(12).allMatch(c -> c.startsWith("330110"));
    assertThat(client.get("admin", "/api/risk/trends?level=STREET&district=110199000000").status()).isEqualTo(400);
  }

  // ---------------------------------------------------------------------------------- helpers

  static void at(Map<String, Object> body, double lat, double lon) {
    location(body).put("lat", lat);
    location(body).put("lon", lon);
  }

  Timestamp importedAt() {
    return jdbc.sql("SELECT imported_at FROM unit_boundaries WHERE district_code = ?").param(DONGCHENG).query(Timestamp.class).single();
  }

  ObjectNode change(Consumer<ArrayNode> edit) {
    ObjectNode copy = dongcheng.deepCopy();
    edit.accept((ArrayNode) copy.path("features"));
    return copy;
  }

  static ObjectNode properties(ArrayNode features, int i) {
    return (ObjectNode) features.get(i).path("properties");
  }

  static ObjectNode geometry(ArrayNode features, int i) {
    return (ObjectNode) features.get(i).path("geometry");
  }

  static ArrayNode ring(ArrayNode features, int i) {
    return (ArrayNode) geometry(features, i).path("coordinates").get(0);
  }

  static JsonNode array(String json) {
    try {
      return HuianClient.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode feature(JsonNode collection, String code) {
    for (JsonNode f : collection.path("features")) {
      if (f.path("properties").path("code").asText().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no feature " + code);
  }
}
