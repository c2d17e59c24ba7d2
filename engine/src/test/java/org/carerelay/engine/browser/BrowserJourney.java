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

  private static final String UNTRANSLATED = """
        () => {
          const key = /\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b/;
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const text = walker.currentNode.textContent;
            const shown = walker.currentNode.parentElement && walker.currentNode.parentElement.offsetParent !== null;
            if (shown && key.test(text)) {
              found.push(text.trim());
            }
          }
          document.querySelectorAll('[placeholder], [title], [aria-label]').forEach((element) => {
            ['placeholder', 'title', 'aria-label'].forEach((name) => {
              const value = element.getAttribute(name);
              if (value && key.test(value)) {
                found.push(name + '=' + value);
              }
            });
          });
          return found;
        }""";

  /**
   * Fails when a page shows a translation key instead of words ({@code CREATION_DATE}), as text, a
   * placeholder, a title or an accessible label, once the page has settled.
   */
  static void assertNoUntranslatedLabels(Page page) {
    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    Object keys = List.of();
    for (int look = 0; look < 10; look++) { // settled: the page's own scripts had 2 s to word what they render
      keys = page.evaluate(UNTRANSLATED);
      if (((List<?>) keys).isEmpty()) {
        break;
      }
      page.waitForTimeout(200);
    }
    org.assertj.core.api.Assertions.assertThat((List<?>) keys).as("untranslated labels on " + page.url()).isEmpty();
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
