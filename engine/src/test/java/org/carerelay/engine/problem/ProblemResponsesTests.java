package org.carerelay.engine.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dates and times that staff enter are judged in the partnership's zone by the engine clock, and
 * every refusal, on Camunda's REST API, Tasklist's own API and CareRelay's API, is one problem
 * shape naming each field, what was wrong and the expected format, in a person's words. The engine
 * clock stands at 00:35 on 1 June in London (BST), still 31 May in UTC.
 */
@DemoRegionTest
class ProblemResponsesTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant HALF_PAST_MIDNIGHT_BST = Instant.parse("2026-05-31T23:35:00Z");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  CaseDriver driver;

  @BeforeEach
  void startAnEveningBefore() {
    driver = new CaseDriver(engine, HALF_PAST_MIDNIGHT_BST.minus(Duration.ofHours(3)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aNursesDischargeAtHalfPastMidnightSummerTimeIsAcceptedAndALaterOneIsRefusedNamingTheField() throws Exception {
    String caseId = dischargeReadyToConfirm();
    Task confirm = driver.task(caseId, "user_confirm_discharge");
    HttpCaller ward = HttpCaller.basic(port, "ward-nurse", "demo");

    HttpResponse<String> later = ward.postJson("/engine-rest/task/" + confirm.getId() + "/complete",
        variables("dischargedAt", "2026-06-01T01:00+01:00", "cprFormTravelled", true));
    JsonNode problem = problem(later);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("dischargedAt");
    assertThat(problem.at("/errors/0/label").asText()).isEqualTo("Left hospital at");
    assertThat(problem.at("/errors/0/message").asText())
        .isEqualTo("must not be in the future (it is now Mon 1 Jun 2026, 00:35)");
    assertThat(problem.get("detail").asText()).startsWith("Task 'Confirm the discharge")
        .contains("was not saved: Left hospital at (dischargedAt): must not be in the future")
        .doesNotContain(confirm.getId());

    HttpResponse<String> unreadable = ward.postJson("/engine-rest/task/" + confirm.getId() + "/complete",
        variables("dischargedAt", "01/06/2026 00:30", "cprFormTravelled", true));
    assertThat(problem(unreadable).at("/errors/0/message").asText())
        .isEqualTo("expected a date and time such as 2026-06-01T00:35+01:00");
    assertThat(driver.task(caseId, "user_confirm_discharge")).as("nothing was saved").isNotNull();

    HttpResponse<String> inTime = ward.postJson("/engine-rest/task/" + confirm.getId() + "/complete",
        variables("dischargedAt", "2026-06-01T00:30+01:00", "cprFormTravelled", true));
    assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(204);
    assertThat(((Date) driver.variable(caseId, "dischargedAt")).toInstant())
        .isEqualTo(Instant.parse("2026-05-31T23:30:00Z"));
    assertThat(driver.variable(caseId, "decisionToDischargeMinutes")).isEqualTo(175L);
  }

  @Test
  void aStartFormRefusalSaysWhatToCorrectWithoutEngineCodesOrIds() throws Exception {
    Map<String, Object> form = CaseDriver.startForm("ward", "high-weald");
    form.put("dateOfBirth", "2026-06-02");
    ClockUtil.setCurrentTime(Date.from(HALF_PAST_MIDNIGHT_BST));
    long cases = engine.getRuntimeService().createProcessInstanceQuery().count();

    HttpResponse<String> response = HttpCaller.basic(port, "ward-nurse", "demo").postJson(
        "/engine-rest/process-definition/key/rapid-discharge/submit-form", variables(form));

    JsonNode problem = problem(response);
    assertThat(problem.get("detail").asText()).isEqualTo(
        "The start of this case was not saved: Date of birth (dateOfBirth): must not be in the future (today is 1 Jun 2026)");
    assertThat(problem.get("message").asText()).as("what Camunda's webapps show").isEqualTo(problem.get("detail").asText());
    assertThat(response.body()).doesNotContain("ENGINE-").doesNotContain("rapid-discharge:").doesNotContain("Exception")
        .doesNotContain("Cannot");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("nothing was started").isEqualTo(cases);
  }

  @Test
  void tasklistsOwnApiAnswersInTheSameShape() throws Exception {
    String caseId = dischargeReadyToConfirm();
    Task confirm = driver.task(caseId, "user_confirm_discharge");
    HttpCaller browser = HttpCaller.browser(port).loggedInAs("ward-nurse", "demo");
    browser.get("/camunda/app/tasklist/default/");

    HttpResponse<String> response = browser.postJson("/camunda/api/engine/engine/default/task/" + confirm.getId()
        + "/submit-form", variables("dischargedAt", "2026-06-01", "cprFormTravelled", true));

    JsonNode problem = problem(response);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("dischargedAt");
    assertThat(problem.at("/errors/0/message").asText()).isEqualTo("expected a date and time such as 2026-06-01T00:35+01:00");
  }

  @Test
  void aDeathOverTheApiIsReadInThePartnershipsZoneAndBadTimesAreRefusedNamingTheField() throws Exception {
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.at(Duration.ofHours(3), caseId);
    HttpCaller ward = HttpCaller.basic(port, "ward-nurse", "demo");
    String death = "/api/cases/" + caseId + "/death";

    JsonNode unreadable = problem(ward.postJson(death, "{\"diedAt\": \"yesterday\", \"placeOfDeath\": \"hospital\"}"));
    assertThat(unreadable.at("/errors/0/field").asText()).isEqualTo("diedAt");
    assertThat(unreadable.at("/errors/0/message").asText()).isEqualTo("expected a date and time such as 2026-06-01T00:35+01:00");
    assertThat(unreadable.get("detail").asText())
        .isEqualTo("The request was not accepted: diedAt: expected a date and time such as 2026-06-01T00:35+01:00");

    JsonNode future = problem(ward.postJson(death, "{\"diedAt\": \"2026-06-01T01:00\", \"placeOfDeath\": \"hospital\"}"));
    assertThat(future.at("/errors/0/field").asText()).isEqualTo("diedAt");
    assertThat(future.at("/errors/0/message").asText()).startsWith("must not be in the future");

    JsonNode missing = problem(ward.postJson(death, "{}"));
    assertThat(missing.get("errors")).hasSize(2);
    assertThat(missing.at("/errors/0/field").asText()).isEqualTo("diedAt");
    assertThat(missing.at("/errors/0/message").asText()).isEqualTo("is required");
    assertThat(missing.at("/errors/1/field").asText()).isEqualTo("placeOfDeath");

    HttpResponse<String> recorded = ward.postJson(death, "{\"diedAt\": \"2026-06-01T00:20\", \"placeOfDeath\": \"hospital\"}");
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
    assertThat(((Date) driver.variable(caseId, "diedAt")).toInstant()).isEqualTo(Instant.parse("2026-05-31T23:20:00Z"));
  }

  @Test
  void everyOtherRefusalOfTheApiHasTheSameShape() throws Exception {
    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");

    JsonNode planChange = problem(hub.postJson("/api/cases/no-such-case/plan-change", "{\"nextStep\": \"close\"}"));
    assertThat(planChange.at("/errors/0/field").asText()).isEqualTo("reason");

    JsonNode query = problem(hub.get("/api/escalations?status=late"));
    assertThat(query.at("/errors/0/field").asText()).isEqualTo("status");
    assertThat(query.at("/errors/0/message").asText()).isEqualTo("expected open, resolved or all");

    JsonNode notJson = problem(hub.postJson("/api/cases/no-such-case/plan-change", "{reason"));
    assertThat(notJson.get("detail").asText()).isEqualTo("The request body is not valid JSON");
    assertThat(notJson.get("errors")).isEmpty();

    HttpResponse<String> unknownCase = hub.postJson("/api/cases/no-such-case/plan-change",
        "{\"reason\": \"Changed her mind\", \"nextStep\": \"close\"}");
    assertThat(unknownCase.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknownCase.body()).get("errors")).isEmpty();
    assertThat(JSON.readTree(unknownCase.body()).get("message").asText()).contains("No open case");
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedInTheSameShapeOnCamundasApi() throws Exception {
    HttpResponse<String> response = HttpCaller.basic(port, "ward-nurse", "demo").postJson(
        "/engine-rest/process-definition/key/rapid-discharge/submit-form", "{\"variables\": {");

    assertThat(problem(response).get("detail").asText()).isEqualTo("The request body is not valid JSON");
  }

  @Test
  void recordingADeathFromTasklistForACaseNobodyKnowsNamesTheReference() throws Exception {
    ClockUtil.setCurrentTime(Date.from(HALF_PAST_MIDNIGHT_BST));
    HttpResponse<String> response = HttpCaller.basic(port, "ward-nurse", "demo").postJson(
        "/engine-rest/process-definition/key/record-death/submit-form", variables("caseReference", "RD-000000-FFFFFF",
            "diedAt", "2026-06-01T00:10+01:00", "placeOfDeath", "hospital"));

    JsonNode problem = problem(response);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("caseReference");
    assertThat(problem.at("/errors/0/message").asText()).isEqualTo("no open case RD-000000-FFFFFF that you are involved in");
  }

  @Test
  void camundasOwnRefusalsOfBadlyTypedValuesAreWordedForPeople() throws Exception {
    String caseId = dischargeReadyToConfirm();
    Task confirm = driver.task(caseId, "user_confirm_discharge");

    HttpResponse<String> response = HttpCaller.basic(port, "ward-nurse", "demo").postJson("/engine-rest/task/"
        + confirm.getId() + "/complete", "{\"variables\": {\"dischargedAt\": {\"value\": \"soon\", \"type\": \"Date\"}}}");

    assertThat(problem(response).get("detail").asText())
        .isEqualTo("'soon' is not a valid Date: expected a date and time such as 2026-11-28T19:31:00.000+0000");
    assertThat(driver.task(caseId, "user_confirm_discharge")).as("nothing was saved").isNotNull();
  }

  /** A rapid discharge whose partners have all delivered, at 00:35 BST, waiting for the ward to confirm it. */
  private String dischargeReadyToConfirm() {
    String caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(caseId, "chc-fast-track");
    CaseDriver.ARRANGED.forEach(service -> driver.deliver(caseId, service));
    driver.at(Duration.ofHours(3), caseId);
    return caseId;
  }

  private static String variables(Object... keyValues) throws Exception {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return variables(values);
  }

  /** A Camunda REST body: {@code {"variables": {"name": {"value": ...}}}}. */
  private static String variables(Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return JSON.writeValueAsString(Map.of("variables", variables));
  }

  /** The body of a 400 in the one problem shape. */
  private static JsonNode problem(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    assertThat(body.get("title").asText()).isEqualTo("Bad Request");
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.get("errors").isArray()).isTrue();
    assertThat(body.get("message").asText()).isEqualTo(body.get("detail").asText());
    assertThat(response.body()).doesNotContain("ENGINE-").doesNotContain("org.camunda").doesNotContain("java.");
    return body;
  }
}
