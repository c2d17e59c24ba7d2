package org.carerelay.engine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What partner staff see, in a real browser through Camunda's own Tasklist: a ward nurse starts a
 * rapid discharge from its start form, the ICB's continuing healthcare nurse sees the funding task
 * in her team's filter and completes it, and a user of an unrelated organisation sees nothing of
 * it. The patient's name is a script that must show as text. Screenshots go to
 * {@code target/browser-screenshots}.
 */
@DemoRegionTest
class TasklistBrowserTests extends BrowserJourney {

  private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";

  @Autowired
  ProcessEngine engine;

  @Test
  void aWardNurseStartsADischargeAndTheIcbCompletesTheFundingTaskWhileOthersSeeNothing() {
    long before = cases();
    try (BrowserContext ward = browser.newContext()) {
      Page page = signIn(ward, "ward-nurse");
      page.navigate(url("/camunda/app/tasklist/default/"));
      openStartForm(page);
      assertThat(page.getByText("Create task")).isHidden(); // the hub's, not a ward's
      assertThat(page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Where is the patient now?")))
          .hasAttribute("aria-required", "true"); // announced as one required question
      assertThat(page.getByLabel("Patient name")).hasAttribute("aria-required", "true");
      Locator birth = page.getByLabel("Date of birth");
      birth.fill("03/14/1941"); // month first, as an American date: refused, not misread
      birth.press("Tab");
      assertThat(page.getByText("\"03/14/1941\" is not a date: type the day, then the month")).isVisible();
      fillStartForm(page, HOSTILE_NAME, "943 476 5919");
      assertThat(page.getByText("Read as 14 March 1941")).isVisible();
      shot(page, "1-ward-start-form");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start").setExact(true)).click();
      waitFor(() -> cases() == before + 1);
      Locator started = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("has started"));
      assertThat(started).containsText(java.util.regex.Pattern.compile("Case RD-\\d{6}-[0-9A-F]{6} has started"));
      shot(page, "2-ward-after-start");
    }
    assertThat(cases()).as("the start form started a case").isEqualTo(before + 1);
    ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("rapid-discharge").orderByProcessInstanceId().desc().list().stream()
        .filter(instance -> HOSTILE_NAME.equals(engine.getRuntimeService().getVariable(instance.getId(), "patientName")))
        .findFirst().orElseThrow();
    String reference = (String) engine.getRuntimeService().getVariable(started.getId(), "caseReference");
    assertThat(started.getBusinessKey()).isEqualTo(reference);
    assertThat(engine.getRuntimeService().getVariable(started.getId(), "dateOfBirth"))
        .as("typed as 14/03/1941").isEqualTo("1941-03-14");

    try (BrowserContext icb = browser.newContext()) {
      Page page = signIn(icb, "chc-nurse");
      page.navigate(url("/camunda/app/tasklist/default/"));
      page.getByText("NHS Weald and Downs Integrated Care Board: Continuing healthcare fast track").first().click();
      Locator task = page.getByText("New request: Continuing healthcare fast-track funding for " + reference + " (urgent)");
      assertThat(task).isVisible();
      task.click();
      assertThat(page).hasTitle("New request: Continuing healthcare fast-track funding for " + reference
          + " (urgent) — Tasklist");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim")).click();
      Locator patient = page.getByLabel("Patient");
      assertThat(patient).hasValue(HOSTILE_NAME);
      assertThat(page.getByText(reference).first()).isVisible();
      page.getByLabel("Accept: we will do this").check();
      shot(page, "3-icb-funding-task");
      assertNoUntranslatedLabels(page);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
      String accepted = engine.getRuntimeService().createProcessInstanceQuery()
          .superProcessInstanceId(started.getId()).singleResult().getId();
      waitFor(() -> engine.getTaskService().createTaskQuery().processInstanceId(accepted)
          .taskDefinitionKey("user_complete").count() == 1);
      shot(page, "4-icb-after-complete");
    }
    String handoff = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(started.getId())
        .singleResult().getId();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(handoff).singleResult().getTaskDefinitionKey())
        .as("the ICB accepted in Tasklist").isEqualTo("user_complete");

    try (BrowserContext council = browser.newContext()) {
      Page page = signIn(council, "social-worker");
      page.navigate(url("/camunda/app/tasklist/default/"));
      page.waitForTimeout(2000);
      shot(page, "5-unrelated-user");
      assertThat(page.getByText(reference)).hasCount(0);
      assertThat(page.getByText("Continuing healthcare fast track")).hasCount(0);
    }
    assertThat(dialogs).as("no script ran").isEmpty();
  }

  /**
   * A ward nurse in England confirms a discharge at 23:30 on the night the clocks go forward: a time
   * typed in the future is refused with a message that names the field, shown by Tasklist, and the
   * time she corrects it to is saved.
   */
  @Test
  void theHubAsksAPartnerForARequestThatCameByPhone() {
    try (BrowserContext context = browser.newContext()) {
      Page page = signIn(context, "hub-coordinator");
      page.navigate(url("/camunda/app/tasklist/default/"));
      Locator start = page.getByText("Start process").first();
      start.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
      start.click();
      page.locator(".modal-dialog").getByText("Partner hand-off").click(); // the hub's task list names it too
      Locator service = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("Service"));
      service.locator(".fjs-input-group").click(); // the directory's services, in words
      page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("Equipment at home")).click();
      Locator locality = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("Locality"));
      locality.locator(".fjs-input-group").click();
      page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("Downs Coast")).click();
      page.getByLabel("Urgent", new Page.GetByLabelOptions().setExact(true)).check();
      page.getByLabel("Reference (the caller's, or the hub's own)").fill("PHONE-0415");
      page.getByLabel("What the partner is asked to do").fill("A commode and a profiling bed today; the son phoned.");
      shot(page, "7-hub-start-form-for-a-phoned-request");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start").setExact(true)).click();
      waitFor(() -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("partner-handover")
          .variableValueEquals("caseReference", "PHONE-0415").count() == 1);
      assertNoUntranslatedLabels(page);
    }
    ProcessInstance handoff = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("partner-handover").variableValueEquals("caseReference", "PHONE-0415").singleResult();
    assertThat(handoff).as("the hub's start form started a hand-off").isNotNull();
    assertThat(engine.getRuntimeService().getVariable(handoff.getId(), "service")).isEqualTo("equipment");
    assertThat(engine.getRuntimeService().getVariable(handoff.getId(), "partnerName"))
        .isEqualTo("Weald and Downs Community Equipment Service");
  }

  @Test
  void aDistrictNurseRecordsADeathWithNoOpenCaseAndFollowsWhatHappensNext() {
    new CaseDriver(engine); // the engine's clock at Sat 28 Mar 2026, 23:30 (UTC and London)
    try (BrowserContext nurse = browser.newContext(new Browser.NewContextOptions().setTimezoneId("Europe/London"))) {
      Page page = signIn(nurse, "district-nurse");
      page.navigate(url("/camunda/app/tasklist/default/"));
      Locator start = page.getByText("Start process").first();
      start.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
      start.click();
      page.locator(".modal-dialog").getByText("After a death").click();
      page.getByLabel("Patient name").fill("Edith Hart");
      Locator birth = page.getByLabel("Date of birth");
      birth.fill("02/06/1938");
      birth.press("Tab");
      page.getByLabel("NHS number (if known)").fill("275 217 4888");
      page.getByLabel("Home address").fill("7 Church Street, Uckfield");
      Locator locality = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("Locality"));
      locality.locator(".fjs-input-group").click();
      page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("High Weald")).click();
      page.getByLabel("GP practice").fill("The Meadows Surgery");
      page.getByLabel("Next of kin or main carer").fill("Joan Hart (wife)");
      Locator died = page.getByLabel("Date and time of death");
      died.fill("28/03/2026");
      died.press("Tab");
      Locator clock = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Time").setExact(true));
      clock.click();
      clock.pressSequentially("22:10", new Locator.PressSequentiallyOptions().setDelay(60));
      clock.press("Tab");
      selectOption(page, "Place of death", "Home");
      page.getByLabel("Death verified by (name and role)").fill("Sian Morgan, district nurse");
      selectOption(page, "Medical Examiner referral", "Not yet referred");
      page.getByLabel("Equipment at home to collect").check();
      page.getByLabel("A hospice was involved in the patient's care").check();
      shot(page, "8-district-nurse-records-a-death");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start").setExact(true)).click();
      waitFor(() -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("after-death")
          .variableValueEquals("nhsNumber", "275 217 4888").count() == 1);
      assertNoUntranslatedLabels(page);

      ProcessInstance afterDeath = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("after-death").variableValueEquals("nhsNumber", "275 217 4888").singleResult();
      assertThat(((java.util.Date) engine.getRuntimeService().getVariable(afterDeath.getId(), "diedAt")).toInstant())
          .as("typed day first, in London").isEqualTo(java.time.Instant.parse("2026-03-28T22:10:00Z"));
      page.navigate(url("/cases/" + afterDeath.getId()));
      Locator moments = page.locator("dl.moments");
      assertThat(moments).containsText("Sat 28 Mar 2026, 22:10");
      assertThat(moments).containsText(java.util.regex.Pattern.compile(
          "Every team told\\s*(1 team, \\d+ min after the death|1 of 1 notices still waiting to go out)"));
      assertThat(moments).containsText("Due Sat 25 Apr 2026, 22:10"); // four weeks on: the same time of day, in summer time
      assertThat(page.locator("table.cases")).containsText("Equipment collection after a death");
      assertThat(page.locator("table.cases")).containsText("Weald and Downs Community Equipment Service");
      shot(page, "8-district-nurse-follows-the-after-death-case");
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  void aWardNurseIsToldInWordsWhenTheDischargeTimeSheTypedIsInTheFuture() {
    CaseDriver driver = new CaseDriver(engine);
    try {
      String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
      driver.deliver(caseId, "chc-fast-track");
      CaseDriver.ARRANGED.forEach(service -> driver.deliver(caseId, service));
      String reference = (String) driver.variable(caseId, "caseReference");

      try (BrowserContext ward = browser.newContext(new Browser.NewContextOptions().setTimezoneId("Europe/London"))) {
        Page page = signIn(ward, "ward-nurse");
        page.navigate(url("/camunda/app/tasklist/default/"));
        page.getByText("Confirm the discharge (" + reference + ")").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim")).click();
        Locator travelled = page.getByLabel("The DNACPR / ReSPECT form travelled with the patient");
        travelled.check();
        typeDischargeTime(page, "29/03/2026", "09:00");
        assertThat(travelled).isChecked();
        shot(page, "6-ward-types-a-discharge-time");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
        Locator refusal = page.getByText("Left hospital at (dischargedAt): must not be in the future").first();
        assertThat(refusal).isVisible();
        Locator underTheField = page.locator(".fjs-form-field", new Page.LocatorOptions()
            .setHas(page.getByLabel("Left hospital at"))).locator(".carerelay-field-error");
        assertThat(underTheField).hasText("Must not be in the future (it is now Sat 28 Mar 2026, 23:30)");
        assertThat(page.getByText("ENGINE-")).hasCount(0);
        shot(page, "6-ward-discharge-time-in-the-future");

        typeDischargeTime(page, "28/03/2026", "23:20"); // the message stays on screen, clear of the Complete button
        assertThat(underTheField).hasCount(0); // corrected
        shot(page, "7-ward-corrects-the-time");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
        waitFor(() -> driver.task(caseId, "user_confirm_discharge") == null);
        shot(page, "8-ward-discharge-confirmed");
      }
      assertThat(driver.task(caseId, "user_confirm_discharge")).as("the corrected time was saved").isNull();
      assertThat(((java.util.Date) driver.variable(caseId, "dischargedAt")).toInstant())
          .isEqualTo(java.time.Instant.parse("2026-03-28T23:20:00Z"));
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  /**
   * A ward nurse on a phone (390 px wide) starts a case with an NHS number whose check digit is
   * wrong: the server's refusal is shown under that field, which is scrolled to and focused, not
   * only at the top of the long form; she corrects it and the case starts. Nothing on the way is
   * wider than the screen, the date picker opens on screen, and no label is an untranslated key.
   */
  @Test
  void aWardNurseOnAPhoneIsShownTheRefusedFieldWhereSheTypedIt() {
    long before = cases();
    try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
        .setTimezoneId("Europe/London").setLocale("en-GB"))) {
      Page page = signIn(phone, "ward-nurse");
      page.navigate(url("/camunda/app/tasklist/default/"));
      assertNoUntranslatedLabels(page);
      // Tasklist's search box now and then renders before its labels and keeps their keys (seen in
      // CI: CREATION_DATE, SEARCH_PLACEHOLDER); any key that reaches the page is put in words.
      page.evaluate("() => { const sort = document.createElement('span'); sort.textContent = 'CREATION_DATE';"
          + " const search = document.createElement('input'); search.setAttribute('placeholder', 'SEARCH_PLACEHOLDER');"
          + " document.body.prepend(sort, search); }");
      assertThat(page.getByText("CREATION_DATE", new Page.GetByTextOptions().setExact(true))).hasCount(0);
      assertThat(page.getByPlaceholder("SEARCH_PLACEHOLDER", new Page.GetByPlaceholderOptions().setExact(true)))
          .hasCount(0);
      assertThat(page.locator("body > input[placeholder='Filter Tasks']")).hasCount(1);
      assertNoUntranslatedLabels(page);
      Locator menu = page.locator("button.navbar-toggle"); // on a phone, Tasklist's header is a menu
      menu.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
      menu.click();
      openStartForm(page);
      page.getByLabel("Date of birth").click();
      Locator calendar = page.locator(".flatpickr-calendar.open");
      assertThat(calendar).isVisible();
      assertThat(calendar.locator(".flatpickr-weekday").first()).hasText("Mon");
      var box = calendar.boundingBox();
      assertThat(box.x).as("the date picker's left edge").isGreaterThanOrEqualTo(0);
      assertThat(box.x + box.width).as("the date picker's right edge").isLessThanOrEqualTo(390);
      page.waitForTimeout(500); // the picker's opening animation
      shot(page, "p1-phone-date-picker");
      page.getByLabel("Date of birth").press("Tab"); // Escape would close the whole start form
      fillStartForm(page, "Edith Lowe", "943 476 5918"); // the check digit should be 9
      assertThat(page.evaluate("document.documentElement.scrollWidth")).as("nothing wider than the phone")
          .isEqualTo(390);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start").setExact(true)).click();

      Locator nhsField = page.locator(".fjs-form-field", new Page.LocatorOptions().setHas(
          page.getByLabel("NHS number (if known)")));
      Locator refusal = nhsField.locator(".carerelay-field-error");
      assertThat(refusal).containsText("check digit");
      Locator nhs = page.getByLabel("NHS number (if known)");
      assertThat(nhs).isFocused();
      assertThat(nhs).hasAttribute("aria-invalid", "true");
      assertThat(nhs).isInViewport();
      assertThat(page.getByText("ENGINE-")).hasCount(0);
      shot(page, "p2-phone-refused-nhs-number");
      assertThat(cases()).as("nothing was started").isEqualTo(before);

      nhs.fill("943 476 5919");
      assertThat(refusal).hasCount(0);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start").setExact(true)).click();
      Locator started = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("has started"));
      assertThat(started).isVisible();
      shot(page, "p3-phone-started");
    }
    assertThat(cases()).isEqualTo(before + 1);
  }

  /** Opens the rapid discharge start form, waiting for Tasklist's first load. */
  private void openStartForm(Page page) {
    Locator start = page.getByText("Start process").first();
    try {
      // Tasklist's first load on a busy 2-core machine can take a while.
      start.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
    } catch (RuntimeException e) {
      shot(page, "0-tasklist-without-start-process");
      throw new AssertionError("Tasklist did not offer 'Start process' at " + page.url(), e);
    }
    start.click();
    page.getByText("Rapid discharge home to die").click();
  }

  /** Fills in the rapid discharge start form for a patient on a ward at Weald and Downs Hospital. */
  private static void fillStartForm(Page page, String patientName, String nhsNumber) {
    page.getByLabel("On a ward").check();
    page.getByLabel("Patient name").fill(patientName);
    Locator birth = page.getByLabel("Date of birth");
    birth.fill("14/03/1941");
    birth.press("Tab");
    page.getByLabel("NHS number (if known)").fill(nhsNumber);
    page.getByLabel("Hospital number").fill("WD998877");
    page.getByLabel("Home address").fill("1 Orchard Lane, Crowborough");
    Locator locality = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("Locality"));
    locality.locator(".fjs-input-group").click(); // a drop-down of the directory's localities
    locality.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("1a-localities.png")));
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("High Weald")).click();
    page.getByLabel("GP practice").fill("The Meadows Surgery");
    selectOption(page, "Preferred place of death", "Home");
    page.getByLabel("Main carer or next of kin").fill("Byron (son)");
    page.getByLabel("Primary end-of-life diagnosis").fill("Metastatic pancreatic cancer");
    selectOption(page, "Estimated prognosis", "Days");
    selectOption(page, "CPR decision", "DNACPR in place");
    page.getByLabel("Where the DNACPR / ReSPECT form is kept").fill("With the patient");
    page.getByLabel("The patient consents").check();
  }

  /**
   * Types as a person does, a key at a time (form-js reads the time it shows only after re-rendering
   * each key); its date picker reads a typed date month first.
   */
  private static void typeDischargeTime(Page page, String dayFirstDate, String time) {
    Locator date = page.getByLabel("Left hospital at");
    date.fill(dayFirstDate);
    date.press("Enter");
    Locator clock = page.getByLabel("Time");
    clock.selectText();
    clock.pressSequentially(time, new Locator.PressSequentiallyOptions().setDelay(60));
    clock.press("Tab");
  }

  /** Picks a radio option; the option labels of the start form are unique. */
  private static void selectOption(Page page, String group, String option) {
    page.getByLabel(option, new Page.GetByLabelOptions().setExact(true)).check();
  }

  /** Waits up to 20 s for the browser's request to reach the engine. */
  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private long cases() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("rapid-discharge").count();
  }
}
