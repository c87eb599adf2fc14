package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import org.huian.attachment.TestImages;
import org.huian.e2e.HuianClient.Reply;
import org.huian.e2e.MultipartBody.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Caseworkers see a case's photos where they work, in a real browser: the "案件照片" tab of the
 * task in Tasklist (where the handler also adds the after photo of the step), and the case page
 * with before and after; the session alone, without the webapps' CSRF token, cannot upload; a user
 * of another street sees neither. Without Chromium it is skipped.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-attachment-browser;DB_CLOSE_DELAY=-1")
class AttachmentBrowserTest extends AbstractApiTest {

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

  Page login(BrowserContext context, String user) {
    Page page = context.newPage();
    page.setDefaultTimeout(30_000);
    Chromium.signIn(page, port, "tasklist", user, "demo", Chromium.TASKLIST);
    return page;
  }

  @Test
  void shouldShowTheCasesPhotosInTasklistAndOnTheCasePage() {
    String title = "楼道堆物-" + now.toEpochMilli();
    String caseNo = create(b -> {
      b.put("category", "NEIGHBOUR");
      b.put("title", title);
    }).path("caseNo").asText();
    Reply before = MultipartBody.post(client, STREET_USER, "/api/cases/" + caseNo + "/attachments", List.of(
        Part.file("before.jpg", "image/jpeg", TestImages.jpegWithGps(800, 600, 39.95, 116.41, 1)),
        Part.field("step", "处置案件（处置前）"), Part.field("caption", "楼道堆满杂物")));
    assertThat(before.status()).as(before.raw()).isEqualTo(201);
    String beforeId = before.body().path("attachments").get(0).path("id").asText();

    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("zh-CN"));
    Page page = login(context, STREET_USER);
    Locator item = page.locator(".tasks-list li").filter(new Locator.FilterOptions().setHasText(title));
    for (int attempt = 1; ; attempt++) {
      try {
        item.first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        break;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
        page.reload();
      }
    }
    item.first().getByText("处置案件", new Locator.GetByTextOptions().setExact(true)).click();
    page.locator("button.claim").waitFor();
    assertThat(page.locator(".fjs-form").or(page.locator("button.claim")).first().isVisible())
        .as("the task still opens on its form tab").isTrue();

    // Tasklist: the photos tab of the task shows the case's photo, thumbnail loaded through the session
    page.getByText("案件照片", new Page.GetByTextOptions().setExact(true)).click();
    Locator shown = page.locator(".huian-attachments figure[data-attachment='" + beforeId + "'] img");
    shown.waitFor();
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", shown.elementHandle());
    assertThat(page.locator(".huian-attachments").innerText()).contains("处置案件（处置前）").contains("楼道堆满杂物");

    // the handler adds the after photo of this step from Tasklist
    Locator form = page.locator("form.huian-attachment-upload");
    form.locator("select[name=phase]").selectOption("处置后");
    form.locator("input[name=caption]").fill("杂物已清理");
    form.locator("input[type=file]").setInputFiles(new FilePayload("after.png", "image/png", TestImages.png(640, 480, false)));
    form.locator("button[type=submit]").click();
    page.locator(".huian-upload-status").filter(new Locator.FilterOptions().setHasText("已上传")).waitFor();
    page.locator(".huian-attachments figure").nth(1).waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("tasklist-case-photos.png")));

    JsonNode items = client.get(STREET_USER, "/api/cases/" + caseNo + "/attachments").body().path("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(1).path("step").asText()).isEqualTo("处置案件（处置后）");
    assertThat(items.get(1).path("caption").asText()).isEqualTo("杂物已清理");
    String afterId = items.get(1).path("id").asText();

    // the session alone cannot write: without the webapps' CSRF token, or with a wrong one, 401
    for (String token : List.of("", "forged-token")) {
      Object status = page.evaluate("async ([url, token]) => { const d = new FormData();"
          + " d.append('file', new Blob([new Uint8Array([137,80,78,71])], {type: 'image/png'}), 'x.png');"
          + " const h = {'X-Requested-With': 'test'}; if (token) h['X-XSRF-TOKEN'] = token;"
          + " return (await fetch(url, {method: 'POST', body: d, credentials: 'same-origin', headers: h})).status; }",
          List.of("/api/cases/" + caseNo + "/attachments", token));
      assertThat(((Number) status).intValue()).as("session upload with token '%s'", token).isEqualTo(401);
    }
    assertThat(client.get(STREET_USER, "/api/cases/" + caseNo + "/attachments").body().path("items")).hasSize(2);

    // the case page, from the tab's link: summary, photos by step, before and after
    Page casePage = page.waitForPopup(() -> page.locator("a.huian-case-page-link").click());
    casePage.setDefaultTimeout(30_000);
    casePage.locator("#before-after:not([hidden]) figure[data-attachment='" + afterId + "'] img").waitFor();
    assertThat(casePage.locator("#title").innerText()).isEqualTo(title);
    assertThat(casePage.locator("#photos figure").count()).isEqualTo(2);
    assertThat(casePage.locator("#before-after").innerText()).contains("处置前").contains("处置后").contains("杂物已清理");
    for (String id : List.of(beforeId, afterId)) {
      Locator img = casePage.locator("#before-after figure[data-attachment='" + id + "'] img");
      casePage.waitForFunction("img => img.complete && img.naturalWidth > 0", img.elementHandle());
    }
    assertThat(casePage.locator("#timeline li").count()).isPositive();
    casePage.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("case-page-photos.png"))
        .setFullPage(true));
    context.close();

    // another street: the case page says not found and shows no photo
    BrowserContext other = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
    Page elsewhere = login(other, OTHER_STREET_USER);
    elsewhere.navigate("http://localhost:" + port + "/cases/" + caseNo);
    elsewhere.locator("#message").filter(new Locator.FilterOptions().setHasText("不存在")).waitFor();
    assertThat(elsewhere.locator("figure").count()).isZero();
    other.close();
  }
}
