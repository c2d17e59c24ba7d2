package org.carerelay.engine.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hand-off driven entirely over REST by the demo region's own users, on PostgreSQL: the hub
 * asks for urgent equipment in High Weald, the equipment service declines, Ashdown Hospice's
 * equipment loan accepts and delivers; nobody of another organisation sees any of it.
 */
@PostgresTest
class HandoverOverRestPostgresTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void partnersActOnTheirOwnHandoffOverRestAndNoOneElseSeesIt() throws Exception {
    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");
    HttpCaller equipmentService = HttpCaller.basic(port, "equipment-planner", "demo");
    HttpCaller hospiceLoan = HttpCaller.basic(port, "ashdown-equipment", "demo");
    HttpCaller icb = HttpCaller.basic(port, "chc-nurse", "demo");

    HttpResponse<String> started = hub.postJson("/engine-rest/process-definition/key/partner-handover/start", """
        {"variables": {
          "caseReference": {"value": "CR-PG-1"}, "service": {"value": "equipment"},
          "urgency": {"value": "urgent"}, "locality": {"value": "high-weald"},
          "requestSummary": {"value": "Profiling bed and pressure mattress before discharge"}}}""");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String handoff = JSON.readTree(started.body()).get("id").asText();

    JsonNode offered = onlyTaskOf(equipmentService, handoff);
    assertThat(offered.get("taskDefinitionKey").asText()).isEqualTo("user_respond");
    assertThat(offered.get("due").asText()).isNotBlank();
    assertThat(tasksOf(icb, handoff)).isEmpty();
    assertThat(tasksOf(hospiceLoan, handoff)).isEmpty();
    assertThat(icb.get("/engine-rest/task/" + offered.get("id").asText() + "/variables").statusCode()).isIn(403, 404);

    assertThat(equipmentService.postJson("/engine-rest/task/" + offered.get("id").asText() + "/complete", """
        {"variables": {"response": {"value": "decline"}, "declineReason": {"value": "No bed in stock today"}}}""")
        .statusCode()).isEqualTo(204);

    JsonNode loan = onlyTaskOf(hospiceLoan, handoff);
    assertThat(tasksOf(equipmentService, handoff)).isEmpty();
    assertThat(hospiceLoan.postJson("/engine-rest/task/" + loan.get("id").asText() + "/complete",
        "{\"variables\": {\"response\": {\"value\": \"accept\"}}}").statusCode()).isEqualTo(204);
    JsonNode deliver = onlyTaskOf(hospiceLoan, handoff);
    assertThat(deliver.get("taskDefinitionKey").asText()).isEqualTo("user_complete");
    assertThat(hospiceLoan.postJson("/engine-rest/task/" + deliver.get("id").asText() + "/complete", """
        {"variables": {"completion": {"value": "done"}, "completionNote": {"value": "Delivered 14:00"}}}""")
        .statusCode()).isEqualTo(204);

    JsonNode outcome = JSON.readTree(hub.get("/engine-rest/history/variable-instance?processInstanceId=" + handoff
        + "&variableName=outcome").body());
    assertThat(outcome.get(0).get("value").asText()).isEqualTo("completed");
    JsonNode accepted = JSON.readTree(hub.get("/engine-rest/history/variable-instance?processInstanceId=" + handoff
        + "&variableName=acceptedPartner").body());
    assertThat(accepted.get(0).get("value").asText()).isEqualTo("ashdown-hospice");
    assertThat(icb.get("/engine-rest/history/variable-instance?processInstanceId=" + handoff).body()).isEqualTo("[]");
    assertThat(icb.get("/api/cases/" + handoff + "/escalations").body()).isEqualTo("[]");
  }

  private static JsonNode onlyTaskOf(HttpCaller user, String handoff) throws Exception {
    JsonNode tasks = tasksOf(user, handoff);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private static JsonNode tasksOf(HttpCaller user, String handoff) throws Exception {
    HttpResponse<String> response = user.get("/engine-rest/task?processInstanceId=" + handoff);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
