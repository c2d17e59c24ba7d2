package org.carerelay.engine.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A designer adds a step to the hospice pathway in the browser (bpmn-js modeler with the Camunda 7
 * properties panel): the checker names what is wrong with the first try (a generated id, no form),
 * she mends it in the properties panel, sees what changed against the running version, deploys, and
 * moves a running case onto the new version after a dry run; the case then reaches the new step.
 */
@DemoRegionTest
class DesignerBpmnBrowserTests extends BrowserJourney {

  private static final String RESOURCE = "processes/hospice-admission/hospice-admission.bpmn";

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void restoreTheShippedPathway() throws Exception {
    ClockUtil.reset();
    engine.getRepositoryService().createDeployment().name("test: shipped hospice admission")
        .addInputStream(RESOURCE, new java.io.ByteArrayInputStream(Files.readAllBytes(
            Path.of("..", "processes", "src", "main", "resources", RESOURCE)))).deploy();
  }

  @Test
  void aDesignerAddsAStepToTheHospicePathwayAndMovesARunningCaseOntoIt() {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("hospice-admission", "gp", "meadows-clinical",
        CaseDriver.hospiceReferral("urgent", "high-weald")).getId();
    String reference = (String) driver.variable(caseId, "caseReference");
    String triage = driver.handoff(caseId, "hospice-inpatient").getId();
    driver.complete(triage, "user_respond", "response", "accept", "triageDecision", "admit-urgent");
    int before = engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId()).getVersion();

    List<String> problems = new CopyOnWriteArrayList<>();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = signIn(context, "designer");
      page.onPageError(problems::add);
      page.onResponse(response -> {
        if (response.status() >= 400) {
          problems.add(response.status() + " " + response.url());
        }
      });
      page.onConsoleMessage(message -> {
        // A failed load is caught with its address by onResponse below (Chromium's own favicon request is not).
        if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")
            && !message.text().contains("development build of Inferno")) {
          problems.add(message.text());
        }
      });
      page.navigate(url("/designer/"));
      page.locator("#models tr", new Page.LocatorOptions().setHasText("Hospice admission"))
          .getByRole(AriaRole.BUTTON).last().click(); // the newest version
      page.locator("body[data-shown=hospice-admission]").waitFor();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change this version")).click();
      page.locator("body[data-editing=hospice-admission]").waitFor();

      // Zoom in on the end of the admission, then drop a task from the palette onto the flow from
      // "Confirm the admission" to "Tell the referrer and the GP".
      Locator flow = page.locator(".djs-connection[data-element-id=flow_to_admitted] .djs-hit");
      BoundingBox line = flow.boundingBox();
      page.mouse().move(line.x + line.width / 2, line.y + line.height / 2);
      page.keyboard().down("Control");
      for (int notch = 0; notch < 4; notch++) {
        page.mouse().wheel(0, -120);
        page.waitForTimeout(150);
      }
      page.keyboard().up("Control");
      line = flow.boundingBox();
      page.locator(".djs-palette .entry[data-action='create.task']").hover();
      page.mouse().down();
      page.mouse().move(line.x + line.width / 2, line.y + line.height / 2,
          new com.microsoft.playwright.Mouse.MoveOptions().setSteps(15));
      page.mouse().up();
      // Make it a user task (the wrench on the context pad).
      // The wrench: its click is dispatched, as Playwright's pointer click never reaches diagram-js's context pad here.
      page.locator(".djs-context-pad.open .entry[data-action='replace']").dispatchEvent("click");
      page.locator(".djs-popup [data-id='replace-with-user-task']").click();
      // Move it below the line, clear of "Confirm the admission"; its flows follow.
      BoundingBox task = page.locator(".djs-shape.selected").boundingBox();
      page.mouse().move(task.x + task.width / 2, task.y + task.height / 2);
      page.mouse().down();
      page.mouse().move(task.x + task.width / 2 + 20, task.y + task.height / 2 + 140,
          new com.microsoft.playwright.Mouse.MoveOptions().setSteps(15));
      page.mouse().up();
      shot(page, "d5-designer-drops-a-step");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check this model")).click();
      Locator result = page.locator("#model-result");
      assertThat(result).containsText("problem(s) to mend before deploying");
      assertThat(result).containsText("Activity_"); // a generated id
      assertThat(result).containsText("form");
      shot(page, "d6-checker-names-the-new-step");

      // Each problem shows its element; the properties panel mends it.
      String step = result.locator("li", new Locator.LocatorOptions().setHasText("a user task needs a form"))
          .locator("strong").textContent();
      String flowId = result.locator("li", new Locator.LocatorOptions().setHasText("Flow_")).locator("strong")
          .textContent();
      result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show " + flowId)).first().click();
      openGroup(page, "General");
      page.locator("#bio-properties-panel-id").fill("flow_to_tell_family");
      page.locator("#bio-properties-panel-id").press("Tab");
      result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show " + step).setExact(true)).first().click();
      openGroup(page, "General");
      page.locator("#bio-properties-panel-id").fill("user_tell_family");
      page.locator("#bio-properties-panel-id").press("Tab");
      page.locator("#bio-properties-panel-name").fill("Tell the family the admission time");
      page.locator("#bio-properties-panel-name").press("Tab");
      openGroup(page, "User assignment");
      page.locator("#bio-properties-panel-candidateGroups").fill("${hospiceTeam}");
      page.locator("#bio-properties-panel-candidateGroups").press("Tab");
      openGroup(page, "Forms");
      page.locator("#bio-properties-panel-formType").selectOption("formRef");
      page.locator("#bio-properties-panel-formRef").fill("hospice-admission-confirm-admission");
      page.locator("#bio-properties-panel-formRef").press("Tab");
      shot(page, "d7-designer-mends-the-step");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check this model")).click();
      assertThat(result).containsText("No problems: every check passed.");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("What changed")).click();
      assertThat(result).containsText("against hospice-admission, version " + before);
      assertThat(result.locator("tr.change-added")).containsText(new String[] {"Tell the family the admission time"});
      shot(page, "d8-what-changed");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy as a new version")).click();
      assertThat(result).containsText("Deployed by designer");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dry run")).click();
      Locator moves = page.locator("#migration-result");
      Locator row = moves.locator("tr", new Locator.LocatorOptions().setHasText(reference));
      assertThat(row).containsText("Yes");
      assertThat(row.getByRole(AriaRole.CHECKBOX)).isChecked();
      shot(page, "d9-dry-run");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move the chosen cases")).click();
      assertThat(moves).containsText("moved to version " + (before + 1) + " by designer");
    }
    assertThat(problems).isEmpty();
    assertThat(engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId()).getVersion())
        .isEqualTo(before + 1);
    driver.complete(caseId, "user_confirm_bed", "bedDate", "2026-03-30", "transportNeeded", false);
    driver.complete(caseId, "user_confirm_admission", "admittedAt", CaseDriver.AWKWARD_MOMENT.atOffset(
        java.time.ZoneOffset.UTC).toString());
    assertThat(driver.task(caseId, "user_tell_family")).as("the moved case reaches the new step").isNotNull();
    assertThat(driver.candidateGroup(driver.task(caseId, "user_tell_family"))).isEqualTo("ashdown-ipu-triage");
    assertThat(problems).isEmpty();
  }

  /** Opens a section of the properties panel unless it is open. */
  private static void openGroup(Page page, String title) {
    Locator group = page.locator("#properties .bio-properties-panel-group", new Page.LocatorOptions().setHas(
        page.locator(".bio-properties-panel-group-header-title", new Page.LocatorOptions().setHasText(title))));
    if (group.locator(".bio-properties-panel-group-entries.open").count() == 0) {
      group.locator(".bio-properties-panel-group-header").first().click();
    }
  }
}
