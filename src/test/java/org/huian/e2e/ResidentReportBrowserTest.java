package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.huian.e2e.HuianClient.Reply;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A resident on a phone (360×640, touch, zh-CN) files a report with a photo at {@code /report},
 * gets the case number and the private link, and follows it through to closed while the street
 * handles the case over the API. axe-core runs on both pages: no serious or critical violation.
 * Screenshots go to {@code target/screenshots/resident-*.png}.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:huian-resident-browser;DB_CLOSE_DELAY=-1",
    "huian.resident.reports-per-ip=1000"})
class ResidentReportBrowserTest extends AbstractApiTest {

  static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  static Chromium chromium;
  static Browser browser;

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

  /** A phone: small viewport, touch, mobile user agent. */
  BrowserContext phone() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 640).setDeviceScaleFactor(2)
        .setIsMobile(true).setHasTouch(true).setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
        .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"));
  }

  @Test
  void shouldFileAReportWithAPhotoAndFollowItsLinkThroughToClosed() throws IOException {
    BrowserContext context = phone();
    Page page = context.newPage();
    page.setDefaultTimeout(60_000);
    page.navigate("http://localhost:" + port + "/report");
    page.locator("body[data-loaded=true]").waitFor();
    assertThat(page.locator("#streetCode option").count()).isEqualTo(18);
    assertNoSeriousViolations(page, "/report");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("resident-report.png")).setFullPage(true));

    page.locator("#submit").click();
    page.locator("#err-category:not(:empty)").waitFor();
    assertThat(page.locator("#err-category").innerText()).isEqualTo("请选择事项类别");
    assertThat(page.locator("#err-description").innerText()).isEqualTo("请描述您要反映的事情");
    assertThat(page.locator("#err-streetCode").innerText()).isEqualTo("请选择事发街道");
    assertThat(page.locator("#err-name").innerText()).contains("姓名");
    assertThat(page.locator("#category").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(page.locator("#summary").innerText()).contains("提交未成功");
    assertNoSeriousViolations(page, "/report with errors");

    page.locator("#category").selectOption("SAFETY_HAZARD");
    page.locator("#description").fill("楼道堆满纸箱和旧家具，堵住了消防通道");
    page.locator("#streetCode").selectOption(ANDINGMEN);
    page.locator("#address").fill("安定门外大街 8 号院 2 号楼");
    page.locator("#name").fill("赵淑芬");
    page.locator("#phone").fill("13866667777");
    page.locator("#files").setInputFiles(new FilePayload("IMG_2001.jpg", "image/jpeg",
        AbstractResidentReportApiTest.photo(640, 480, Color.ORANGE)));
    page.locator("#thumbs img").waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("resident-report-filled.png")).setFullPage(true));
    page.locator("#submit").tap();
    page.locator("#done:not([hidden])").waitFor();
    String caseNo = page.locator("#done-case").innerText();
    assertThat(caseNo).matches("DC\\d{14}");
    assertThat(page.locator("#done-sms").innerText()).contains("短信");
    String link = page.locator("#done-link").getAttribute("href");
    assertThat(link).matches("/track/[A-Za-z0-9_-]{43}");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("resident-report-done.png")).setFullPage(true));
    JsonNode staff = get(caseNo);
    assertThat(staff.path("channel").asText()).isEqualTo("ONLINE");
    assertThat(client.get(STREET_USER, "/api/cases/" + caseNo + "/attachments").body().path("items").size()).as("the photo is on the case")
        .isEqualTo(1);

    page.locator("#done-link").tap();
    page.locator("body[data-loaded=true]").waitFor();
    assertThat(page.locator("#status").innerText()).isEqualTo("办理中");
    assertThat(page.locator("#unit").innerText()).isEqualTo("安定门街道综治中心");
    assertNoSeriousViolations(page, "/track/… while open");

    resolve(caseNo, "已督促物业清理，联系人 赵淑芬 13866667777，处置人 李志强");
    returnVisit(caseNo, "SATISFIED");
    page.reload();
    page.locator("body[data-loaded=true]").waitFor();
    assertThat(page.locator("#status").innerText()).isEqualTo("已办结");
    assertThat(page.locator("#notes li").first().innerText()).contains("事项已办结");
    String text = page.locator("body").innerText();
    for (String secret : List.of("赵淑芬", "13866667777", "138****7777", "李志强", STREET_USER, "楼道堆满纸箱", "8 号院")) {
      assertThat(text).as("the tracking page shows no %s", secret).doesNotContain(secret);
    }
    assertNoSeriousViolations(page, "/track/… closed");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("resident-track.png")).setFullPage(true));
    context.close();
  }

  /**
   * Where the district imported its boundaries (here the synthetic rectangles, not real ones), the
   * form shows the streets' map: tapping 前门 picks it. With the photo position allowed, a photo
   * taken in 安定门's rectangle picks 安定门 and the community it lies in; without the tick the
   * page sends nothing.
   */
  @Test
  void shouldPickTheStreetOnTheMapAndFromAPhotosPositionWhenAllowed() throws IOException {
    JsonNode tiles = client.get("district", "/api/risk/street-tiles").body();
    Reply imported = client.postRaw("admin", "/api/admin/units/boundaries?district=110101000000", "application/geo+json",
        HuianClient.write(SyntheticBoundaries.of(tiles, client.get("district", "/api/units").body())));
    assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    BrowserContext context = phone();
    try {
      Page page = context.newPage();
      page.setDefaultTimeout(60_000);
      List<String> locationRequests = new ArrayList<>();
      page.onRequest(r -> {
        if (r.url().contains("/api/public/photo-location")) {
          locationRequests.add(r.url());
        }
      });
      page.navigate("http://localhost:" + port + "/report");
      page.locator("body[data-loaded=true]").waitFor();
      page.locator("#map canvas").waitFor();
      page.waitForFunction("() => window.echarts && echarts.getInstanceByDom(document.getElementById('map'))");
      page.waitForTimeout(500); // the map's first frame
      double[] qianmen = SyntheticBoundaries.centre(tiles, QIANMEN);
      @SuppressWarnings("unchecked")
      List<Number> xy = (List<Number>) page.evaluate("([lon, lat]) => echarts.getInstanceByDom(document.getElementById('map'))"
          + ".convertToPixel({ seriesIndex: 0 }, [lon, lat])", List.of(qianmen[1], qianmen[0]));
      page.locator("#map").tap(new Locator.TapOptions().setPosition(xy.get(0).doubleValue(), xy.get(1).doubleValue()));
      page.waitForCondition(() -> QIANMEN.equals(page.locator("#streetCode").inputValue()));
      assertNoSeriousViolations(page, "/report with the map");
      page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("resident-report-map.png")));

      double[] andingmen = SyntheticBoundaries.centre(tiles, ANDINGMEN);
      FilePayload photo = new FilePayload("IMG_3001.jpg", "image/jpeg",
          org.huian.attachment.TestImages.jpegWithGps(400, 300, andingmen[0], andingmen[1], 1));
      page.locator("#files").setInputFiles(photo);
      page.locator("#thumbs img").waitFor();
      page.waitForTimeout(500);
      assertThat(locationRequests).as("no position is read without the resident's tick").isEmpty();
      assertThat(page.locator("#streetCode").inputValue()).isEqualTo(QIANMEN);

      page.locator("#useGps").check();
      page.waitForCondition(() -> page.locator("#gps-note").innerText().contains("选择了街道"));
      assertThat(locationRequests).hasSize(1);
      assertThat(page.locator("#streetCode").inputValue()).isEqualTo(ANDINGMEN);
      assertThat(page.locator("#communityCode").inputValue()).as("the community strip the point lies in").startsWith("110101004");
    } finally {
      context.close();
      assertThat(client.delete("admin", "/api/admin/units/boundaries?district=110101000000").status()).isEqualTo(204);
    }
  }

  /** Injects axe-core and fails on any serious or critical violation, naming each rule and node. */
  static void assertNoSeriousViolations(Page page, String what) throws IOException {
    try (InputStream in = ResidentReportBrowserTest.class.getClassLoader().getResourceAsStream(AXE)) {
      assertThat(in).as("axe-core WebJar on the test classpath").isNotNull();
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
          .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }))""");
    List<String> serious = new ArrayList<>();
    for (Map<String, Object> v : violations) {
      if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
        serious.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes"));
      }
    }
    assertThat(serious).as("axe-core on %s (all violations: %s)", what, violations).isEmpty();
  }
}
