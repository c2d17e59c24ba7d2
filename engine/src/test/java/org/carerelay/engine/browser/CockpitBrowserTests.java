package org.carerelay.engine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a partnership manager sees in Camunda's own Cockpit: each pathway's diagram with its labels
 * in words, never a raw {@code ${...}} expression, and no Camunda 8 migration banner; cases listed
 * by their reference (the business key); no control to change a case, which only an administrator
 * is offered (and the engine refuses managers anyway). Screenshots of each diagram go to
 * {@code target/browser-screenshots} for a person to look at.
 */
@DemoRegionTest
class CockpitBrowserTests extends BrowserJourney {

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aManagerSeesEachPathwayInWordsAndCasesByTheirReferenceAndNoChangeControls() {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String reference = (String) driver.variable(caseId, "caseReference");

    try (BrowserContext manager = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(1600, 1000))) {
      Page page = signIn(manager, "manager");
      for (String key : List.of("rapid-discharge", "hospice-admission", "partner-handover")) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
            .latestVersion().singleResult().getId();
        page.navigate(url("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime"));
        Locator diagram = page.locator(".djs-container svg").first();
        diagram.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        page.waitForTimeout(500); // bpmn-js draws the labels after the container appears
        String labels = String.join("\n", page.locator(".djs-container text").allTextContents());
        assertThat(labels).as(key + "'s diagram").isNotBlank().doesNotContain("${");
        assertThat(page.locator(".ce-eol-banner")).isHidden();
        diagram.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("k-" + key + ".png")));
      }
      String rapid = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("rapid-discharge")
          .latestVersion().singleResult().getId();
      page.navigate(url("/camunda/app/cockpit/default/#/process-definition/" + rapid + "/runtime"));
      assertThat(page.getByText(reference).first()).isVisible(
          new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
      shot(page, "k-cockpit-cases-by-reference");
      assertNoUntranslatedLabels(page);
      openCase(page, caseId);
      assertThat(page.getByText(reference).first()).isVisible();
      assertThat(page.locator("[uib-tooltip='Delete running process instance']")).isHidden();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      assertThat(page.locator("[uib-tooltip='Edit the variable']")).hasCount(0);
      assertThat(page.getByText((String) driver.variable(caseId, "patientName"))).hasCount(0); // not the patient
      assertThat(page.getByText((String) driver.variable(caseId, "nhsNumber"))).hasCount(0);
      shot(page, "k-manager-reads-a-case");
    }
    try (BrowserContext administrator = browser.newContext()) {
      Page page = signIn(administrator, "demo");
      openCase(page, caseId);
      page.locator("[uib-tooltip='Edit the variable']").first().waitFor(
          new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
      assertThat(page.locator("[uib-tooltip='Delete running process instance']")).isVisible();
      assertThat(page.locator("[uib-tooltip='Edit the variable']").first()).isVisible();
    }
  }

  private void openCase(Page page, String caseId) {
    page.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + caseId + "/runtime"));
    page.locator(".djs-container svg").first().waitFor(new Locator.WaitForOptions().setTimeout(60_000));
  }
}
