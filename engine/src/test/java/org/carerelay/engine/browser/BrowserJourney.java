package org.carerelay.engine.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every journey through CareRelay in a real browser shares: one headless Chromium for the test
 * class, signing in on CareRelay's login page as a demo user, and full-page screenshots in
 * {@code target/browser-screenshots}. Dialogs a page opens (an injected {@code alert}) are
 * dismissed and kept in {@link #dialogs}.
 */
abstract class BrowserJourney {

  static Playwright playwright;
  static Browser browser;

  @LocalServerPort
  int port;

  final List<String> dialogs = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void launch() throws Exception {
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    Files.createDirectories(Chromium.SCREENSHOTS);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  Page signIn(BrowserContext context, String user) {
    Page page = context.newPage();
    page.onDialog(dialog -> {
      dialogs.add(dialog.message());
      dialog.dismiss();
    });
    page.navigate(url("/login"));
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill("demo");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(url("/"));
    return page;
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
