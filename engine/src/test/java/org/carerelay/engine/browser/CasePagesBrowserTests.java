package org.carerelay.engine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Cases we referred", in a real browser: the ward nurse follows the case she started and reads the
 * advice a declining partner left for her; the hub moves a request to another partner picked from a
 * drop-down of the partners that offer the service in the case's locality, without typing an id; a
 * user of another organisation cannot open the case. Screenshots go to {@code target/browser-screenshots}.
 */
@DemoRegionTest
class CasePagesBrowserTests extends BrowserJourney {

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void whenNoPartnerIsLeftTheHubAsksANamedOneFromADropDownInTasklist() {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String reference = (String) driver.variable(caseId, "caseReference");
    driver.deliver(caseId, "chc-fast-track");
    String carePackage = driver.handoff(caseId, "care-package").getId();
    driver.complete(carePackage, "user_respond", "response", "decline", "declineReason", "No carers");
    driver.complete(carePackage, "user_respond", "response", "decline", "declineReason", "Full this week");

    try (BrowserContext hub = browser.newContext(new Browser.NewContextOptions().setTimezoneId("Europe/London"))) {
      Page page = signIn(hub, "hub-coordinator");
      page.navigate(url("/camunda/app/tasklist/default/"));
      Locator task = page.getByText("No partner available: Care package at home for " + reference + " (urgent)");
      task.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
      task.first().click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim")).click();
      page.getByLabel("Ask a named partner").check();
      Locator partner = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("Partner to ask"));
      partner.locator(".fjs-input-group").click();
      Locator offered = page.locator(".fjs-dropdownlist-item");
      assertThat(offered).hasText(new String[] {"Bluebell Home Care Ltd", "Oakleaf Care at Home"});
      shot(page, "c4-hub-picks-a-partner");
      offered.filter(new Locator.FilterOptions().setHasText("Bluebell Home Care Ltd")).click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
      assertThat(page.getByText("No partner available: Care package at home for " + reference)).hasCount(0);
    }
    assertThat(engine.getRuntimeService().getVariable(carePackage, "partner")).isEqualTo("bluebell-home-care");
    assertThat(driver.task(carePackage, "user_respond")).isNotNull();
  }

  private static final String ADVICE = "No carers free until Monday <img src=x onerror=alert(1)>. Bluebell has carers in Crowborough.";

  @Test
  void theWardFollowsItsCaseWithThePartnersAdviceAndTheHubMovesARequestFromADropDown() {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String reference = (String) driver.variable(caseId, "caseReference");
    driver.deliver(caseId, "chc-fast-track");
    String carePackage = driver.handoff(caseId, "care-package").getId();
    driver.complete(carePackage, "user_respond", "response", "decline",
        "declineReason", ADVICE);

    try (BrowserContext ward = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      Page page = signIn(ward, "ward-nurse");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cases we referred")).click();
      assertThat(page).hasTitle("Cases we referred — CareRelay");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
      assertThat(page).hasTitle(reference + " — CareRelay");
      assertThat(page.getByText(ADVICE).first()).isVisible(); // markup a partner typed is shown as text
      assertThat(page.getByText("Care package at home: asked Bluebell Home Care")).isVisible();
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move the request"))).hasCount(0);
      shot(page, "c1-ward-follows-its-case-at-390px");
    }

    String equipment = driver.handoff(caseId, "equipment").getId();
    String askedFirst = (String) engine.getRuntimeService().getVariable(equipment, "partner");
    String chosen;
    try (BrowserContext hub = browser.newContext()) {
      Page page = signIn(hub, "hub-coordinator");
      page.navigate(url("/cases/" + caseId));
      page.getByText("Move or withdraw Equipment at home").click();
      Locator partners = page.getByLabel("Move Equipment at home to");
      partners.selectOption(new SelectOption().setIndex(1));
      chosen = partners.locator("option:checked").textContent().strip();
      page.locator("form", new Page.LocatorOptions().setHas(partners))
          .getByLabel("Why (the hub's note; partners are not shown it)").fill("Faster delivery today <script>alert(3)</script>");
      shot(page, "c2-hub-moves-a-request");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move the request")).first().click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("The request has moved to " + chosen + ".");
      shot(page, "c3-hub-after-the-move");
      page.navigate(url("/camunda/app/tasklist/default/"));
      assertThat(page.getByText("Create task")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
          .IsVisibleOptions().setTimeout(60_000)); // the hub may create tasks; partners may not
    }
    String askedNow = (String) engine.getRuntimeService().getVariable(equipment, "partner");
    assertThat(askedNow).isNotEqualTo(askedFirst);
    assertThat(engine.getRuntimeService().getVariable(equipment, "partnerName")).isEqualTo(chosen);

    try (BrowserContext other = browser.newContext()) {
      Page page = signIn(other, "ashdown-triage");
      assertThat(page.navigate(url("/cases/" + caseId)).status()).isEqualTo(404);
      page.navigate(url("/cases"));
      assertThat(page.getByText(reference)).hasCount(0);
    }
    try (BrowserContext hub = browser.newContext()) {
      Page page = signIn(hub, "hub-coordinator");
      page.navigate(url("/cases/" + caseId));
      assertThat(page.getByText("Faster delivery today <script>alert(3)</script>").first()).isVisible();
    }
    assertThat(dialogs).as("no script a person typed ran").isEmpty();
  }
}
