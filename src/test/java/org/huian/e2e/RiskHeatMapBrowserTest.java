package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import org.huian.geography.Geography;
import org.huian.risk.RiskDemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The heat map (/dashboard/risk) in a real browser on a year of generated data: 17 coloured
 * street tiles laid out by street-tiles.csv, a drill-down to a street's communities with the
 * factor breakdown and the trend chart, and a street user who sees only their own street.
 * Screenshots go to {@code target/screenshots/}.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-risk-browser;DB_CLOSE_DELAY=-1")
class RiskHeatMapBrowserTest extends AbstractApiTest {

  static Chromium chromium;
  static Browser browser;
  static boolean generated;

  @Autowired RiskDemoData demoData;
  @Autowired Geography geography;

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

  Page login(String user) {
    if (!generated) {
      demoData.generate(now, 60_000, 3_000, 7L); // the demo profile's volume: with fewer reports 前门 sits at the GREEN/YELLOW line
      generated = true;
    }
    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1100).setLocale("zh-CN"));
    page.setDefaultTimeout(60_000);
    Chromium.signIn(page, port, "tasklist", user, "demo", Chromium.TASKLIST);
    page.navigate("http://localhost:" + port + "/dashboard/risk");
    page.locator("body[data-loaded=true]").waitFor();
    return page;
  }

  @Test
  void shouldPaintSeventeenStreetsAndDrillDownToCommunitiesWithTheirFactors() {
    Page page = login("district");
    assertThat(page.locator("#message").innerText()).isEmpty();
    assertThat(page.locator(".tile.street").count()).isEqualTo(17);
    assertThat(page.locator(".tile.street.c-NONE").count()).as("the district sees every street").isZero();
    assertThat(page.locator(".tile.street.c-GREEN").count() + page.locator(".tile.street.c-YELLOW").count()
        + page.locator(".tile.street.c-RED").count()).isEqualTo(17);
    List<Double> scores = page.locator(".tile.street .score").allInnerTexts().stream().map(Double::parseDouble).toList();
    double qianmen = Double.parseDouble(page.locator(".tile.street[data-code='110101011000'] .score").innerText());
    assertThat(qianmen).as("前门, the troubled street of the demo data, scores lowest").isEqualTo(java.util.Collections.min(scores));
    assertThat(page.locator(".tile.street[data-code='110101011000']").getAttribute("class"))
        .as("前门 among the street scores %s", scores).doesNotContain("c-GREEN");
    assertThat(page.locator(".tile.street[data-code='110101011000']").evaluate("e => getComputedStyle(e).gridRowStart"))
        .as("placed by street-tiles.csv").isNotEqualTo("auto");
    assertThat(page.locator("#legend").innerText()).contains("绿", "黄", "红");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("risk-heatmap.png")).setFullPage(true));

    page.locator(".tile.street[data-code='110101011000']").click();
    int communities = geography.children("110101011000").size();
    page.locator(".tile.community").nth(communities - 1).waitFor();
    assertThat(page.locator(".tile.community").count()).isEqualTo(communities);
    assertThat(page.locator("#detail-title").innerText()).contains("前门");
    assertThat(page.locator("#factors tbody tr").count()).isEqualTo(8);
    assertThat(page.locator("#factors tbody").innerText()).contains("网格上报风险");
    page.locator("#trend canvas").waitFor();
    page.locator(".tile.community").first().click();
    page.waitForCondition(() -> !page.locator("#detail-title").innerText().contains("前门街道"));
    assertThat(page.locator("#detail-title").innerText()).contains("因子解释");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("risk-drilldown.png")).setFullPage(true));

    page.locator("#back").click();
    page.locator(".tile.street").nth(16).waitFor();
    page.locator("#kind").selectOption("SENTIMENT");
    page.locator("#window").selectOption("90");
    page.locator("#filters button").click();
    page.locator("body[data-loaded=true]").waitFor();
    assertThat(page.locator(".tile.street").count()).isEqualTo(17);
    page.close();
  }

  @Test
  void shouldShowAStreetUserOnlyTheirOwnStreet() {
    Page page = login(STREET_USER);
    assertThat(page.locator(".tile.street").count()).isEqualTo(17);
    assertThat(page.locator(".tile.street.c-NONE").count()).as("neighbours' tiles stay grey").isEqualTo(16);
    assertThat(page.locator(".tile.street[data-code='" + ANDINGMEN + "']").getAttribute("class")).doesNotContain("c-NONE");
    page.close();
  }
}
