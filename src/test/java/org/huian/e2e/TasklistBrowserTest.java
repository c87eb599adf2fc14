package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.cases.CaseFunnel;
import org.huian.mediation.AgreementFulfilment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * Caseworkers in a real browser (Debian's headless Chromium driven by Playwright): log in to
 * Tasklist, claim, fill in and complete every Camunda Form of the project, start a case from the
 * start form, and check after each form that the process moved on. Screenshots go to
 * {@code target/screenshots/}. Without Chromium the class is skipped and says so.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-browser;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserTest extends AbstractApiTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target/screenshots");
  /** How the form-js date picker reads a typed date in a zh-CN browser. */
  static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy/M/d");
  static final Set<String> submitted = new TreeSet<>();
  static String breachedCase;

  static Chromium chromium;
  static Browser browser;
  Page page;

  @BeforeAll
  static void launch() {
    chromium = Chromium.launch("--disable-background-networking", "--disable-component-update", "--disable-sync");
    browser = chromium.browser();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void openPage() {
    page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000).setLocale("zh-CN"));
    page.setDefaultTimeout(20_000);
  }

  @AfterEach
  void closePage() {
    if (page != null) {
      page.close();
    }
  }

  // ------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void shouldTakeAWageCaseFromTheStartFormThroughMediationToFulfilment() {
    String title = "浏览器-欠薪-" + now.toEpochMilli();
    login(STREET_USER);

    page.locator("a:has(.glyphicon-list-alt)").click();
    page.getByText("矛盾纠纷四级化解流程").click();
    Locator form = page.locator(".modal-content");
    pick(form, "Field_category", "欠薪纠纷");
    enter(form.locator("[id$=\'Field_title\']"), title);
    enter(form.locator("[id$=\'Field_description\']"), "班组工资被拖欠，尾款 5000 元");
    search(form, "Field_streetCode", "安定门", "安定门");
    enter(form.locator("[id$=\'Field_reporterName\']"), "李明");
    enter(form.locator("[id$=\'Field_reporterPhone\']"), "13812345678");
    enter(form.locator("[id$=\'Field_applicantName\']"), "李明");
    enter(form.locator("[id$=\'Field_applicantPhone\']"), "13812345678");
    pick(form, "Field_respondentKind", "单位/组织");
    enter(form.locator("[id$=\'Field_respondentName\']"), "某建筑公司");
    enter(form.locator("[id$=\'Field_respondentPhone\']"), "010-87654321");
    // a dropdown's change can land after the next field was typed and wipe it: check, and type again
    for (String[] typed : List.of(new String[] {"Field_title", title}, new String[] {"Field_respondentName", "某建筑公司"},
        new String[] {"Field_description", "班组工资被拖欠，尾款 5000 元"})) {
      Locator field = form.locator("[id$='" + typed[0] + "']");
      if (!typed[1].equals(field.inputValue())) {
        enter(field, typed[1]);
      }
    }
    shot("case-intake");
    form.locator("[id$='Field_title']").scrollIntoViewIfNeeded();
    shot("case-intake-top");
    page.locator(".modal-footer .btn-primary:not([disabled])").waitFor();
    page.locator(".modal-footer .btn-primary").click();
    String caseNo = awaitCase(title);
    submitted.add("case-intake");
    assertThat(get(caseNo).path("level").asText()).isEqualTo("STREET");

    task(title, "处置案件");
    fill("Field_actionsTaken", "核对用工记录");
    choose("申请按复杂案件办理");
    fill("Field_outcomeReason", "需约谈建设单位");
    completeForm("case-handle");
    awaitTask(caseNo, "Task_ApproveComplexity");

    task(title, "审批复杂案件申请");
    choose("同意按复杂案件办理");
    completeForm("complexity-approval");
    awaitTask(caseNo, "Task_HandleCase");
    assertThat(get(caseNo).path("complexity").asText()).isEqualTo("COMPLEX");

    task(title, "处置案件");
    fill("Field_actionsTaken", "双方同意调解");
    choose("组织调解");
    complete();
    awaitTask(caseNo, "Task_ScheduleMediation");

    task(title, "安排调解");
    choose("现场调解");
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
    date("Field_mediationAt-date", tomorrow);
    Locator time = page.locator("[id$='Field_mediationAt-time']");
    time.fill("10:00");
    time.press("Enter");
    page.waitForTimeout(400);
    fill("Field_mediationPlace", "安定门街道综治中心调解室");
    completeForm("mediation-schedule");
    awaitTask(caseNo, "Task_HoldMediation");

    task(title, "主持调解并记录");
    choose("达成调解协议");
    fill("Field_responsibilities", "公司对班组工资负有直接支付义务");
    fill("Field_agreementText", "某建筑公司于十日内向李明支付工资 5000 元");
    pick(page.locator("body"), "Field_paymentObligor", "某建筑公司");
    pick(page.locator("body"), "Field_paymentBeneficiary", "李明");
    fill("Field_instalment1Amount", "5000");
    date("Field_instalment1Due-date", tomorrow.plusDays(9));
    completeForm("mediation-record");
    awaitStatus(caseNo, "AGREED");

    String fulfilment = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(AgreementFulfilment.KEY).singleResult().getId();
    fire(fulfilment, AgreementFulfilment.Elements.ITEM_DUE);
    ClockUtil.reset();
    task(title, "核实履行情况");
    choose("已按约履行");
    fill("Field_fulfilmentEvidence", "银行转账回单");
    completeForm("fulfilment-confirm");
    awaitStatus(caseNo, "RESOLVED_FULFILLED");
  }

  @Test
  @Order(2)
  void shouldRecordTheReturnVisitAfterAResolution() {
    String title = "浏览器-物业-" + now.toEpochMilli();
    String caseNo = create(b -> {
      b.put("category", "PROPERTY_MANAGEMENT");
      b.put("title", title);
    }).path("caseNo").asText();
    login(STREET_USER);

    task(title, "处置案件");
    fill("Field_actionsTaken", "物业已修复电梯");
    choose("已化解");
    complete();
    awaitTask(caseNo, "Task_ReturnVisit");

    task(title, "回访反映人");
    choose("满意");
    fill("Field_feedbackNote", "电话回访，反映人满意");
    completeForm("return-visit");
    runAsyncJobs();
    awaitStatus(caseNo, "CLOSED");
  }

  @Test
  @Order(3)
  void shouldLetDistrictLeadersGiveASupervisionOrder() {
    String title = "浏览器-督办-" + now.toEpochMilli();
    String caseNo = create(b -> {
      b.put("crossDepartment", true);
      b.put("title", title);
    }).path("caseNo").asText();
    fire(processInstance(caseNo), CaseFunnel.Elements.TIMER_DISTRICT_DEADLINE);
    ClockUtil.reset();
    login("district");

    task(title, "下达督办意见");
    fill("Field_supervisionInstruction", "请于三日内办结并报告");
    completeForm("supervision-order");
    assertThat(types(get(caseNo))).contains("SUPERVISION_INSTRUCTED");
    breachedCase = caseNo;
  }

  @Test
  @Order(4)
  void shouldShowBreachedCasesToAManagerInCockpit() {
    assertThat(breachedCase).as("a breached case from the supervision test").isNotNull();
    Chromium.signIn(page, port, "cockpit", "district", "demo", ".huian-sla table");
    Locator plugin = page.locator(".huian-sla table");
    assertThat(plugin.innerText()).contains(breachedCase).contains("已超期").contains("区");
    shot("cockpit-sla-plugin");

    plugin.getByText(breachedCase).click();
    page.locator("text=huianSlaBreach").or(page.locator(".bjs-container")).first().waitFor();
    page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/"
        + processInstance(breachedCase) + "/runtime?tab=incidents-tab");
    page.getByText("huianSlaBreach").first().waitFor();
    shot("cockpit-sla-incident");
  }

  @Test
  @Order(5)
  void shouldShowTheFunnelDashboard() {
    Chromium.signIn(page, port, "cockpit", "district", "demo", ".huian-sla");
    page.navigate("http://localhost:" + port + "/dashboard");
    page.locator("body[data-loaded=true]").waitFor();
    assertThat(page.locator("#message").innerText()).isEmpty();
    assertThat(page.locator("#overdue").innerText()).contains(breachedCase).contains("已超期");
    assertThat(Integer.parseInt(page.locator("#kpi-closed").innerText())).isGreaterThanOrEqualTo(2);
    assertThat(page.locator("#chart-levels canvas").count()).isPositive();
    shot("dashboard");
    page.locator("#street").selectOption("110101011000");
    page.locator("#filters button").click();
    page.waitForTimeout(1000);
    assertThat(page.locator("#overdue").innerText()).as("前门 has none of 安定门's cases").doesNotContain(breachedCase);

    Page anonymous = browser.newPage();
    anonymous.navigate("http://localhost:" + port + "/dashboard");
    anonymous.locator("#message a").waitFor();
    assertThat(anonymous.locator("#message").innerText()).contains("请先登录");
    anonymous.close();
  }

  @Test
  @Order(6)
  void shouldLetARedCommunityAnswerItsTargetedSupervisionOrder() {
    // severe risks pile up in 交北头条社区 until its safety index is red
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      lines.append(HuianClient.write(Map.of("source", "GRID_APP", "kind", "EVENT", "gridId", ANDINGMEN_COMMUNITY + "-0" + (1 + i % 5),
          "description", "楼道堆物，存在消防隐患", "severity", 5, "occurredAt", now.minusSeconds(3600).toString()))).append('\n');
    }
    assertThat(client.postRaw("district", "/api/grid-reports:batch", "application/x-ndjson", lines.toString()).status()).isEqualTo(200);
    assertThat(client.post("district", "/api/risk/reports", Map.of()).status()).isEqualTo(202);
    runAsyncJobs();
    ClockUtil.reset();
    login("community-110101004001");

    task("交北头条社区", "靶向督办整改");
    assertThat(page.locator(".fjs-form").innerText()).contains("督办令", "红色", "主要风险因素");
    fill("Field_measures", "清理楼道堆物 12 处，开展消防安全宣传，落实网格员每日巡查");
    completeForm("targeted-supervision");
    assertThat(client.get("district", "/api/risk/supervision-orders?status=DONE").body().findValuesAsText("measures"))
        .contains("清理楼道堆物 12 处，开展消防安全宣传，落实网格员每日巡查");
  }

  @Test
  @Order(7)
  void shouldKeepTheRosterAndWorkTheDialogueCycleInTasklist() {
    String officerName = "浏览器法官" + (now.toEpochMilli() % 10000);
    login("district");
    page.locator("a:has(.glyphicon-list-alt)").click();
    page.getByText("平安恳谈干警名册登记").click();
    Locator form = page.locator(".modal-content");
    enter(form.locator("[id$='Field_officerName']"), officerName);
    form.locator(".fjs-form").getByLabel("区人民法院").first().check();
    enter(form.locator("[id$='Field_officerRole']"), "员额法官");
    enter(form.locator("[id$='Field_officerContact']"), "010-64001234");
    pick(form, "Field_officerStreet", "安定门街道");
    shot("dialogue-officer");
    page.locator(".modal-footer .btn-primary").click();
    for (int i = 0; i < 100 && jdbc.sql("SELECT COUNT(*) FROM dialogue_officers WHERE name = ?").param(officerName)
        .query(Long.class).single() == 0; i++) {
      page.waitForTimeout(100);
    }
    assertThat(jdbc.sql("SELECT street_code FROM dialogue_officers WHERE name = ?").param(officerName).query(String.class)
        .single()).isEqualTo(ANDINGMEN);
    submitted.add("dialogue-officer");

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String title = "浏览器-恳谈任务-" + now.toEpochMilli();
    var meeting = client.post(STREET_USER, "/api/dialogue/meetings", Map.of("mode", "GROUP_MEETING", "date", today.toString(),
        "streetCode", ANDINGMEN, "participants", "区法院法官、居民代表", "problems", List.of(Map.of("title", "楼道堆物"))));
    assertThat(meeting.status()).as(meeting.raw()).isEqualTo(201);
    String cycleNo = meeting.body().path("cycleNo").asText();
    var task = client.post("district", "/api/dialogue/tasks", Map.of("title", title,
        "problemNos", meeting.body().path("problems").findValuesAsText("problemNo"), "responsibleUnit", ANDINGMEN,
        "deadline", today.plusDays(10).toString(), "target", "楼道堆物清零"));
    assertThat(task.status()).as(task.raw()).isEqualTo(201);
    String taskNo = task.body().path("taskNo").asText();

    switchUser(STREET_USER);
    task(title, "报告落实进展");
    fill("Field_progressPercent", "30");
    fill("Field_progressNarrative", "已清理两栋楼，其余涉及产权单位");
    choose("本单位难以解决，申请区级专题协调");
    completeForm("dialogue-progress");
    awaitTask(taskNo, "Task_Coordinate");

    switchUser("district");
    task(title, "区级专题协调");
    fill("Field_coordinationDecision", "区住建委约谈产权单位，限期清理");
    date("Field_coordinationDeadline-date", today.plusDays(20));
    completeForm("dialogue-coordination");
    awaitTask(taskNo, "Task_ReportProgress");

    String cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cycleNo).singleResult().getId();
    while (taskService.createTaskQuery().processInstanceBusinessKey(cycleNo).taskDefinitionKey("Task_ReviewEffectiveness").count() == 0) {
      fire(cycle, "Timer_QuarterEnd");
    }
    ClockUtil.reset();
    assertThat(client.post("district", "/api/dialogue/reviews", Map.of("taskNo", taskNo, "rating", "NOT_SOLVED",
        "evidence", "产权单位尚未清理")).status()).isEqualTo(201);
    task(cycleNo, "开展年度成效评估");
    fill("Field_reviewSummary", "全年任务未能按期完成，安定门街道须整改");
    completeForm("dialogue-review");
    awaitTask(cycleNo, "Task_AdmonitionTalk");

    task(cycleNo, "约谈责任单位");
    date("Field_admonitionDate-date", today);
    fill("Field_admonitionNote", "区委政法委约谈安定门街道，限期整改");
    completeForm("dialogue-admonition");
    for (int i = 0; i < 100 && runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cycleNo).count() > 0; i++) {
      page.waitForTimeout(100);
    }
    assertThat(jdbc.sql("SELECT admonition_note FROM dialogue_assessments WHERE cycle_no = ? AND unit_code = ?")
        .params(cycleNo, ANDINGMEN).query(String.class).single()).contains("限期整改");
  }

  @Test
  @Order(9)
  void shouldHaveSubmittedEveryFormOfTheProject() throws IOException {
    Set<String> all;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      all = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form"))
          .map(n -> n.replace(".form", "")).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(submitted).as("forms submitted in the browser").isEqualTo(all);
  }

  // ------------------------------------------------------------------------------------------

  /** A fresh browser page (its own cookies) logged in as another user. */
  void switchUser(String user) {
    page.close();
    openPage();
    login(user);
  }

  void login(String user) {
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
    page.locator(".form-signin .app-name").waitFor();
    assertThat((String) page.evaluate("() => getComputedStyle(document.querySelector('.form-signin .app-name'), '::before').content"))
        .as("Huian's name on the login page").contains("汇安");
    assertThat(page.locator(".form-signin .app-name").innerText()).as("login page in Chinese").contains("任务列表");
    Chromium.signIn(page, port, "tasklist", user, "demo", Chromium.TASKLIST);
    assertThat(page.locator(".ce-eol-banner").isVisible()).as("the 'migrate to Camunda 8' banner is off").isFalse();
  }

  /** Opens the task of the case with this title from the shared filter, and claims it. */
  void task(String title, String name) {
    Locator item = page.locator(".tasks-list li").filter(new Locator.FilterOptions().setHasText(title))
        .filter(new Locator.FilterOptions().setHasText(name));
    for (int attempt = 1; ; attempt++) {
      page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
      page.reload();
      try {
        item.first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        break;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          shot("failed-task-" + name);
          throw e;
        }
      }
    }
    item.first().getByText(name, new Locator.GetByTextOptions().setExact(true)).click();
    Locator claim = page.locator("button.claim");
    claim.waitFor();
    claim.click();
    claim.waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    page.locator("button[ng-click='complete()']").waitFor();
    page.locator(".fjs-form").waitFor();
  }

  void fill(String id, String text) {
    Locator field = page.locator("[id$='" + id + "']");
    try {
      field.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
    } catch (RuntimeException e) {
      shot("failed-" + id);
      throw e;
    }
    enter(field, text);
  }

  /** Types into a form-js field and leaves it, so its debounced update lands before the next field changes. */
  static void enter(Locator field, String text) {
    field.fill(text);
    field.blur();
    field.page().waitForTimeout(400);
  }

  void choose(String label) {
    page.locator(".fjs-form").getByLabel(label).first().check();
  }

  void date(String id, LocalDate day) {
    Locator input = page.locator("[id$='" + id + "']");
    input.fill(ZH_DATE.format(day));
    input.press("Enter");
    page.waitForTimeout(400);
  }

  static void pick(Locator scope, String id, String option) {
    scope.locator("[id$='" + id + "']").locator("xpath=..").click();
    scope.page().locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText(option)).first().click();
  }

  static void search(Locator scope, String id, String typed, String option) {
    scope.locator("[id$='" + id + "']").fill(typed);
    scope.page().locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText(option)).first().click();
  }

  void completeForm(String formId) {
    shot(formId);
    complete();
    submitted.add(formId);
  }

  void complete() {
    Locator button = page.locator("button[ng-click='complete()']");
    assertThat(button.isEnabled()).as("Complete is enabled").isTrue();
    button.click();
    page.locator("button[ng-click='complete()']").waitFor(new Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
  }

  void shot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
  }

  String awaitCase(String title) {
    for (int i = 0; i < 100; i++) {
      List<String> found = jdbc.sql("SELECT case_no FROM cases WHERE title = ?").param(title).query(String.class).list();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      page.waitForTimeout(100);
    }
    throw new AssertionError("no case titled " + title + " was started from the form");
  }

  void awaitTask(String caseNo, String key) {
    for (int i = 0; i < 100; i++) {
      if (taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).count() > 0) {
        return;
      }
      page.waitForTimeout(100);
    }
    throw new AssertionError("the process of " + caseNo + " did not reach " + key);
  }

  void awaitStatus(String caseNo, String status) {
    for (int i = 0; i < 100; i++) {
      runAsyncJobs();
      if (status.equals(get(caseNo).path("status").asText())) {
        return;
      }
      page.waitForTimeout(100);
    }
    assertThat(get(caseNo).path("status").asText()).isEqualTo(status);
  }

}
