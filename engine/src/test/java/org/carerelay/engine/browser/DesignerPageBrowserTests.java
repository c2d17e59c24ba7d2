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
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

/**
 * The designers' page in a real browser: the designer follows "Models" from the start page, opens the
 * service levels table and the rapid discharge diagram, checks a broken edit of the hospice pathway
 * and reads which element breaks which rule; changes an urgent care package's answer time in the
 * table, checks and deploys it, and a new hand-off gets the new due time while a running one keeps
 * its own; a partner's staff are refused the page.
 */
@DemoRegionTest
class DesignerPageBrowserTests extends BrowserJourney {

  @Autowired
  ProcessEngine engine;

  @Test
  void aDesignerReadsTheDeployedModelsAndChecksABrokenEditBeforeDeploying() throws Exception {
    List<String> problems = new CopyOnWriteArrayList<>();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = signIn(context, "designer");
      page.onPageError(problems::add);
      page.onConsoleMessage(message -> {
        // dmn-js's bundle carries Inferno's development warning; it is not a fault of the page.
        if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")
            && !message.text().contains("development build of Inferno")) {
          problems.add(message.text()); // e.g. the content security policy refusing a font
        }
      });
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
  void aDesignerChangesAServiceLevelDeploysItAndOnlyNewHandoffsFollowIt() throws Exception {
    ClockUtil.setCurrentTime(java.util.Date.from(CaseDriver.AWKWARD_MOMENT));
    String running = startCarePackage("PHONE-0501");
    assertThat(respondDue(running)).isEqualTo(CaseDriver.AWKWARD_MOMENT.plus(Duration.ofHours(2)));

    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = signIn(context, "designer");
      page.navigate(url("/designer/"));
      page.locator("#models tr", new Page.LocatorOptions().setHasText("Hand-off service levels"))
          .getByRole(AriaRole.BUTTON).first().click();
      page.waitForSelector("body[data-shown=handover-service-levels]");
      Locator rule = page.locator("#viewer-canvas tbody tr").nth(2); // rule 3: an urgent care package's answer
      assertThat(rule).containsText("\"care-package\"");
      assertThat(rule).containsText("\"respond\"");
      Locator due = rule.locator("td", new Locator.LocatorOptions().setHasText("\"PT2H\"")).first();
      due.click();
      page.keyboard().press("Control+A");
      page.keyboard().type("\"PT3H\"");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check this model")).click();
      assertThat(page.locator("#model-result")).containsText("No problems: every check passed.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy as a new version")).click();
      assertThat(page.locator("#model-result")).containsText("Deployed by designer");
      assertThat(page.locator("#model-result")).containsText("Hand-off service levels, version");
      shot(page, "d4-service-level-changed-and-deployed");
    }

    String next = startCarePackage("PHONE-0502");
    assertThat(respondDue(next)).as("a new hand-off follows the new table")
        .isEqualTo(CaseDriver.AWKWARD_MOMENT.plus(Duration.ofHours(3)));
    assertThat(respondDue(running)).as("a running one keeps its due time")
        .isEqualTo(CaseDriver.AWKWARD_MOMENT.plus(Duration.ofHours(2)));
  }

  /** Puts the shipped service levels back as the latest version, for the tests that follow. */
  @AfterEach
  void restoreTheShippedServiceLevels() throws Exception {
    ClockUtil.reset();
    String latest = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("handover-service-levels").latestVersion().singleResult().getResourceName();
    byte[] shipped = Files.readAllBytes(Path.of("..", "processes", "src", "main", "resources", "processes",
        "partner-handover", "handover-service-levels.dmn"));
    try (var in = engine.getRepositoryService().getResourceAsStream(engine.getRepositoryService()
        .createDecisionDefinitionQuery().decisionDefinitionKey("handover-service-levels").latestVersion()
        .singleResult().getDeploymentId(), latest)) {
      if (!java.util.Arrays.equals(in.readAllBytes(), shipped)) {
        engine.getRepositoryService().createDeployment().name("test: shipped service levels")
            .addInputStream(latest, new java.io.ByteArrayInputStream(shipped)).deploy();
      }
    }
  }

  private String startCarePackage(String reference) {
    java.util.Map<String, Object> request = new java.util.HashMap<>();
    request.put("caseReference", reference);
    request.put("service", "care-package");
    request.put("urgency", "urgent");
    request.put("locality", "high-weald");
    request.put("requestSummary", "Carers twice a day");
    return engine.getRuntimeService().startProcessInstanceByKey("partner-handover", request).getId();
  }

  private java.time.Instant respondDue(String handoff) {
    return engine.getTaskService().createTaskQuery().processInstanceId(handoff).taskDefinitionKey("user_respond")
        .singleResult().getDueDate().toInstant();
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
