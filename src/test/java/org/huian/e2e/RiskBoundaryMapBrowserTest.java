package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huian.e2e.HuianClient.Reply;
import org.huian.geography.Geography;
import org.huian.risk.RiskDemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

/**
 * The heat map (/dashboard/risk) in Chromium with and without imported boundaries: without, the
 * 17 schematic tiles as before; with the synthetic Dongcheng rectangles ({@link SyntheticBoundaries},
 * not real boundaries), an ECharts {@code map} series of the 17 streets coloured by the same
 * index, a click on a street drilling down to its communities' map (or to tiles when only the
 * streets have boundaries); the district picker (辖区) for a viewer of two districts on both
 * dashboards. Screenshots go to {@code target/screenshots/risk-boundaries*.png}.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-boundary-browser;DB_CLOSE_DELAY=-1")
class RiskBoundaryMapBrowserTest extends AbstractApiTest {

  static final String DONGCHENG = "110101000000";
  static final String YUHANG = "330110000000";
  static final String BOUNDARIES = "/api/admin/units/boundaries?district=";
  /** The options of the heat map's ECharts instance, as plain JSON (functions dropped). */
  static final String MAP_OPTION = "() => { const c = echarts.getInstanceByDom(document.getElementById('boundary-map'));"
      + " return c ? JSON.stringify(c.getOption()) : null; }";
  static final Map<String, String> COLOURS = Map.of("GREEN", "#2e9e5b", "YELLOW", "#e0a800", "RED", "#c0392b", "NONE", "#cbd2d9");

  static Chromium chromium;
  static Browser browser;
  static boolean generated;

  @Autowired RiskDemoData demoData;
  @Autowired Geography geography;

  JsonNode tiles;
  ObjectNode dongcheng;

  @BeforeAll
  static void launch() {
    chromium = Chromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @org.springframework.beans.factory.annotation.Autowired org.huian.risk.RiskIndexService riskIndex;

  @BeforeEach
  void givenGeneratedDataAndTheSyntheticBoundaries() {
    if (!generated) {
      demoData.generate(now, 20_000, 1_000, 7L);
      // the generator samples by calendar, so at this volume every street can come out green: pile
      // severe reports onto 前门's grids so that the map has a red or yellow street to paint
      StringBuilder lines = new StringBuilder();
      List<String> grids = geography.all(org.huian.geography.Level.GRID).stream()
          .filter(g -> g.code().startsWith("110101011")).map(org.huian.geography.Unit::code).toList();
      for (int i = 0; i < 400; i++) {
        lines.append(HuianClient.write(Map.of("source", "GRID_APP", "kind", "EVENT", "gridId", grids.get(i % grids.size()),
            "description", "楼道堆物，存在消防隐患", "severity", 5, "occurredAt", now.minusSeconds(3600 + i).toString()))).append('\n');
      }
      Reply batch = client.postRaw("district", "/api/grid-reports:batch", "application/x-ndjson", lines.toString());
      assertThat(batch.status()).as(batch.raw()).isEqualTo(200);
      riskIndex.invalidate();
      generated = true;
    }
    tiles = client.get("district", "/api/risk/street-tiles").body();
    dongcheng = SyntheticBoundaries.of(tiles, client.get("district", "/api/units").body());
  }

  void importBoundaries(ObjectNode collection) {
    Reply r = client.postRaw("admin", BOUNDARIES + DONGCHENG, "application/geo+json", HuianClient.write(collection));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
  }

  Page open(String user, String path) {
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1100).setLocale("zh-CN"));
    page.setDefaultTimeout(60_000);
    Chromium.signIn(page, port, "tasklist", user, user.equals("admin") ? "admin" : "demo", Chromium.TASKLIST);
    page.navigate("http://localhost:" + port + path);
    page.locator("body[data-loaded=true]").waitFor();
    return page;
  }

  JsonNode mapOption(Page page) {
    Object json = page.evaluate(MAP_OPTION);
    try {
      return json == null ? null : HuianClient.JSON.readTree((String) json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The index colour of every street the user sees, by code. */
  Map<String, String> streetColours(String user) {
    Map<String, String> colours = new HashMap<>();
    client.get(user, "/api/risk/index?level=STREET").body().path("items")
        .forEach(u -> colours.put(u.path("unitCode").asText(), u.path("colour").asText()));
    return colours;
  }

  @Test
  void shouldDrawTheTilesAsBeforeWhenTheDistrictHasNoBoundaries() {
    client.delete("admin", BOUNDARIES + DONGCHENG);
    Page page = open("district", "/dashboard/risk");
    assertThat(page.locator("#message").innerText()).isEmpty();
    assertThat(page.locator(".tile.street").count()).isEqualTo(17);
    assertThat(page.locator(".tile.street.c-NONE").count()).isZero();
    assertThat(page.locator(".tile.street[data-code='" + QIANMEN + "']").evaluate("e => getComputedStyle(e).gridRowStart"))
        .as("placed by street-tiles.csv").isEqualTo("5");
    assertThat(page.locator("#boundary-map").isVisible()).isFalse();
    assertThat(mapOption(page)).as("no map chart at all").isNull();
    assertThat(page.locator("#map-note").innerText()).startsWith("示意布局");
    assertThat(page.locator("#map-title").innerText()).isEqualTo("东城区 17 个街道");
    assertThat(page.locator("#district-picker").isVisible()).as("one district: no picker").isFalse();
    page.locator(".tile.street[data-code='" + ANDINGMEN + "']").click();
    page.locator(".tile.community").nth(geography.children(ANDINGMEN).size() - 1).waitFor();
    assertThat(page.locator(".tile.community").count()).isEqualTo(geography.children(ANDINGMEN).size());
    page.close();
  }

  @Test
  void shouldDrawStreetsAndCommunitiesAsARealMapWhenTheDistrictHasBoundaries() {
    importBoundaries(dongcheng);
    Page page = open("district", "/dashboard/risk");
    assertThat(page.locator("#message").innerText()).isEmpty();
    page.locator("#boundary-map canvas").waitFor();
    assertThat(page.locator(".tile").count()).as("no tiles").isZero();
    assertThat(page.locator("#map").isVisible()).isFalse();
    assertThat(page.locator("#map-note").innerText()).contains("边界文件");

    JsonNode series = mapOption(page).path("series").get(0);
    assertThat(series.path("type").asText()).isEqualTo("map");
    assertThat(series.path("map").asText()).isEqualTo("huian-" + DONGCHENG + "-streets");
    assertThat(series.path("nameProperty").asText()).isEqualTo("code");
    Map<String, String> colours = streetColours("district");
    assertThat(colours).hasSize(17);
    assertThat(series.path("data")).hasSize(17);
    for (JsonNode d : series.path("data")) {
      String colour = colours.get(d.path("name").asText());
      assertThat(d.path("colour").asText()).as(d.path("unitName").asText()).isEqualTo(colour);
      assertThat(d.path("itemStyle").path("areaColor").asText()).isEqualTo(COLOURS.get(colour));
    }
    assertThat(colours.values().stream().distinct().count()).as("the generated data paints more than one colour: %s", colours)
        .isGreaterThan(1);
    page.locator("#warnings li").first().waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("risk-boundaries.png")).setFullPage(true));

    click(page, SyntheticBoundaries.centre(tiles, ANDINGMEN));
    page.waitForCondition(() -> mapOption(page).path("series").get(0).path("map").asText().endsWith(ANDINGMEN));
    JsonNode communities = mapOption(page).path("series").get(0);
    assertThat(communities.path("type").asText()).isEqualTo("map");
    assertThat(communities.path("data")).hasSize(geography.children(ANDINGMEN).size());
    assertThat(page.locator("#map-title").innerText()).isEqualTo("安定门街道所辖社区");
    assertThat(page.locator("#detail-title").innerText()).contains("安定门");
    page.locator("#trend canvas").waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("risk-boundaries-drilldown.png")).setFullPage(true));

    page.locator("#back").click();
    page.waitForCondition(() -> mapOption(page).path("series").get(0).path("map").asText().endsWith("-streets"));
    page.close();

    importBoundaries(SyntheticBoundaries.streetsOnly(dongcheng));
    Page streetsOnly = open("district", "/dashboard/risk");
    streetsOnly.locator("#boundary-map canvas").waitFor();
    click(streetsOnly, SyntheticBoundaries.centre(tiles, ANDINGMEN));
    streetsOnly.locator(".tile.community").first().waitFor();
    assertThat(streetsOnly.locator(".tile.community").count()).as("communities without boundaries: tiles")
        .isEqualTo(geography.children(ANDINGMEN).size());
    assertThat(streetsOnly.locator("#boundary-map").isVisible()).isFalse();
    streetsOnly.close();
  }

  @Test
  void shouldGreyAStreetUsersNeighboursOnTheMap() {
    importBoundaries(dongcheng);
    Page page = open(STREET_USER, "/dashboard/risk");
    page.locator("#boundary-map canvas").waitFor();
    JsonNode data = mapOption(page).path("series").get(0).path("data");
    assertThat(data).hasSize(17);
    for (JsonNode d : data) {
      boolean own = d.path("name").asText().equals(ANDINGMEN);
      assertThat(d.path("colour").asText()).as(d.path("unitName").asText()).matches(own ? "GREEN|YELLOW|RED" : "NONE");
    }
    page.close();
  }

  @Test
  void shouldLetAViewerOfTwoDistrictsPickOneOnBothDashboards() throws IOException {
    importBoundaries(dongcheng);
    String yuhang = new ClassPathResource("districts/yuhang/units.csv").getContentAsString(StandardCharsets.UTF_8);
    assertThat(client.postRaw("admin", "/api/admin/units/import", "text/csv", yuhang).status()).isEqualTo(200);

    Page page = open("admin", "/dashboard/risk");
    assertThat(page.locator("#district-picker").isVisible()).isTrue();
    assertThat(page.locator("#district-picker").innerText()).startsWith("辖区");
    assertThat(page.locator("#district option").allInnerTexts()).containsExactly("东城区", "余杭区");
    page.locator("#boundary-map canvas").waitFor();
    assertThat(mapOption(page).path("series").get(0).path("data")).as("Dongcheng's streets only").hasSize(17);

    page.locator("#district").selectOption(YUHANG);
    page.locator(".tile.street").nth(11).waitFor();
    page.locator("body[data-loaded=true]").waitFor();
    assertThat(page.locator(".tile.street").count()).as("余杭 has no boundaries: tiles").isEqualTo(12);
    assertThat(page.locator(".tile.street[data-code='330110005000']").innerText()).contains("五常");
    assertThat(page.locator("#boundary-map").isVisible()).isFalse();
    assertThat(page.locator("#map-title").innerText()).isEqualTo("余杭区 12 个街道");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("risk-boundaries-picker.png")).setFullPage(true));
    page.locator("#district").selectOption(DONGCHENG);
    page.locator("#boundary-map canvas").waitFor();
    page.waitForCondition(() -> page.locator("#map").isHidden());
    page.close();

    Page funnel = open("admin", "/dashboard");
    assertThat(funnel.locator("#district-picker").isVisible()).isTrue();
    assertThat(funnel.locator("#street option").allInnerTexts()).contains("安定门街道").doesNotContain("五常街道");
    funnel.locator("#district").selectOption(YUHANG);
    funnel.waitForCondition(() -> funnel.locator("#street option").allInnerTexts().contains("五常街道"));
    funnel.locator("body[data-loaded=true]").waitFor();
    assertThat(funnel.locator("#street option").allInnerTexts()).doesNotContain("安定门街道");
    assertThat(funnel.locator("#message").innerText()).isEmpty();
    funnel.close();

    Page single = open("district", "/dashboard");
    assertThat(single.locator("#district-picker").isVisible()).as("the district sees one district: no picker").isFalse();
    assertThat(single.locator("#street option").count()).isEqualTo(18);
    single.close();
  }

  /** Clicks the map where the given {lat, lon} is drawn. */
  static void click(Page page, double[] latLon) {
    @SuppressWarnings("unchecked")
    List<Number> xy = (List<Number>) page.evaluate("([lon, lat]) => echarts.getInstanceByDom(document.getElementById('boundary-map'))"
        + ".convertToPixel({ seriesIndex: 0 }, [lon, lat])", List.of(latLon[1], latLon[0]));
    BoundingBox box = page.locator("#boundary-map").boundingBox();
    page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
  }
}
