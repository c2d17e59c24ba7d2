package org.carerelay.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Patient data only to those who need it: managers and designers see a case, its stage and its
 * reference, but never the patient's name or NHS number, by any API that reads a case's values
 * (runtime, history, task, and the API Cockpit itself calls); the hub sees them for every case, and
 * a partner's team on the task it is offered. Nor may managers and designers find a case by searching
 * or sorting on the patient's values (Camunda does not check that). Fails when
 * {@code enforceSpecificVariablePermission} is turned off, as managers then read every value of the
 * cases they may see, and when {@code ValueSearchGuard} is taken out.
 */
@DemoRegionTest
class LeastPrivilegeTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  String caseId;
  String reference;
  String handoffId;
  String taskId;
  String patient;
  String nhsNumber;

  @BeforeEach
  void aRapidDischargeWithTheFundingRequestOffered() {
    CaseDriver driver = new CaseDriver(engine);
    caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    reference = (String) driver.variable(caseId, "caseReference");
    patient = (String) driver.variable(caseId, "patientName");
    nhsNumber = (String) driver.variable(caseId, "nhsNumber");
    handoffId = driver.handoff(caseId, "chc-fast-track").getId();
    taskId = driver.task(handoffId, "user_respond").getId();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void managersAndDesignersSeeTheCaseButNotWhoThePatientIs() {
    assertThat(patient).isNotBlank();
    assertThat(nhsNumber).isNotBlank();
    for (String user : List.of("manager", "designer")) {
      HttpCaller rest = HttpCaller.basic(port, user, "demo");
      HttpResponse<String> cases = rest.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference);
      assertThat(cases.body()).as(user + " sees the case by its reference").contains(caseId);
      for (String path : valueReadingPaths("/engine-rest")) {
        assertPatientUnseen(user, path, rest.get(path));
      }
      HttpCaller cockpit = HttpCaller.browser(port).loggedInAs(user, "demo");
      cockpit.get("/camunda/app/cockpit/default/");
      for (String path : valueReadingPaths("/camunda/api/engine/engine/default")) {
        assertPatientUnseen(user, path, cockpit.get(path));
      }
    }
  }

  @Test
  void managersAndDesignersCannotFindACaseByThePatientsNhsNumber() {
    String nhs = java.net.URLEncoder.encode(nhsNumber, java.nio.charset.StandardCharsets.UTF_8);
    List<String> searches = List.of("/engine-rest/process-instance?variables=nhsNumber_eq_" + nhs,
        "/engine-rest/history/process-instance?variables=nhsNumber_eq_" + nhs,
        "/engine-rest/execution?processVariables=nhsNumber_eq_" + nhs,
        "/engine-rest/task?processVariables=nhsNumber_eq_" + nhs,
        "/engine-rest/history/task?processVariables=nhsNumber_eq_" + nhs);
    String byValue = "{\"processVariables\": [{\"name\": \"nhsNumber\", \"operator\": \"eq\", \"value\": \""
        + nhsNumber + "\"}]}";
    String sortedByValue = "{\"sorting\": [{\"sortBy\": \"processVariable\", \"sortOrder\": \"asc\","
        + " \"parameters\": {\"variable\": \"nhsNumber\", \"type\": \"String\"}}]}";
    for (String user : List.of("manager", "designer")) {
      HttpCaller rest = HttpCaller.basic(port, user, "demo");
      for (String path : searches) {
        assertRefused(user, path, rest.get(path));
      }
      assertRefused(user, "POST task", rest.postJson("/engine-rest/task", byValue));
      assertRefused(user, "POST task sorted", rest.postJson("/engine-rest/task", sortedByValue));
      assertRefused(user, "POST task in an or-query", rest.postJson("/engine-rest/task",
          "{\"orQueries\": [" + byValue + "]}"));
      HttpCaller cockpit = HttpCaller.browser(port).loggedInAs(user, "demo");
      cockpit.get("/camunda/app/cockpit/default/");
      assertRefused(user, "Cockpit's search", cockpit.postJson("/camunda/api/cockpit/plugin/base/default/process-instance",
          "{\"variables\": [{\"name\": \"nhsNumber\", \"operator\": \"eq\", \"value\": \"" + nhsNumber + "\"}]}"));
      assertThat(rest.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference).body())
          .as(user + " still finds the case by its reference").contains(caseId);
    }

    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");
    assertThat(hub.get(searches.get(0)).body()).as("the hub may search by value").contains(caseId);
    HttpCaller icb = HttpCaller.basic(port, "chc-nurse", "demo");
    HttpResponse<String> ownTasks = icb.postJson("/engine-rest/task", byValue);
    assertThat(ownTasks.statusCode()).isEqualTo(200);
    assertThat(ownTasks.body()).as("a partner searches its own tasks by value").contains(taskId);
  }

  private void assertRefused(String user, String what, HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(user + " " + what).isEqualTo(403);
    assertThat(answer.body()).as(user + " " + what).doesNotContain(caseId).doesNotContain(handoffId)
        .contains("search by case reference instead");
  }

  @Test
  void theHubSeesThePatientOfEveryCaseAndThePartnerOnTheTaskItIsOffered() {
    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");
    assertThat(hub.get("/engine-rest/process-instance/" + caseId + "/variables").body()).contains(patient, nhsNumber);
    assertThat(hub.get("/engine-rest/history/variable-instance?processInstanceId=" + caseId).body()).contains(patient);

    HttpCaller icb = HttpCaller.basic(port, "chc-nurse", "demo");
    assertThat(icb.get("/engine-rest/task/" + taskId + "/form-variables").body()).contains(patient);
    assertThat(icb.get("/engine-rest/task?processInstanceId=" + handoffId).body()).contains(taskId);
  }

  @Autowired
  TaskValueReading taskValueReading;

  @Test
  void aTaskOfferedBeforeValuesNeededTheirOwnPermissionIsReadableAfterStartUp() {
    var grant = engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(taskId).groupIdIn("icb-chc")
        .singleResult();
    grant.removePermission(org.camunda.bpm.engine.authorization.TaskPermissions.READ_VARIABLE);
    engine.getAuthorizationService().saveAuthorization(grant); // as the engine wrote it before the setting
    HttpCaller icb = HttpCaller.basic(port, "chc-nurse", "demo");
    assertThat(icb.get("/engine-rest/task/" + taskId + "/form-variables").body()).doesNotContain(patient);

    taskValueReading.run(null);

    assertThat(icb.get("/engine-rest/task/" + taskId + "/form-variables").body()).contains(patient);
  }

  private List<String> valueReadingPaths(String api) {
    String both = caseId + "," + handoffId;
    return List.of(
        api + "/variable-instance?processInstanceIdIn=" + both,
        api + "/process-instance/" + caseId + "/variables",
        api + "/process-instance/" + handoffId + "/variables",
        api + "/execution/" + caseId + "/localVariables",
        api + "/task/" + taskId + "/variables",
        api + "/task/" + taskId + "/form-variables",
        api + "/history/variable-instance?processInstanceIdIn=" + both,
        api + "/history/detail?processInstanceId=" + caseId,
        api + "/history/detail?processInstanceId=" + handoffId);
  }

  private void assertPatientUnseen(String user, String path, HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(user + " " + path).isIn(200, 403, 404);
    assertThat(answer.body()).as(user + " " + path).doesNotContain(patient).doesNotContain(nhsNumber);
  }
}
