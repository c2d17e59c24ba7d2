package org.carerelay.engine.hospice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A GP's referral to admission, over REST on PostgreSQL, by the demo region's own users. */
@PostgresTest
class HospiceAdmissionOverRestPostgresTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void theGpRefersTheHospiceTriagesConfirmsABedAndAdmits() throws Exception {
    HttpCaller gp = user("gp");
    ObjectNode form = JSON.createObjectNode();
    HospiceAdmissionTests.referral("urgent").forEach((key, value) -> form.putObject(key).put("value", (String) value));
    HttpResponse<String> started = gp.postJson("/engine-rest/process-definition/key/hospice-admission/submit-form",
        "{\"variables\": " + form + "}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String caseId = JSON.readTree(started.body()).get("id").asText();
    String reference = JSON.readTree(gp.get("/engine-rest/process-instance/" + caseId + "/variables/caseReference")
        .body()).get("value").asText();

    assertThat(tasks(user("downsview-triage"), reference)).isEmpty();
    act("ashdown-triage", reference, "user_respond", Map.of("response", "accept", "triageDecision", "admit-urgent"));
    act("ashdown-triage", reference, "user_confirm_bed", Map.of("bedDate", LocalDate.now().toString(),
        "transportNeeded", false));
    act("ashdown-triage", reference, "user_confirm_admission", Map.of("admittedAt",
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString()));

    JsonNode outcome = JSON.readTree(gp.get("/engine-rest/history/variable-instance?processInstanceId=" + caseId
        + "&variableName=caseOutcome").body());
    assertThat(outcome).as("the referring GP follows the case").isNotEmpty();
    assertThat(outcome.get(0).get("value").asText()).isEqualTo("admitted");
    assertThat(user("chc-nurse").get("/engine-rest/process-instance/" + caseId).statusCode()).isIn(403, 404);
  }

  private void act(String username, String reference, String taskKey, Map<String, Object> values) throws Exception {
    HttpCaller caller = user(username);
    JsonNode mine = null;
    for (JsonNode task : tasks(caller, reference)) {
      if (task.get("taskDefinitionKey").asText().equals(taskKey)) {
        mine = task;
      }
    }
    assertThat(mine).as(username + " sees " + taskKey).isNotNull();
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((key, value) -> variables.putObject(key).set("value", JSON.valueToTree(value)));
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
