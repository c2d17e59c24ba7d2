package org.carerelay.engine.discharge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rapid discharge from the ward to the first visit, over REST on PostgreSQL, each step done by
 * the demo region's own user with the data their form asks for.
 */
@PostgresTest
class RapidDischargeOverRestPostgresTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void everyPartnerCompletesTheirTaskAndTheCaseReachesTheFirstVisit() throws Exception {
    HttpCaller ward = user("ward-nurse");
    ObjectNode start = JSON.createObjectNode();
    CaseDriver.startForm("ward", "high-weald").forEach((key, value) -> start.putObject(key).put("value", (String) value));
    HttpResponse<String> started = ward.postJson("/engine-rest/process-definition/key/rapid-discharge/submit-form",
        "{\"variables\": " + start + "}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String caseId = JSON.readTree(started.body()).get("id").asText();
    String reference = JSON.readTree(ward.get("/engine-rest/process-instance/" + caseId + "/variables/caseReference")
        .body()).get("value").asText();

    act("chc-nurse", reference, "user_respond", Map.of("response", "accept"));
    act("chc-nurse", reference, "user_complete", Map.of("completion", "done", "completionNote", "Fast track funding agreed"));
    for (String[] partner : new String[][] {{"oakleaf-coordinator", "Four calls a day from tonight"},
        {"equipment-planner", "Bed and mattress delivered 15:00"}, {"community-pharmacist", "JIC medicines and chart ready"},
        {"district-nurse", "First visit booked for 18:00"}, {"gp", "Handover received"},
        {"ooh-clinician", "Special patient note added"}, {"transport-booker", "Crew booked for 16:00"}}) {
      act(partner[0], reference, "user_respond", Map.of("response", "accept"));
      act(partner[0], reference, "user_complete", Map.of("completion", "done", "completionNote", partner[1]));
    }
    assertThat(tasks(user("social-worker"), reference)).isEmpty();

    String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    act("ward-nurse", reference, "user_confirm_discharge", Map.of("dischargedAt", now, "cprFormTravelled", true));
    act("district-nurse", reference, "user_record_first_visit", Map.of("firstVisitAt", now, "firstVisitNote", "Settled"));

    JsonNode outcome = JSON.readTree(user("manager").get("/engine-rest/history/variable-instance?processInstanceId="
        + caseId + "&variableName=caseOutcome").body());
    assertThat(outcome.get(0).get("value").asText()).isEqualTo("first-visit-done");
    JsonNode targetMet = JSON.readTree(user("manager").get("/engine-rest/history/variable-instance?processInstanceId="
        + caseId + "&variableName=targetMet").body());
    assertThat(targetMet.get(0).get("value").asBoolean()).isTrue();
  }

  /** The user finds their one open task of this kind for the case and completes it with the form's data. */
  private void act(String username, String reference, String taskKey, Map<String, Object> form) throws Exception {
    HttpCaller caller = user(username);
    JsonNode mine = null;
    for (JsonNode task : tasks(caller, reference)) {
      if (task.get("taskDefinitionKey").asText().equals(taskKey)) {
        mine = task;
      }
    }
    assertThat(mine).as(username + " sees " + taskKey).isNotNull();
    ObjectNode variables = JSON.createObjectNode();
    form.forEach((key, value) -> variables.putObject(key).set("value", JSON.valueToTree(value)));
    HttpResponse<String> done = caller.postJson("/engine-rest/task/" + mine.get("id").asText() + "/submit-form",
        "{\"variables\": " + variables + "}");
    assertThat(done.statusCode()).as(username + " " + taskKey + ": " + done.body()).isEqualTo(204);
  }

  private static JsonNode tasks(HttpCaller caller, String reference) throws Exception {
    return JSON.readTree(caller.get("/engine-rest/task?processVariables="
        + URLEncoder.encode("caseReference_eq_" + reference, StandardCharsets.UTF_8)).body());
  }

  private HttpCaller user(String name) {
    return HttpCaller.basic(port, name, "demo");
  }
}
