package org.carerelay.engine.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, headless. Playwright never downloads a browser here.
 * Without Chromium the browser tests are skipped with a message, except with {@code CI=true}
 * (where {@code .ci/run} installs it), which fails them.
 */
final class Chromium {

  static final Path EXECUTABLE = Path.of(System.getProperty("carerelay.test.chromium", "/usr/bin/chromium"));
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private Chromium() {}

  static Playwright playwright() {
    if (!Files.isExecutable(EXECUTABLE)) {
      String message = "Chromium not found at " + EXECUTABLE + " (apt-get install -y chromium)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + "; CI=true requires the browser tests");
      }
      Assumptions.abort(message + ": browser tests skipped");
    }
    return Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static Browser launch(Playwright playwright) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic")));
  }
}
