package org.huian.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser suites' headless Debian Chromium through Playwright (no browser download): skipped
 * where Chromium is not installed; the screenshot folder exists once it is launched.
 */
record Chromium(Playwright playwright, Browser browser) implements AutoCloseable {

  static Chromium launch(String... extraArgs) {
    Assumptions.assumeTrue(Files.isExecutable(TasklistBrowserTest.CHROMIUM),
        "Chromium is not installed at /usr/bin/chromium (apt-get install chromium): browser tests skipped");
    try {
      Files.createDirectories(TasklistBrowserTest.SHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--lang=zh-CN"));
    args.addAll(List.of(extraArgs));
    Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(TasklistBrowserTest.CHROMIUM).setHeadless(true).setArgs(args));
    return new Chromium(playwright, browser);
  }

  /** Tasklist's first view after sign-in: its header's start-process link. */
  static final String TASKLIST = "a:has(.glyphicon-list-alt)";

  /**
   * Signs in on a Camunda webapp's login form ({@code app}: tasklist, cockpit, admin) and waits for
   * {@code ready}, the app's first view. Fails with what went wrong: the typed values not taken,
   * the login request refused (its status and body), or the app not shown after a 200 (then the
   * page is saved to {@code target/screenshots/signin-failure-*.png} with its notifications).
   */
  static void signIn(Page page, int port, String app, String user, String password, String ready) {
    page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    page.locator(".form-signin .app-name").waitFor();
    // the webapp can clear the fields it has just shown (seen: the same input, emptied, once its
    // start-up requests answer; this lost the CI run of stop 21): type again until both values are
    // still there a moment later, at most three times
    for (int attempt = 1; ; attempt++) {
      page.locator("input[type=text]").evaluate("e => e.dataset.huianTyped = 'yes'");
      page.locator("input[type=text]").fill(user);
      page.locator("input[type=password]").fill(password);
      page.waitForTimeout(250);
      if (user.equals(page.locator("input[type=text]").inputValue())
          && password.equals(page.locator("input[type=password]").inputValue())) {
        break;
      }
      System.out.printf("[signIn] %s lost the typed %s (attempt %d; %s)%n", app, user, attempt,
          "yes".equals(page.locator("input[type=text]").getAttribute("data-huian-typed")) ? "same field, cleared" : "a new field");
      if (attempt == 3) {
        throw new AssertionError("the login form of " + app + " did not keep the user name " + user + " after three tries");
      }
    }
    Response login = page.waitForResponse(
        r -> r.request().method().equals("POST") && r.url().contains("/auth/user/default/login/" + app),
        () -> page.locator("button[type=submit]").click());
    if (login.status() != 200) {
      throw new AssertionError("login of " + user + " to " + app + " answered " + login.status() + ": " + login.text());
    }
    try {
      page.locator(ready).waitFor();
    } catch (PlaywrightException e) {
      String name = "signin-failure-" + app + "-" + user + "-" + System.currentTimeMillis() + ".png";
      page.screenshot(new Page.ScreenshotOptions().setPath(TasklistBrowserTest.SHOTS.resolve(name)).setFullPage(true));
      Object notes = page.evaluate("() => Array.from(document.querySelectorAll('.notifications .alert, .notification'))"
          + ".map(n => n.innerText).join(' | ')");
      throw new AssertionError(user + " signed in to " + app + " (200) but " + ready + " did not show at " + page.url()
          + "; notifications: " + notes + "; screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
