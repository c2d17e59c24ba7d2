package org.carerelay.engine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The managers' page in a real browser: a manager signs in, follows "Partnership overview" from the
 * start page, finds a breached funding request on the live view, opens its case timeline, reads the
 * breach, sees the rapid discharge diagram with the cases at each step, and downloads the partner
 * CSV; a partner's staff see only their own organisation's figures. Screenshots go to
 * {@code target/browser-screenshots}; no page may break the content security policy.
 */
@DemoRegionTest
class ManagersPageBrowserTests extends BrowserJourney {

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aManagerFindsABreachOpensItsTimelineSeesWhereCasesWaitAndDownloadsThePartnerFigures() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String reference = (String) driver.variable(caseId, "caseReference");
    String funding = driver.handoff(caseId, "chc-fast-track").getId();
    driver.at(Duration.ofMinutes(150), funding); // not answered within its 2 h: escalated

    List<String> problems = new CopyOnWriteArrayList<>();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1400, 900).setTimezoneId("Europe/London").setAcceptDownloads(true))) {
      Page page = signIn(context, "manager");
      page.onConsoleMessage(message -> {
        if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
          problems.add(message.text());
        }
      });
      page.onResponse(response -> {
        if (response.status() >= 400) {
          problems.add(response.status() + " " + response.url());
        }
      });
      page.onPageError(problems::add);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Partnership overview")).click();
      assertThat(page).hasTitle("Partnership overview — CareRelay");

      page.getByLabel("Status").selectOption(new SelectOption().setValue("breached"));
      Locator row = page.locator("#live-table tr", new Page.LocatorOptions().setHasText(reference));
      assertThat(row).hasCount(1);
      assertThat(row).containsText("Continuing healthcare fast-track funding");
      assertThat(row).containsText("NHS Weald and Downs Integrated Care Board");
      assertThat(row).containsText("30 min late");
      assertThat(row.locator(".badge")).hasText("Breached");
      shot(page, "m1-live-cases-breached");

      row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference)).click();
      Locator timeline = page.locator("#timeline");
      assertThat(timeline.locator("h2")).hasText("Case " + reference + ": timeline");
      assertThat(timeline).containsText("Case started by");
      assertThat(timeline).containsText("Continuing healthcare fast-track funding: NHS Weald and Downs Integrated Care"
          + " Board is late (respond, level 1)");
      shot(page, "m2-case-timeline");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Breaches")).click();
      assertThat(page.locator("#breaches-open tr", new Page.LocatorOptions().setHasText(reference)))
          .containsText("Level 1");
      shot(page, "m3-breaches");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Where cases wait")).click();
      page.locator("#heatmap-pathway").selectOption(new SelectOption().setLabel("Rapid discharge home to die"));
      page.waitForSelector("body[data-loaded=heatmap]");
      Locator funded = page.locator(".djs-overlay .heat-count").filter(new Locator.FilterOptions().setHasText("now"));
      assertThat(funded.first()).isVisible();
      assertThat(page.locator("#heatmap-diagram .djs-element[data-element-id=call_chc_funding]")).isVisible();
      assertThat(page.locator(".bjs-powered-by")).isVisible(); // the bpmn.io watermark its licence asks for
      shot(page, "m4-heatmap-with-counts");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Targets")).click();
      page.waitForSelector("body[data-loaded=targets]");
      assertThat(page.locator("#discharge-figures")).containsText("median from decision to discharge");
      shot(page, "m5-targets");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Partners")).click();
      page.waitForSelector("body[data-loaded=partners]");
      assertThat(page.locator("#partners-ranking")).containsText("NHS Weald and Downs Integrated Care Board");
      Download download = page.waitForDownload(() ->
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download CSV")).click());
      assertThat(download.suggestedFilename()).startsWith("partners-").endsWith(".csv");
      String csv = Files.readString(download.path());
      assertThat(csv).startsWith("organisation,").contains("NHS Weald and Downs Integrated Care Board");
      shot(page, "m6-partners");
    }
    assertThat(problems).as("errors in the browser, e.g. the content security policy").isEmpty();
  }

  @Test
  void aPartnersStaffSeeOnlyTheirOwnOrganisation() {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(caseId, "chc-fast-track");
    String carePackage = driver.handoff(caseId, "care-package").getId();
    driver.complete(carePackage, "user_respond", "response", "decline", "declineReason", "No carers this week");
    assertThat(engine.getRuntimeService().getVariable(carePackage, "partner")).isEqualTo("bluebell-home-care");

    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      Page page = signIn(context, "oakleaf-coordinator");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("How we are doing")).click();
      assertThat(page).hasTitle("How we are doing — CareRelay");
      page.waitForSelector("body[data-loaded=partners]");
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Live cases"))).hasCount(0);
      assertThat(page.locator(".lead").first()).containsText("Oakleaf Care at Home");
      Locator ranking = page.locator("#partners-ranking");
      assertThat(ranking).containsText("Care package at home");
      assertThat(ranking).containsText("No carers this week");
      // Bluebell was asked next, but it is another organisation: every row is Oakleaf's own.
      List<String> organisations = ranking.locator("td[data-label=Organisation]").allTextContents();
      assertThat(organisations).isNotEmpty().allMatch("Oakleaf Care at Home"::equals);
      shot(page, "m7-partner-sees-its-own-figures-at-390px");
    }
  }
}
