package org.carerelay.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.notification.NotificationRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every read and change of a patient's case leaves a record of who, when, what and from where,
 * whichever way it came (Camunda's REST API, Tasklist's own API, CareRelay's API, the notification
 * relay); information governance asks who has seen a record, and nobody else may.
 */
@DemoRegionTest
class AuditTrailTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  NotificationRelay relay;

  CaseDriver driver;
  String caseId;

  @BeforeEach
  void aRapidDischargeWaitingForTheIcb() {
    driver = new CaseDriver(engine);
    caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void readingACaseOverRestIsRecordedWithWhoWhatAndFromWhere() throws Exception {
    HttpCaller.basic(port, "hub-coordinator", "demo").get("/engine-rest/process-instance/" + caseId + "/variables");

    JsonNode events = governance("/api/cases/" + caseId + "/audit");
    JsonNode read = find(events, "hub-coordinator");
    assertThat(read).as(events.toString()).isNotNull();
    assertThat(read.get("operation").asText()).isEqualTo("read");
    assertThat(read.get("endpoint").asText()).isEqualTo("/engine-rest/process-instance/" + caseId + "/variables");
    assertThat(read.get("source").asText()).isNotBlank();
    assertThat(read.get("automated").asBoolean()).isFalse();
  }

  @Test
  void aPartnersTaskListIsRecordedAgainstTheCaseItsHandoffBelongsTo() throws Exception {
    HttpCaller.basic(port, "chc-nurse", "demo").get("/engine-rest/task?candidateGroup=icb-chc");

    assertThat(find(governance("/api/cases/" + caseId + "/audit"), "chc-nurse")).as("the hand-off's case").isNotNull();
  }

  @Test
  void tasklistsOwnCallsAndChangesAreRecorded() throws Exception {
    String task = driver.task(driver.handoff(caseId, "chc-fast-track").getId(), "user_respond").getId();
    HttpCaller browser = HttpCaller.browser(port).loggedInAs("chc-nurse", "demo");
    browser.get("/camunda/app/tasklist/default/");

    browser.get("/camunda/api/engine/engine/default/task/" + task + "/form-variables");
    HttpResponse<String> completed = browser.postJson("/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", "{\"variables\": {\"response\": {\"value\": \"accept\"}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    List<String> operations = new ArrayList<>();
    governance("/api/audit?caseId=" + caseId + "&user=chc-nurse").forEach(event -> operations.add(
        event.get("operation").asText() + " " + event.get("method").asText()));
    assertThat(operations).contains("read GET", "change POST");
  }

  @Test
  void theRelaysReadsAreMarkedAsAutomated() throws Exception {
    jdbc.sql("update notification set status = 'sent' where status <> 'sent' and case_id <> ?").param(caseId).update();
    HttpCaller.basic(port, "hub-coordinator", "demo").postJson("/api/cases/" + caseId + "/plan-change",
        "{\"reason\": \"Changed her mind\", \"nextStep\": \"close\"}");

    relay.runOnce();

    JsonNode relayed = find(governance("/api/cases/" + caseId + "/audit"), "carerelay-relay");
    assertThat(relayed).isNotNull();
    assertThat(relayed.get("automated").asBoolean()).isTrue();
  }

  @Test
  void onlyAdministratorsAndInformationGovernanceMayAskWhoSawACase() {
    for (String user : new String[] {"manager", "hub-coordinator", "ward-nurse", "designer"}) {
      assertThat(HttpCaller.basic(port, user, "demo").get("/api/cases/" + caseId + "/audit").statusCode()).as(user)
          .isEqualTo(403);
    }
    assertThat(HttpCaller.basic(port, "demo", "demo").get("/api/audit?caseId=" + caseId).statusCode()).isEqualTo(200);
    assertThat(HttpCaller.basic(port, "governance", "demo").get("/api/audit?from=yesterday").statusCode())
        .isEqualTo(400);
  }

  private JsonNode governance(String path) throws Exception {
    HttpResponse<String> response = HttpCaller.basic(port, "governance", "demo").get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode find(JsonNode events, String user) {
    for (JsonNode event : events) {
      if (event.get("userId").asText().equals(user)) {
        return event;
      }
    }
    return null;
  }
}
