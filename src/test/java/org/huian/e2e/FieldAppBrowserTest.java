package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Sizes;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.huian.risk.RiskFactor;
import org.huian.risk.RiskIndexService;
import org.huian.risk.RiskProperties;
import org.huian.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The grid workers' app ({@code /m/}) in Chromium emulating a phone (360×640, mobile, touch, an
 * Android user agent): sign-in with a token, two reports with photos filed offline and sent once
 * back online (in the ledger and in the risk index), a grid-level task completed with a photo,
 * axe-core, and the first load's transferred bytes.
 *
 * <p>On offline emulation: Chromium's {@code setOffline} covers the page's own requests, not those
 * a service worker makes (Playwright issue #2311: the worker is a target of its own). The app's
 * service worker never fetches {@code /api} (it answers only its own files from its cache), so every
 * report and photo leaves from the page, which the emulation does cover; while offline the test
 * also aborts every request the context routes, and it checks on the server that nothing arrived.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-field-browser;DB_CLOSE_DELAY=-1")
class FieldAppBrowserTest extends AbstractApiTest {

  /** Playwright's "Galaxy S5" profile: 360×640 CSS pixels at 3×, mobile, touch. */
  static final String PHONE_UA = "Mozilla/5.0 (Linux; Android 5.0; SM-G900P Build/LRX21T) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36";
  static final int FIRST_LOAD_LIMIT = 300 * 1024;
  static final String GRID_USER = DemoUsers.GRID_USER;
  static final List<String> SHELL = List.of("/m/", "/m/index.html", "/m/app.css", "/m/app.js", "/m/store.js",
      "/m/manifest.json", "/m/icon-192.png", "/m/sw.js");

  static Chromium chromium;
  static Browser browser;

  @Autowired RiskIndexService riskIndex;
  @Autowired RiskProperties riskProperties;

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

  @BeforeEach
  void realClock() {
    ClockUtil.reset(); // the phone stamps reports with its own clock: the server must not stand still
  }

  BrowserContext phone() {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 640)
        .setDeviceScaleFactor(3).setIsMobile(true).setHasTouch(true).setUserAgent(PHONE_UA).setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setPermissions(List.of("geolocation")).setGeolocation(new Geolocation(39.9486, 116.4106)));
    context.setDefaultTimeout(60_000);
    return context;
  }

  Page signIn(BrowserContext context) {
    Page page = context.newPage();
    page.navigate(url("/m/"));
    page.locator("#login-user").waitFor();
    page.locator("#login-user").fill(GRID_USER);
    page.locator("#login-password").fill("demo");
    page.locator("#login-form button[type=submit]").tap();
    page.locator("#tasks-message:not(:text('正在加载…'))").waitFor();
    return page;
  }

  @Test
  void shouldKeepTwoReportsFiledOfflineAndSendEachOnceWithItsPhotoWhenBackOnline() {
    BrowserContext context = phone();
    Page page = signIn(context);
    assertThat(page.locator("#tabs").isVisible()).isTrue();
    String stored = (String) page.evaluate("() => JSON.stringify(localStorage)");
    assertThat(stored).as("the phone keeps a token, never the password").contains("token").doesNotContain("\"demo\"");
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
    page.reload(); // from now on the service worker controls the page
    page.locator("#tasks-message:not(:text('正在加载…'))").waitFor();
    assertThat(page.evaluate("() => !!navigator.serviceWorker.controller")).isEqualTo(true);

    String gridRow = ANDINGMEN_GRID;
    double loadBefore = gridReportsLoad(gridRow);
    long reportsBefore = count("SELECT COUNT(*) FROM grid_reports");

    // offline: the page's requests fail, and the context aborts anything else it sees
    Consumer<Route> cut = route -> route.abort("internetdisconnected");
    context.setOffline(true);
    context.route("**/*", cut);
    page.locator("#net:text('离线')").waitFor();
    String run = Long.toString(System.nanoTime(), 36);
    fileReport(page, "PLACE", "楼道堆放杂物堵塞消防通道，巡查批次 " + run, 3, jpeg(Color.ORANGE));
    page.locator("#queue[data-count='1']").waitFor();
    fileReport(page, "EVENT", "小区门口商户占道经营，巡查批次 " + run, 4, jpeg(Color.GREEN));
    page.locator("#queue[data-count='2']").waitFor();
    assertThat(page.locator("#queue").innerText()).isEqualTo("待发送 2 条");
    page.reload(); // the shell comes from the service worker's cache, the outbox from IndexedDB
    page.locator("#queue[data-count='2']").waitFor();
    assertThat(page.locator("#outbox li").count()).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM grid_reports")).as("nothing reached the server while offline").isEqualTo(reportsBefore);
    page.locator("#tabs button[data-tab=report]").tap();
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("field-app-offline.png")));

    // back online, with the answers to the first report and to the first photo lost on the way back:
    // the app sends both again, and the server answers each repeat with what it already stored
    AtomicBoolean reportLost = new AtomicBoolean();
    AtomicBoolean photoLost = new AtomicBoolean();
    AtomicInteger reportPosts = new AtomicInteger();
    AtomicInteger photoPosts = new AtomicInteger();
    context.unroute("**/*", cut);
    context.route(u -> URI.create(u).getPath().startsWith("/api/grid-reports"), route -> {
      if (!route.request().method().equals("POST")) {
        route.resume();
        return;
      }
      boolean photo = route.request().url().endsWith("/attachments");
      (photo ? photoPosts : reportPosts).incrementAndGet();
      if ((photo ? photoLost : reportLost).compareAndSet(false, true)) {
        route.fetch(); // the server stores it ...
        route.abort("connectionreset"); // ... and the phone never hears of it
      } else {
        route.resume();
      }
    });
    context.setOffline(false);
    page.locator("#queue[data-count='0']").waitFor(new Locator.WaitForOptions().setTimeout(90_000));
    assertThat(page.locator("#queue").innerText()).isEqualTo("全部已发送");
    assertThat(reportPosts.get()).as("the lost answer made the app send one report twice").isEqualTo(3);
    assertThat(photoPosts.get()).as("and one photo twice").isEqualTo(3);

    List<Map<String, Object>> rows = jdbc.sql("SELECT report_no, external_ref, kind, severity, lat, lon FROM grid_reports "
        + "WHERE description LIKE ? ORDER BY report_no").param("%" + run).query().listOfRows();
    assertThat(rows).as("each report stored exactly once").hasSize(2);
    assertThat(rows).extracting(r -> (String) r.get("EXTERNAL_REF")).allMatch(ref -> ref.startsWith("m-")).doesNotHaveDuplicates();
    assertThat(rows).extracting(r -> r.get("KIND")).containsExactlyInAnyOrder("PLACE", "EVENT");
    assertThat(rows).extracting(r -> ((Number) r.get("LAT")).doubleValue()).containsOnly(39.9486);
    for (Map<String, Object> row : rows) {
      String reportNo = (String) row.get("REPORT_NO");
      HuianClient.Reply report = client.get("district", "/api/grid-reports/" + reportNo);
      assertThat(report.status()).as(report.raw()).isEqualTo(200);
      assertThat(report.body().path("gridId").asText()).isEqualTo(ANDINGMEN_GRID);
      HuianClient.Reply photos = client.get("district", "/api/grid-reports/" + reportNo + "/attachments");
      assertThat(photos.status()).as(photos.raw()).isEqualTo(200);
      assertThat(photos.body().path("items")).as("one photo per report, stored once").hasSize(1);
      assertThat(photos.body().path("items").get(0).path("contentType").asText()).startsWith("image/");
    }

    // the risk index: the grid's report load rose by exactly two reports (severities 3 and 4)
    riskIndex.invalidate();
    double expected = (riskProperties.severityWeight(3) + riskProperties.severityWeight(4)) * riskProperties.weight(RiskFactor.GRID_REPORTS);
    assertThat(gridReportsLoad(gridRow) - loadBefore).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(2));

    page.locator("#tabs button[data-tab=report]").tap();
    assertThat(page.locator("#sent li").count()).isGreaterThanOrEqualTo(2);
    context.close();
  }

  @Test
  void shouldCompleteAGridLevelTaskWithAPhotoOfTheResult() {
    // three grid-level cases: one past its deadline (its timer not yet run), one past the 80 % warning, one fresh
    Instant real = Instant.now();
    ClockUtil.setCurrentTime(Date.from(real.minus(Duration.ofHours(30))));
    String overdue = gridCase("井盖缺失存在安全隐患");
    ClockUtil.setCurrentTime(Date.from(real.minus(Duration.ofHours(20))));
    String near = gridCase("楼道堆物影响通行");
    fire(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(near).processDefinitionKey("case-funnel")
        .singleResult().getId(), "Timer_LevelWarning");
    ClockUtil.reset();
    String caseNo = gridCase("楼上漏水影响楼下住户");

    BrowserContext context = phone();
    Page page = signIn(context);
    Locator card = page.locator("#task-list li", new Page.LocatorOptions().setHasText(caseNo));
    card.waitFor();
    assertThat(card.getAttribute("class")).isEqualTo("w-OK");
    assertThat(card.innerText()).contains("楼上漏水影响楼下住户", "正常", "剩余");
    Locator nearCard = page.locator("#task-list li", new Page.LocatorOptions().setHasText(near));
    assertThat(nearCard.getAttribute("class")).isEqualTo("w-NEAR");
    assertThat(nearCard.innerText()).contains("临期", "剩余");
    Locator overdueCard = page.locator("#task-list li", new Page.LocatorOptions().setHasText(overdue));
    assertThat(overdueCard.getAttribute("class")).isEqualTo("w-OVERDUE");
    assertThat(overdueCard.innerText()).contains("已超期", "超期 6 小时");
    assertThat(page.locator("#task-list li").allInnerTexts().toString()).as("by deadline")
        .matches("(?s).*" + overdue + ".*" + near + ".*" + caseNo + ".*");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("field-app-tasks.png")));

    card.locator("button").tap();
    page.locator("#complete-form button[type=submit]").tap();
    assertThat(page.locator("#complete-message").innerText()).isEqualTo("请填写处置措施及经过");
    page.locator("#complete-actions").fill("上门协调，楼上住户已修好水管，楼下住户认可");
    page.locator("#complete-form button[type=submit]").tap();
    assertThat(page.locator("#complete-message").innerText()).isEqualTo("请拍摄处置结果照片");
    page.locator("#complete-photo").setInputFiles(new FilePayload("result.jpg", "image/jpeg", jpeg(Color.BLUE)));
    page.locator("#complete-previews img").waitFor();
    assertThat(page.locator("#complete-message").innerText()).as("the photo answers the message").isEmpty();
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("field-app-complete.png")));
    page.locator("#complete-form button[type=submit]").tap();
    page.locator("#tasks-message:text('已办结：" + caseNo + "')").waitFor();
    assertThat(page.locator("#task-list li", new Page.LocatorOptions().setHasText(caseNo)).count()).isZero();

    List<Task> handle = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("Task_HandleCase").list();
    assertThat(handle).as("the grid's handling task is done").isEmpty();
    JsonNode c = get(caseNo);
    assertThat(c.path("timeline").findValuesAsText("type")).contains("RESOLVED");
    HuianClient.Reply photos = client.get("district", "/api/cases/" + caseNo + "/attachments");
    assertThat(photos.status()).as(photos.raw()).isEqualTo(200);
    assertThat(photos.body().path("items")).hasSize(1);
    assertThat(photos.body().path("items").get(0).path("step").asText()).isEqualTo("处置后");
    assertThat(jdbc.sql("SELECT uploaded_by FROM attachments WHERE owner_no = ?").param(caseNo).query(String.class).list())
        .containsExactly(DemoUsers.GRID_USER);
    context.close();
  }

  @Test
  void shouldLoadWithinThreeHundredKilobytesAndPassAxeAtPhoneSize() throws Exception {
    BrowserContext context = phone();
    Page page = context.newPage();
    List<String> lines = new ArrayList<>();
    long[] total = {0};
    page.onRequestFinished(request -> {
      Sizes sizes = request.sizes();
      long bytes = sizes.responseHeadersSize + sizes.responseBodySize;
      total[0] += bytes;
      String encoding = request.response() == null ? null : request.response().headerValue("content-encoding");
      lines.add(String.format("  %6d B  %-5s %s", bytes, encoding == null ? "-" : encoding, URI.create(request.url()).getPath()));
    });
    page.navigate(url("/m/"));
    page.locator("#login-user").waitFor();
    List<String> violations = axe(page);
    page.locator("#login-user").fill(GRID_USER);
    page.locator("#login-password").fill("demo");
    page.locator("#login-form button[type=submit]").tap();
    page.locator("#tasks-message:not(:text('正在加载…'))").waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    long pageBytes = total[0];

    // the service worker then caches the shell with requests of its own, which the page's events do not show
    long shellBytes = 0;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String path : SHELL) {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      if (!path.endsWith(".png") && r.headers().firstValue("Content-Encoding").isEmpty()) {
        assertThat(r.body().length).as("%s is sent uncompressed only below the 1 KB threshold", path).isLessThan(1024);
      }
      shellBytes += r.body().length + r.headers().map().entrySet().stream()
          .mapToLong(e -> e.getKey().length() + 4 + String.join(",", e.getValue()).length()).sum();
    }
    System.out.println("First load of /m/ at 360x640 (login, sign-in, task list), bytes transferred:");
    lines.forEach(System.out::println);
    System.out.printf("FIRST LOAD: %d bytes (%.1f KB) by the page + %d bytes (%.1f KB) for the service worker's cache "
        + "= %.1f KB, limit %d KB%n", pageBytes, pageBytes / 1024.0, shellBytes, shellBytes / 1024.0,
        (pageBytes + shellBytes) / 1024.0, FIRST_LOAD_LIMIT / 1024);
    assertThat(pageBytes + shellBytes).isLessThanOrEqualTo(FIRST_LOAD_LIMIT);
    assertThat(lines).anyMatch(l -> l.contains("gzip") && l.endsWith("/m/app.js"));

    violations.addAll(axe(page));
    page.locator("#tabs button[data-tab=report]").tap();
    page.locator("#report-description").waitFor();
    violations.addAll(axe(page));
    page.locator("#tabs button[data-tab=grids]").tap();
    violations.addAll(axe(page));
    assertThat(violations).as("serious or critical axe-core violations on /m/").isEmpty();

    page.locator("#tabs button[data-tab=report]").tap();
    page.locator("#report-description").fill("单元门禁损坏，夜间有陌生人出入");
    page.locator("#report-photo").setInputFiles(new FilePayload("door.jpg", "image/jpeg", jpeg(Color.GRAY)));
    page.locator("#report-previews img").waitFor();
    page.locator("#report-locate").tap();
    page.locator("#report-position:has-text('已附位置')").waitFor();
    page.evaluate("() => window.scrollTo(0, 0)");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("field-app-report.png")));
    page.locator("#tabs button[data-tab=grids]").tap();
    assertThat(page.locator("#grid-list li").first().innerText()).contains("交北头条社区");
    context.close();
  }

  // ---------------------------------------------------------------------------------- helpers

  String gridCase(String title) {
    JsonNode created = create(b -> {
      gridAppNeighbourDispute(b);
      b.put("title", title);
    });
    assertThat(created.path("level").asText()).isEqualTo("GRID");
    return created.path("caseNo").asText();
  }

  void fileReport(Page page, String kind, String description, int severity, byte[] photo) {
    page.locator("#tabs button[data-tab=report]").tap();
    page.locator("#report-form .kinds input[value=" + kind + "] + span").tap();
    page.locator("#report-grid").selectOption(ANDINGMEN_GRID);
    page.locator("#report-description").fill(description);
    page.locator("#report-form .severity input[value='" + severity + "'] + span").tap();
    page.locator("#report-photo").setInputFiles(new FilePayload("photo.jpg", "image/jpeg", photo));
    page.locator("#report-previews img").waitFor();
    page.locator("#report-locate").tap();
    page.locator("#report-position:has-text('已附位置')").waitFor();
    page.locator("#report-form button[type=submit]").tap();
    page.locator("#report-message:has-text('已保存')").waitFor();
  }

  @SuppressWarnings("unchecked")
  List<String> axe(Page page) {
    if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
      try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ArrayList<>((List<String>) page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']}))"
        + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
        + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))"));
  }

  double gridReportsLoad(String grid) {
    HuianClient.Reply r = client.get("district", "/api/risk/index/" + grid);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    for (JsonNode f : r.body().path("index").path("factors")) {
      if (f.path("factor").asText().equals(RiskFactor.GRID_REPORTS.name())) {
        return f.path("load").asDouble();
      }
    }
    return 0;
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  static byte[] jpeg(Color colour) {
    BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 640, 480);
    g.setColor(Color.BLACK);
    g.drawString("huian " + colour, 40, 240);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "jpg", out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
