package org.carerelay.engine.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.notification.NotificationRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/cases/{processInstanceId}/timeline}: every step of a case in order, its hand-offs'
 * included (each partner asked, what it answered and why, escalations by level, notifications
 * sent), to the team that referred it, the hub and managers; to nobody else.
 */
@DemoRegionTest
class CaseTimelineTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  NotificationRelay relay;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseTimelineShowsEveryStepOfItsHandoffsInOrder() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(caseId, "chc-fast-track");
    String carePackage = driver.handoff(caseId, "care-package").getId();
    driver.complete(carePackage, "user_respond", "response", "decline", "declineReason", "No carers until Monday");
    driver.at(Duration.ofHours(2).plusMinutes(1), driver.handoff(caseId, "equipment").getId()); // equipment is late
    relay.runOnce();

    JsonNode timeline = JSON.readTree(HttpCaller.basic(port, "ward-nurse", "demo")
        .get("/api/cases/" + caseId + "/timeline").body());

    List<String> kinds = new ArrayList<>();
    List<OffsetDateTime> times = new ArrayList<>();
    timeline.forEach(event -> {
      kinds.add(event.get("kind").asText());
      times.add(OffsetDateTime.parse(event.get("at").asText()));
    });
    assertThat(kinds.get(0)).isEqualTo("started");
    assertThat(kinds).contains("asked", "accepted", "completed", "declined", "escalated", "notified");
    assertThat(times).as("in order").isSortedAccordingTo(Comparator.naturalOrder());
    JsonNode declined = find(timeline, "declined");
    assertThat(declined.get("service").asText()).isEqualTo("Care package at home");
    assertThat(declined.get("what").asText()).contains("No carers until Monday");
    JsonNode late = find(timeline, "escalated");
    assertThat(late.get("service").asText()).isEqualTo("Equipment at home");
    assertThat(late.get("level").asInt()).isEqualTo(1);
    assertThat(late.get("when").asText()).as("day first, in the partnership's zone")
        .matches("\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
    assertThat(find(timeline, "notified").get("what").asText()).startsWith("Told ");
    assertThat(timeline.toString()).as("no patient identity in a timeline").doesNotContain("Ada King Lovelace");
  }

  @Test
  void eachStepNamesThePersonWhoTookIt() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String funding = driver.handoff(caseId, "chc-fast-track").getId();
    String task = driver.task(funding, "user_respond").getId();
    HttpCaller icb = HttpCaller.basic(port, "chc-nurse", "demo");
    assertThat(icb.postJson("/engine-rest/task/" + task + "/claim", "{\"userId\": \"chc-nurse\"}").statusCode())
        .isEqualTo(204);
    assertThat(icb.postJson("/engine-rest/task/" + task + "/complete",
        "{\"variables\": {\"response\": {\"value\": \"accept\"}}}").statusCode()).isEqualTo(204);

    JsonNode timeline = JSON.readTree(HttpCaller.basic(port, "hub-coordinator", "demo")
        .get("/api/cases/" + caseId + "/timeline").body());

    JsonNode accepted = find(timeline, "accepted");
    String nurse = engine.getIdentityService().createUserQuery().userId("chc-nurse").singleResult().getFirstName();
    assertThat(accepted.get("user").asText()).as("a name, not an id").startsWith(nurse).doesNotContain("chc-nurse");
    assertThat(accepted.get("organisation").asText()).isEqualTo("NHS Weald and Downs Integrated Care Board");
  }

  @Test
  void onlyThoseWhoFollowTheCaseReadItsTimeline() {
    String caseId = new CaseDriver(engine).start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald"))
        .getId();
    String path = "/api/cases/" + caseId + "/timeline";
    for (String user : List.of("ward-nurse", "hub-coordinator", "manager")) {
      assertThat(HttpCaller.basic(port, user, "demo").get(path).statusCode()).as(user).isEqualTo(200);
    }
    for (String user : List.of("ashdown-triage", "social-worker")) {
      var answer = HttpCaller.basic(port, user, "demo").get(path);
      assertThat(answer.statusCode()).as(user).isEqualTo(404);
      assertThat(answer.body()).doesNotContain("started");
    }
  }

  private static JsonNode find(JsonNode timeline, String kind) {
    for (JsonNode event : timeline) {
      if (kind.equals(event.get("kind").asText())) {
        return event;
      }
    }
    throw new AssertionError("no " + kind + " in " + timeline);
  }
}
