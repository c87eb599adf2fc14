package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A second district's staff, imported from the administrator's file, sign in to Tasklist in a real
 * browser and find their own task there, and only theirs. Without Chromium the class is skipped.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-staff-browser;DB_CLOSE_DELAY=-1")
class ImportedStaffBrowserTest extends AbstractApiTest {

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
  void shouldShowAnImportedStreetWorkerTheirDistrictsTaskInTasklist() throws IOException {
    assertThat(client.postBytes("admin", "/api/admin/units/import", "text/csv", fixture("units.csv")).status()).isEqualTo(200);
    assertThat(client.postBytes("admin", "/api/admin/staff/import", "text/csv", fixture("staff.csv")).status()).isEqualTo(200);
    String title = "余杭-劳动纠纷-" + now.toEpochMilli();
    Reply created = client.post("yh-wuchang", "/api/cases", body(b -> {
      b.put("category", "LABOUR");
      b.put("title", title);
      location(b).put("streetCode", "330110005000");
      location(b).put("address", "五常大道");
    }));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String dongcheng = "东城-劳动纠纷-" + now.toEpochMilli();
    assertThat(client.post(STREET_USER, "/api/cases", body(b -> {
      b.put("category", "LABOUR");
      b.put("title", dongcheng);
    })).status()).isEqualTo(201);

    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000).setLocale("zh-CN"));
    page.setDefaultTimeout(20_000);
    Chromium.signIn(page, port, "tasklist", "yh-wuchang", "demo", Chromium.TASKLIST);
    Locator mine = page.locator(".tasks-list li").filter(new Locator.FilterOptions().setHasText(title));
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        mine.first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        break;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
        page.reload();
      }
    }
    assertThat(mine.first().innerText()).contains("处置案件").contains("五常街道综治中心");
    assertThat(page.locator(".tasks-list li").filter(new Locator.FilterOptions().setHasText(dongcheng)).count())
        .as("another district's task is not listed").isZero();
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("tasklist-imported-staff.png")));
    page.close();
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = ImportedStaffBrowserTest.class.getResourceAsStream("/districts/yuhang/" + name)) {
      return in.readAllBytes();
    }
  }
}
