package org.carerelay.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/reports/partners}: figures from hand-offs driven through the real pathway with the
 * engine clock. A partner that declines 2 of 4 offers shows 2 declines by reason and 2 acceptances;
 * an offer answered after 3 h shows as the 90th percentile of 180 minutes. Managers see every
 * organisation, a partner's staff their own only, and the figures download as CSV.
 */
@DemoRegionTest
class PartnerReportTests {

  /** A Tuesday morning in a week no other test uses. */
  private static final Instant MONDAY_WEEK = Instant.parse("2026-03-10T09:00:00Z");
  private static final String WEEK = "?from=2026-03-09&to=2026-03-15";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPartnersAnswersOverAWeekAsManagersAndThePartnerSeeThem() throws Exception {
    List<String> handoffs = new ArrayList<>();
    at(Duration.ZERO);
    for (int i = 0; i < 4; i++) {
      Map<String, Object> request = new HashMap<>();
      request.put("caseReference", "PR-" + i);
      request.put("service", "care-package");
      request.put("urgency", "urgent");
      request.put("locality", "high-weald");
      request.put("requestSummary", "Report test " + i);
      handoffs.add(engine.getRuntimeService().startProcessInstanceByKey("partner-handover", request).getId());
    }
    String partner = (String) engine.getRuntimeService().getVariable(handoffs.get(0), "partner");
    at(Duration.ofHours(1));
    complete(handoffs.get(0), "user_respond", "response", "decline", "declineReason", "No carers free");
    complete(handoffs.get(1), "user_respond", "response", "decline", "declineReason", "Outside our area");
    complete(handoffs.get(2), "user_respond", "response", "accept");
    at(Duration.ofHours(3));
    complete(handoffs.get(3), "user_respond", "response", "accept");
    at(Duration.ofHours(5));
    complete(handoffs.get(3), "user_complete", "completion", "done", "completionNote", "Started");
    // The partner's care packages marked unavailable from 15:00 until 21:00, after the hand-offs above.
    at(Duration.ofHours(6));
    HttpCaller manager = HttpCaller.basic(port, "manager", "demo");
    assertThat(manager.putJson("/api/partners/" + partner + "/services/care-package/availability",
        "{\"available\": false, \"reason\": \"Staff sickness\", \"until\": \"2026-03-10T21:00:00Z\"}")
        .statusCode()).isEqualTo(200);

    JsonNode report = new ObjectMapper().readTree(HttpCaller.basic(port, "manager", "demo")
        .get("/api/reports/partners" + WEEK).body());
    JsonNode row = row(report, partner, "care-package");
    assertThat(row.get("organisationName").asText()).isNotEqualTo(partner); // words, not ids
    assertThat(row.get("serviceName").asText()).isEqualTo("Care package at home");
    assertThat(row.get("offered").asInt()).isEqualTo(4);
    assertThat(row.get("declined").asInt()).isEqualTo(2);
    assertThat(row.get("accepted").asInt()).isEqualTo(2);
    assertThat(row.get("completed").asInt()).isEqualTo(1);
    assertThat(row.get("declinedByReason").get("No carers free").asInt()).isEqualTo(1);
    assertThat(row.get("declinedByReason").get("Outside our area").asInt()).isEqualTo(1);
    assertThat(row.get("respondMedianMinutes").asLong()).isEqualTo(60);
    assertThat(row.get("respond90Minutes").asLong()).as("answered after 3 h").isEqualTo(180);
    assertThat(row.get("completeMedianMinutes").asLong()).isEqualTo(120);
    assertThat(row.get("unavailableHours").asDouble()).as("15:00 to 21:00").isEqualTo(6.0);
    assertThat(report.get("weeks").toString()).contains("\"week\":\"2026-03-09\"");
    assertThat(report.get("rows").size()).as("the next partners asked after the declines appear too")
        .isGreaterThan(1);

    String partnersUser = partner.equals("oakleaf-care") ? "oakleaf-coordinator" : "bluebell-coordinator";
    JsonNode own = new ObjectMapper().readTree(HttpCaller.basic(port, partnersUser, "demo")
        .get("/api/reports/partners" + WEEK).body());
    assertThat(own.get("rows")).allSatisfy(mine -> assertThat(mine.get("organisation").asText()).isEqualTo(partner));
    assertThat(own.get("rows")).isNotEmpty();

    HttpResponse<String> csv = HttpCaller.basic(port, "manager", "demo").get("/api/reports/partners" + WEEK, "text/csv");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body().lines().findFirst().orElse("")).startsWith("organisation,service,offered,accepted,declined");
    assertThat(csv.body()).contains("\"" + row.get("organisationName").asText() + "\",\"Care package at home\",4,2,2,");
  }

  @Test
  void othersAreRefusedAndBadPeriodsAreExplained() {
    assertThat(HttpCaller.basic(port, "designer", "demo").get("/api/reports/partners").statusCode()).isEqualTo(403);
    assertThat(HttpCaller.basic(port, "governance", "demo").get("/api/reports/partners").statusCode()).isEqualTo(403);
    HttpResponse<String> backwards = HttpCaller.basic(port, "manager", "demo")
        .get("/api/reports/partners?from=2026-03-15&to=2026-03-09");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("must not be after to");
    HttpResponse<String> typed = HttpCaller.basic(port, "manager", "demo").get("/api/reports/partners?from=15/03/2026");
    assertThat(typed.statusCode()).isEqualTo(400);
    assertThat(typed.body()).contains("expected a date such as 2026-03-28").doesNotContain("Exception");
  }

  private static JsonNode row(JsonNode report, String organisation, String service) {
    for (JsonNode row : report.get("rows")) {
      if (organisation.equals(row.get("organisation").asText()) && service.equals(row.get("service").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + organisation + " " + service + " in " + report);
  }

  private void complete(String handoff, String task, Object... keyValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    String id = engine.getTaskService().createTaskQuery().processInstanceId(handoff).taskDefinitionKey(task)
        .singleResult().getId();
    engine.getTaskService().complete(id, values);
  }

  private static void at(Duration offset) {
    ClockUtil.setCurrentTime(Date.from(MONDAY_WEEK.plus(offset)));
  }
}
