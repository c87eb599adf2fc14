package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A process designer in Cockpit, in a real browser: after deploying a changed deadline table from
 * "Modeler", they open the decision's view and see both versions with the new rule, and the case
 * processes' diagrams; the dashboard's case plugin tells them that case data is not theirs.
 * Screenshots {@code target/screenshots/cockpit-designer-*.png} (docs/designers.md shows one).
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-designer-browser;DB_CLOSE_DELAY=-1")
class DesignerCockpitBrowserTest extends AbstractApiTest {

  static Chromium chromium;
  static Browser browser;

  @Autowired RepositoryService repositoryService;

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
  void shouldShowADesignerTheDecisionVersionsAndDiagramsInCockpitButNoCase() {
    HuianClient.Reply deployed = client.postMultipart("designer", "/engine-rest/deployment/create",
        Map.of("deployment-name", "case-deadlines", "deployment-source", "Camunda Modeler"),
        "case-deadlines.dmn", AbstractDesignerApiTest.gridDeadline("P2D", "designer-grid-2d"));
    assertThat(deployed.status()).as(deployed.raw()).isEqualTo(200);
    String decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("case-deadlines").latestVersion()
        .singleResult().getId();

    Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900).setLocale("zh-CN"));
    page.setDefaultTimeout(60_000);
    Chromium.signIn(page, port, "cockpit", "designer", "demo", ".huian-sla");
    page.waitForCondition(() -> !page.locator(".huian-sla").innerText().contains("加载中"));
    assertThat(page.locator(".huian-sla").innerText()).as("no case data for a designer").contains("不能查看案件数据");

    page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/decision-definition/" + decision);
    page.getByText("P2D").first().waitFor();
    page.waitForTimeout(1500);
    assertThat(page.content()).contains("各层级办结时限").contains("P7D").contains("P30D");
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("cockpit-designer-decision.png")));

    String funnel = repositoryService.createProcessDefinitionQuery().processDefinitionKey("case-handling").latestVersion()
        .singleResult().getId();
    page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + funnel + "/runtime");
    page.locator(".bjs-container").first().waitFor();
    page.getByText("处置案件").first().waitFor();
    page.waitForTimeout(1500);
    page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve("cockpit-designer-process.png")));
    page.close();
  }
}
