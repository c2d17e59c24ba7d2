package org.carerelay.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page of another site cannot act with a signed-in user's session: every state-changing request
 * that authenticates with the session cookie alone needs a token only CareRelay's and Camunda's own
 * pages have.
 */
@DemoRegionTest
class CrossSiteRequestTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aForgedRequestWithTheHubsSessionChangesNothing() {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String handoff = driver.handoff(caseId, "chc-fast-track").getId();
    String task = driver.task(handoff, "user_respond").getId();
    HttpCaller hub = HttpCaller.browser(port).loggedInAs("hub-coordinator", "demo");
    hub.get("/camunda/app/tasklist/default/");
    hub.forgingCrossSiteRequests();

    assertThat(hub.postJson("/api/handoffs/" + handoff + "/cancel", "{\"reason\": \"forged\"}").statusCode())
        .as("CareRelay's API").isEqualTo(403);
    assertThat(hub.postJson("/api/cases/" + caseId + "/plan-change", "{\"reason\": \"forged\", \"nextStep\": \"close\"}")
        .statusCode()).isEqualTo(403);
    assertThat(hub.postJson("/engine-rest/message", "{\"messageName\": \"handover-cancel\", \"processInstanceId\": \""
        + handoff + "\"}").statusCode()).as("Camunda's REST API with a session").isEqualTo(403);
    assertThat(hub.postJson("/camunda/api/engine/engine/default/task/" + task + "/claim", "{\"userId\": \"hub-coordinator\"}")
        .statusCode()).as("the API Tasklist calls").isEqualTo(403);

    assertThat(driver.ended(handoff)).isFalse();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(engine.getRuntimeService().getVariable(caseId, "caseOutcome")).isEqualTo("open");
  }
}
