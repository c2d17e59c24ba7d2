package org.carerelay.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
 * {@code GET /api/reports/live}: a manager sees a new rapid discharge's requests on time, at risk
 * within the hour before their service level, and breached after it, as the engine clock moves;
 * filters narrow the view; partners are refused.
 */
@DemoRegionTest
class LiveCasesTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aManagerSeesRequestsOnTimeThenAtRiskThenBreached() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    Instant started = ClockUtil.getCurrentTime().toInstant();
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String reference = (String) driver.variable(caseId, "caseReference");

    JsonNode live = liveCase("", caseId);
    assertThat(live.get("reference").asText()).isEqualTo(reference);
    assertThat(live.get("pathway").asText()).isEqualTo("Rapid discharge home to die");
    assertThat(live.get("target").asText()).isEqualTo("Mon 30 Mar 2026, 00:30"); // 24 h from a ward, over the change of clocks
    assertThat(live.get("minutesToTarget").asLong()).isEqualTo(24 * 60);
    JsonNode funding = handoff(live, "chc-fast-track");
    assertThat(funding.get("serviceName").asText()).isEqualTo("Continuing healthcare fast-track funding");
    assertThat(funding.get("partnerName").asText()).isEqualTo("NHS Weald and Downs Integrated Care Board");
    assertThat(funding.get("stage").asText()).isEqualTo("respond");
    assertThat(funding.get("status").asText()).isEqualTo("on-time");
    assertThat(funding.get("minutesToDue").asLong()).isEqualTo(120);
    assertThat(funding.get("due").asText()).isEqualTo("Sun 29 Mar 2026, 02:30");
    assertThat(funding.get("sinceShown").asText()).isEqualTo("Sat 28 Mar 2026, 23:30");

    ClockUtil.setCurrentTime(Date.from(started.plus(Duration.ofMinutes(90))));
    assertThat(handoff(liveCase("?status=at-risk", caseId), "chc-fast-track").get("minutesToDue").asLong())
        .isEqualTo(30);
    assertThat(find(JSON.readTree(get("?status=breached")), caseId)).isNull();

    ClockUtil.setCurrentTime(Date.from(started.plus(Duration.ofMinutes(150))));
    JsonNode breached = liveCase("?status=breached&service=chc-fast-track", caseId);
    assertThat(breached.get("handoffs")).hasSize(1);
    assertThat(handoff(breached, "chc-fast-track").get("minutesToDue").asLong()).isEqualTo(-30);
    assertThat(JSON.readTree(get("?status=breached")).get("requestsByStatus").get("breached").asLong()).isPositive();
    assertThat(find(JSON.readTree(get("?locality=downs-coast")), caseId)).as("filtered out by locality").isNull();
  }

  @Test
  void partnersAreRefusedAndAWrongStatusIsExplained() {
    assertThat(HttpCaller.basic(port, "ward-nurse", "demo").get("/api/reports/live").statusCode()).isEqualTo(403);
    var answer = HttpCaller.basic(port, "manager", "demo").get("/api/reports/live?status=late");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("expected one of on-time, at-risk, breached");
  }

  private JsonNode liveCase(String query, String caseId) throws Exception {
    JsonNode found = find(JSON.readTree(get(query)), caseId);
    assertThat(found).as("case " + caseId + " in the live view " + query).isNotNull();
    return found;
  }

  private String get(String query) {
    var answer = HttpCaller.basic(port, "manager", "demo").get("/api/reports/live" + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static JsonNode find(JsonNode view, String caseId) {
    for (JsonNode live : view.get("cases")) {
      if (caseId.equals(live.get("caseId").asText())) {
        return live;
      }
    }
    return null;
  }

  private static JsonNode handoff(JsonNode live, String service) {
    for (JsonNode handoff : live.get("handoffs")) {
      if (service.equals(handoff.get("service").asText())) {
        return handoff;
      }
    }
    throw new AssertionError("no " + service + " in " + live);
  }
}
