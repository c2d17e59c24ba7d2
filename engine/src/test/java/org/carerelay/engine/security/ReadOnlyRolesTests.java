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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Managers watch cases in Cockpit and designers deploy models; neither may change a running case
 * through the API Cockpit itself calls: cancel it, change its variables, suspend it or move it.
 */
@DemoRegionTest
class ReadOnlyRolesTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void managersAndDesignersCannotChangeARunningCaseThroughCockpitsApi() {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String api = "/camunda/api/engine/engine/default/process-instance/" + caseId;

    for (String user : List.of("manager", "designer")) {
      HttpCaller cockpit = HttpCaller.browser(port).loggedInAs(user, "demo");
      cockpit.get("/camunda/app/cockpit/default/");
      List<HttpResponse<String>> attempts = List.of(
          cockpit.sendJson("DELETE", api, ""),
          cockpit.postJson(api + "/variables", "{\"modifications\": {\"caseOutcome\": {\"value\": \"closed\"}}}"),
          cockpit.sendJson("PUT", api + "/suspended", "{\"suspended\": true}"),
          cockpit.postJson(api + "/modification", "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"sub_discharge\"}]}"));
      for (HttpResponse<String> attempt : attempts) {
        assertThat(attempt.statusCode()).as(user + " " + attempt.request().method() + " " + attempt.request().uri())
            .isEqualTo(403);
      }
    }
    HttpCaller admin = HttpCaller.browser(port).loggedInAs("demo", "demo");
    admin.get("/camunda/app/cockpit/default/");
    assertThat(admin.postJson(api + "/variables", "{\"modifications\": {\"hubNote\": {\"value\": \"checked\"}}}")
        .statusCode()).as("the same call, allowed: the refusals above are authorization, not CSRF").isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).active().count()).isOne();
    assertThat(engine.getRuntimeService().getVariable(caseId, "caseOutcome")).isEqualTo("open");
  }
}
