package org.carerelay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A case's steps over REST, as each demo user would take them: find my task, submit its form. */
public final class RestCaseSteps {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RestCaseSteps() {}

  /** Starts a pathway through its start form as {@code caller}; returns the case id. */
  public static String start(HttpCaller caller, String processKey, Map<String, Object> form) throws Exception {
    HttpResponse<String> started = caller.postJson("/engine-rest/process-definition/key/" + processKey + "/submit-form",
        "{\"variables\": " + variables(form) + "}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).get("id").asText();
  }

  /** Where the hub starts a hand-off on its own over REST, with {@link #handoffStart}'s body. */
  public static final String START_HANDOFF = "/engine-rest/process-definition/key/partner-handover/start";

  /** The body of a hand-off the hub starts on its own: the case reference is also its business key. */
  public static String handoffStart(String reference, String service, String urgency, String locality, String summary) {
    return """
        {"businessKey": "%1$s", "variables": {
          "caseReference": {"value": "%1$s", "type": "String"},
          "service": {"value": "%2$s", "type": "String"},
          "urgency": {"value": "%3$s", "type": "String"},
          "locality": {"value": "%4$s", "type": "String"},
          "requestSummary": {"value": "%5$s", "type": "String"}}}
        """.formatted(reference, service, urgency, locality, summary);
  }

  /** The user finds their one open task of this kind for the case and submits its form. */
  public static void act(HttpCaller caller, String reference, String taskKey, Map<String, Object> form) throws Exception {
    JsonNode mine = null;
    for (JsonNode task : tasks(caller, reference)) {
      if (task.get("taskDefinitionKey").asText().equals(taskKey)) {
        mine = task;
      }
    }
    assertThat(mine).as("the user sees " + taskKey).isNotNull();
    HttpResponse<String> done = caller.postJson("/engine-rest/task/" + mine.get("id").asText() + "/submit-form",
        "{\"variables\": " + variables(form) + "}");
    assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isEqualTo(204);
  }

  /** The caller's open tasks of the case and of the hand-offs it called. */
  public static JsonNode tasks(HttpCaller caller, String reference) throws Exception {
    return JSON.readTree(caller.get("/engine-rest/task?processVariables="
        + URLEncoder.encode("caseReference_eq_" + reference, StandardCharsets.UTF_8)).body());
  }

  /**
   * The case's reference, its business key, as the team that referred it reads it: that team may
   * read its case but not the case's values over Camunda's REST API (only the hub and the partners
   * offered its tasks may), so not the {@code caseReference} variable.
   */
  public static String reference(HttpCaller caller, String caseId) throws Exception {
    return JSON.readTree(caller.get("/engine-rest/process-instance/" + caseId).body()).get("businessKey").asText();
  }

  /** One of a case's outcome figures, running or ended, from CareRelay's case API; null when it has none. */
  public static JsonNode outcome(HttpCaller caller, String caseId, String name) throws Exception {
    return JSON.readTree(caller.get("/api/cases/" + caseId).body()).path("outcome").get(name);
  }

  private static ObjectNode variables(Map<String, Object> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((key, value) -> variables.putObject(key).set("value", JSON.valueToTree(value)));
    return variables;
  }
}
