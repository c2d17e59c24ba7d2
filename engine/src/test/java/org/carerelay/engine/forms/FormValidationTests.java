package org.carerelay.engine.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.TeamTaskProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A task completed over REST without its form is still held to the form's rules. */
@DemoRegionTest
class FormValidationTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  String processInstanceId;
  Task respond;

  @BeforeEach
  void offerACarePackageToOakleaf() {
    processInstanceId = engine.getRuntimeService().startProcessInstanceByKey("partner-handover", Map.of(
        "caseReference", "CR-FORMS", "service", "care-package", "urgency", "urgent", "locality", "high-weald",
        "requestSummary", "Four calls a day")).getId();
    respond = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  @Test
  void aMissingRequiredFieldIsRefusedWith400NamingItAndTheTaskStaysOpen() throws Exception {
    HttpResponse<String> response = HttpCaller.basic(port, "oakleaf-coordinator", "demo").postJson(
        "/engine-rest/task/" + respond.getId() + "/complete", "{\"variables\": {\"response\": {\"value\": \"decline\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    String message = new ObjectMapper().readTree(response.body()).get("message").asText();
    assertThat(message).contains("(declineReason): is required");
    assertThat(engine.getTaskService().createTaskQuery().taskId(respond.getId()).count()).isOne();
    assertThat(engine.getRuntimeService().getVariable(processInstanceId, "response")).isNull();
  }

  @Test
  void aValueAnEarlierStepLeftInTheCaseDoesNotAnswerARequiredFieldOfThisTask() throws Exception {
    engine.getRuntimeService().setVariable(processInstanceId, "response", "accept"); // as an earlier task leaves it

    HttpResponse<String> response = HttpCaller.basic(port, "oakleaf-coordinator", "demo").postJson(
        "/engine-rest/task/" + respond.getId() + "/complete", "{}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("response");
    assertThat(engine.getTaskService().createTaskQuery().taskId(respond.getId()).count()).isOne();
  }

  @Test
  void aValueOutsideTheFormsOptionsIsRefused() {
    HttpResponse<String> response = HttpCaller.basic(port, "oakleaf-coordinator", "demo").postJson(
        "/engine-rest/task/" + respond.getId() + "/complete", "{\"variables\": {\"response\": {\"value\": \"maybe\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Your response (response): must be one of [accept, decline, more-information]");
  }

  @Test
  void aTooLongTextIsRefused() {
    String reason = "x".repeat(2001);
    HttpResponse<String> response = HttpCaller.basic(port, "oakleaf-coordinator", "demo").postJson(
        "/engine-rest/task/" + respond.getId() + "/complete", "{\"variables\": {\"response\": {\"value\": \"decline\"},"
            + " \"declineReason\": {\"value\": \"" + reason + "\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("declineReason): must be at most 2000 characters");
  }

  @Test
  void tasklistsOwnSubmitIsCheckedTheSameWayAndGetsTheMessage() {
    HttpCaller browser = HttpCaller.browser(port).loggedInAs("oakleaf-coordinator", "demo");
    browser.get("/camunda/app/tasklist/default/");

    HttpResponse<String> response = browser.postJson("/camunda/api/engine/engine/default/task/" + respond.getId()
        + "/submit-form", "{\"variables\": {\"response\": {\"value\": \"more-information\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("informationRequest): is required");
    assertThat(engine.getTaskService().createTaskQuery().taskId(respond.getId()).count()).isOne();
  }

  @Test
  void aValidSubmissionPassesAndFieldsTheFormHidesAreNotRequired() {
    HttpResponse<String> response = HttpCaller.basic(port, "oakleaf-coordinator", "demo").postJson(
        "/engine-rest/task/" + respond.getId() + "/complete", "{\"variables\": {\"response\": {\"value\": \"accept\"}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  @Test
  void aTaskWhoseFormAsksNothingCompletesWithoutValues() {
    TeamTaskProbe.Case probe = new TeamTaskProbe(engine).startFor("icb-chc", "Anyone");

    engine.getTaskService().complete(probe.task().getId());

    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(probe.instance().getId()).count()).isZero();
  }
}
