package org.huian.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
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

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
