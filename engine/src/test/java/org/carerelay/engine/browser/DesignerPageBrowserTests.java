package org.carerelay.engine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.Test;

/**
 * The designers' page in a real browser: the designer follows "Models" from the start page, opens the
 * service levels table and the rapid discharge diagram, checks a broken edit of the hospice pathway
 * and reads which element breaks which rule; a partner's staff are refused the page.
 */
@DemoRegionTest
class DesignerPageBrowserTests extends BrowserJourney {

  @Test
  void aDesignerReadsTheDeployedModelsAndChecksABrokenEditBeforeDeploying() throws Exception {
    List<String> problems = new CopyOnWriteArrayList<>();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = signIn(context, "designer");
      page.onPageError(problems::add);
      page.onResponse(response -> {
        if (response.status() >= 400) {
          problems.add(response.status() + " " + response.url());
        }
      });
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Models")).click();
      assertThat(page).hasTitle("Models — CareRelay");

      Locator levels = page.locator("#models tr", new Page.LocatorOptions().setHasText("Hand-off service levels"));
      levels.getByRole(AriaRole.BUTTON).first().click();
      page.waitForSelector("body[data-shown=handover-service-levels]");
      assertThat(page.locator("#viewer-canvas .tjs-table")).isVisible();
      assertThat(page.locator("#viewer-canvas")).containsText("chc-fast-track");
      shot(page, "d1-service-levels-table");

      page.locator("#models tr", new Page.LocatorOptions().setHasText("Rapid discharge home to die"))
          .getByRole(AriaRole.BUTTON).first().click();
      page.waitForSelector("body[data-shown=rapid-discharge]");
      assertThat(page.locator("#viewer-canvas .djs-element[data-element-id=call_chc_funding]")).isVisible();
      assertThat(page.locator("#viewer-canvas .bjs-powered-by")).isVisible();
      shot(page, "d2-rapid-discharge-diagram");

      String hospice = Files.readString(Path.of("..", "processes", "src", "main", "resources", "processes",
          "hospice-admission", "hospice-admission.bpmn"));
      String broken = hospice.replace("calledElement=\"partner-handover\"", "calledElement=\"partner-handoff\"");
      page.locator("#check-files").setInputFiles(new FilePayload("hospice-admission.bpmn", "application/xml",
          broken.getBytes(StandardCharsets.UTF_8)));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
      Locator result = page.locator("#check-result");
      assertThat(result).containsText("problem(s) to mend before deploying");
      assertThat(result).containsText("call_triage");
      assertThat(result).containsText("calls 'partner-handoff', which is not deployed");
      shot(page, "d3-checker-names-the-element");

      page.locator("#check-files").setInputFiles(new FilePayload("hospice-admission.bpmn", "application/xml",
          hospice.getBytes(StandardCharsets.UTF_8)));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
      assertThat(result).containsText("No problems: every check passed.");
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aPartnersStaffAreRefusedThePage() {
    try (BrowserContext context = browser.newContext()) {
      Page page = signIn(context, "ward-nurse");
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Models"))).hasCount(0);
      assertThat(page.navigate(url("/designer/")).status()).isEqualTo(403);
    }
  }
}
