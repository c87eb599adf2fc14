package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The Tasklist "可能重复" tab (app/tasklist/huian/duplicates-plugin.js) in a real browser: the
 * handler opens the repeat's handling task, sees the original with its reasons, and closes the
 * repeat as its duplicate from there. Without Chromium the class is skipped.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-duplicates-browser;DB_CLOSE_DELAY=-1")
class DuplicatesTasklistBrowserTest extends AbstractApiTest {

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

  @Test
  void shouldListTheLikelyDuplicatesBesideTheHandlingFormAndCloseTheCaseAsOne() {
    String original = create(AbstractDuplicatesApiTest.wages("京盛")).path("caseNo").asText();
    String repeatTitle = "京盛消防工程尾款被拖欠，工人讨薪";
    String repeat = create(b -> {
      AbstractDuplicatesApiTest.wagesAgain(b, "京盛");
      b.put("title", repeatTitle);
    }).path("caseNo").asText();

    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000).setLocale("zh-CN"));
    page.setDefaultTimeout(30_000);
    Chromium.signIn(page, port, "tasklist", STREET_USER, "demo", Chromium.TASKLIST);
    Locator card = page.locator(".tasks-list li").filter(new Locator.FilterOptions().setHasText(repeatTitle));
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        card.first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        break;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
        page.reload();
      }
    }
    card.first().locator("a").first().click();
    page.locator(".nav-tabs a, .nav-tabs li").filter(new Locator.FilterOptions().setHasText("可能重复")).first().click();

    Locator row = page.locator(".huian-dup-table tr[data-case-no='" + original + "']");
    row.waitFor();
    assertThat(row.innerText()).contains(original, "京盛消防工程公司拖欠班组工资", "欠薪纠纷")
        .contains("涉及同一单位：北京京盛消防工程有限公司").contains("地址相同").contains("标题和描述相似");
    assertThat(page.locator(".huian-dup-table tr[data-case-no='" + repeat + "']").count()).as("not itself").isZero();
    assertThat(page.locator(".huian-dup").innerText()).doesNotContain("1381234" + (Math.floorMod("京盛".hashCode(), 9000) + 1000));
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("tasklist-duplicates.png")));

    row.locator(".huian-dup-mark").click();
    assertThat(page.locator(".huian-dup-confirm").innerText()).contains(repeat, original);
    page.locator(".huian-dup-confirm textarea").fill("同一班组同一笔欠款");
    page.locator(".huian-dup-submit").click();
    Locator message = page.locator(".huian-dup-msg");
    try {
      message.filter(new Locator.FilterOptions().setHasText("重复件关闭")).waitFor();
    } catch (RuntimeException e) {
      throw new AssertionError("the tab answered: " + message.innerText(), e);
    }
    assertThat(message.innerText()).contains(original);
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("tasklist-duplicate-marked.png")));
    page.close();

    assertThat(get(repeat).path("status").asText()).isEqualTo("DUPLICATE");
    assertThat(jdbc.sql("SELECT actor FROM case_links WHERE case_no = ?").param(repeat).query(String.class).single())
        .isEqualTo(STREET_USER);
    assertThat(jdbc.sql("SELECT note FROM case_links WHERE case_no = ?").param(repeat).query(String.class).single())
        .isEqualTo("同一班组同一笔欠款");
    assertThat(get(original).path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void shouldRefuseASessionWriteWithoutTheCsrfToken() {
    String original = create(AbstractDuplicatesApiTest.wages("京昌")).path("caseNo").asText();
    String repeat = create(AbstractDuplicatesApiTest.wagesAgain("京昌")).path("caseNo").asText();
    Page page = browser.newPage(new Browser.NewPageOptions().setLocale("zh-CN"));
    page.setDefaultTimeout(30_000);
    Chromium.signIn(page, port, "tasklist", STREET_USER, "demo", Chromium.TASKLIST);
    // the page's own request context: the Tasklist session cookie, no browser credential prompt on a 401
    String path = "http://localhost:" + port + "/api/cases/" + repeat + "/duplicate-of";
    String json = "{\"originalCaseNo\":\"" + original + "\"}";
    int status = page.request().post(path, com.microsoft.playwright.options.RequestOptions.create()
        .setHeader("Content-Type", "application/json").setData(json)).status();
    assertThat(status).as("the session cookie alone changes nothing").isEqualTo(401);
    int forged = page.request().post(path, com.microsoft.playwright.options.RequestOptions.create()
        .setHeader("Content-Type", "application/json").setHeader("X-XSRF-TOKEN", "forged").setData(json)).status();
    assertThat(forged).as("a wrong token changes nothing").isEqualTo(401);
    page.close();
    assertThat(get(repeat).path("status").asText()).isEqualTo("IN_PROGRESS");
  }
}
