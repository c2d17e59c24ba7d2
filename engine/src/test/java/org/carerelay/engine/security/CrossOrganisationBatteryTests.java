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
 * A user of an organisation with no part in a case learns nothing of it and changes nothing of it,
 * through any family of Camunda's REST API (lists and guessed ids), nor gives themselves rights.
 * Each check fails when the authorization it relies on is taken away.
 */
@DemoRegionTest
class CrossOrganisationBatteryTests {

  private static final String PATIENT = "Ada King Lovelace";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  String caseId;
  String handoffId;
  String taskId;
  HttpCaller stranger;

  @BeforeEach
  void aRapidDischargeTheCouncilHasNoPartIn() {
    CaseDriver driver = new CaseDriver(engine);
    caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    handoffId = driver.handoff(caseId, "chc-fast-track").getId();
    taskId = driver.task(handoffId, "user_respond").getId();
    stranger = HttpCaller.basic(port, "social-worker", "demo");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void listsNameNothingOfTheCase() {
    for (String path : List.of("/engine-rest/process-instance", "/engine-rest/task", "/engine-rest/execution",
        "/engine-rest/variable-instance", "/engine-rest/history/process-instance", "/engine-rest/history/task",
        "/engine-rest/history/variable-instance", "/engine-rest/history/activity-instance",
        "/engine-rest/history/detail", "/engine-rest/history/identity-link-log", "/engine-rest/history/user-operation",
        "/engine-rest/incident", "/engine-rest/job", "/engine-rest/event-subscription",
        "/engine-rest/process-instance?processInstanceIds=" + caseId,
        "/engine-rest/variable-instance?processInstanceIdIn=" + caseId + "," + handoffId,
        "/engine-rest/history/variable-instance?processInstanceId=" + caseId,
        "/engine-rest/task?processInstanceId=" + handoffId)) {
      HttpResponse<String> response = stranger.get(path);
      assertThat(response.statusCode()).as(path).isIn(200, 403);
      assertThat(response.body()).as(path).doesNotContain(caseId).doesNotContain(handoffId).doesNotContain(PATIENT);
    }
  }

  @Test
  void guessedIdsAreRefused() {
    for (String path : List.of("/engine-rest/process-instance/" + caseId,
        "/engine-rest/process-instance/" + caseId + "/variables", "/engine-rest/process-instance/" + handoffId,
        "/engine-rest/process-instance/" + caseId + "/activity-instances", "/engine-rest/task/" + taskId,
        "/engine-rest/task/" + taskId + "/variables", "/engine-rest/task/" + taskId + "/form-variables",
        "/engine-rest/history/process-instance/" + caseId, "/engine-rest/execution/" + caseId,
        "/camunda/api/engine/engine/default/task/" + taskId)) {
      HttpResponse<String> response = stranger.get(path);
      assertThat(response.statusCode()).as(path).isIn(403, 404);
      assertThat(response.body()).as(path).doesNotContain(PATIENT);
    }
  }

  @Test
  void nothingOfTheCaseCanBeChanged() {
    List<HttpResponse<String>> attempts = List.of(
        stranger.postJson("/engine-rest/message", "{\"messageName\": \"patient-died\", \"processInstanceId\": \"" + caseId
            + "\", \"processVariables\": {\"diedAt\": {\"value\": \"2026-03-28T20:00Z\"}, \"placeOfDeath\": {\"value\": \"home\"}}}"),
        stranger.postJson("/engine-rest/message", "{\"messageName\": \"handover-cancel\", \"processInstanceId\": \""
            + handoffId + "\"}"),
        stranger.postJson("/engine-rest/process-instance/" + caseId + "/variables",
            "{\"modifications\": {\"caseOutcome\": {\"value\": \"closed\"}}}"),
        stranger.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"social-worker\"}"),
        stranger.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {\"response\": {\"value\": \"accept\"}}}"),
        stranger.sendJson("DELETE", "/engine-rest/process-instance/" + caseId, ""),
        stranger.postJson("/engine-rest/process-instance/" + caseId + "/suspended", "{\"suspended\": true}"));
    for (HttpResponse<String> attempt : attempts) {
      assertThat(attempt.statusCode()).as(attempt.request().method() + " " + attempt.request().uri() + " " + attempt.body())
          .isBetween(400, 499);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).active().count()).isOne();
    assertThat(engine.getRuntimeService().getVariable(caseId, "caseOutcome")).isEqualTo("open");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void aPartnerCannotGiveItselfRights() {
    List<HttpResponse<String>> attempts = List.of(
        stranger.postJson("/engine-rest/authorization/create", "{\"type\": 1, \"permissions\": [\"ALL\"], "
            + "\"userId\": \"social-worker\", \"resourceType\": 8, \"resourceId\": \"*\"}"),
        stranger.postJson("/engine-rest/filter/create", "{\"resourceType\": \"Task\", \"name\": \"All tasks\", "
            + "\"query\": {}}"),
        stranger.postJson("/engine-rest/user/create", "{\"profile\": {\"id\": \"mole\", \"firstName\": \"M\", "
            + "\"lastName\": \"M\", \"email\": \"m@x.example\"}, \"credentials\": {\"password\": \"Mole-12345\"}}"),
        stranger.postJson("/engine-rest/group/create", "{\"id\": \"moles\", \"name\": \"Moles\", \"type\": \"WORKFLOW\"}"),
        stranger.sendJson("PUT", "/engine-rest/group/camunda-admin/members/social-worker", ""),
        stranger.sendJson("PUT", "/engine-rest/group/icb-chc/members/social-worker", ""));
    for (HttpResponse<String> attempt : attempts) {
      assertThat(attempt.statusCode()).as(attempt.request().uri() + " " + attempt.body()).isEqualTo(403);
    }
    assertThat(engine.getIdentityService().createGroupQuery().groupMember("social-worker").list())
        .extracting(group -> group.getId()).containsExactly("asc-hospital-social-work");
    assertThat(engine.getIdentityService().createUserQuery().userId("mole").count()).isZero();
  }
}
