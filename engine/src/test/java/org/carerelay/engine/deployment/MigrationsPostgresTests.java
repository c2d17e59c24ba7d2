package org.carerelay.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.engine.RestCaseSteps.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On PostgreSQL, over REST as the demo region's users: a designer deploys a new version of the rapid
 * discharge, dry-runs the move of a running case and moves it; its timers keep their due times, its
 * partners' open tasks stay open, and the case goes on to the end on the new version.
 */
@PostgresTest
class MigrationsPostgresTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "processes/rapid-discharge/rapid-discharge.bpmn";
  private static final Path SHIPPED = Path.of("..", "processes", "src", "main", "resources", RESOURCE);

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void restoreTheShippedPathway() throws Exception {
    engine.getRepositoryService().createDeployment().name("test: shipped rapid discharge")
        .addInputStream(RESOURCE, new java.io.ByteArrayInputStream(Files.readAllBytes(SHIPPED))).deploy();
  }

  @Test
  void aRunningRapidDischargeMovesToANewVersionWithItsTimersAndOpenTasks() throws Exception {
    HttpCaller ward = user("ward-nurse");
    String caseId = RestCaseSteps.start(ward, "rapid-discharge", CaseDriver.startForm("ward", "high-weald"));
    String reference = RestCaseSteps.reference(ward, caseId);
    act(user("chc-nurse"), reference, "user_respond", Map.of("response", "accept"));
    act(user("chc-nurse"), reference, "user_complete", Map.of("completion", "done", "completionNote", "Funding agreed"));
    List<String> timersBefore = timers(caseId);
    assertThat(timersBefore).isNotEmpty();
    long openTasks = engine.getTaskService().createTaskQuery().processVariableValueEquals("caseReference", reference)
        .count();
    assertThat(openTasks).isEqualTo(7);

    HttpCaller designer = user("designer");
    String renamed = Files.readString(SHIPPED).replace("name=\"Confirm the discharge\"",
        "name=\"Confirm the discharge home\"");
    var deployed = designer.postJson("/api/models/deploy", JSON.writeValueAsString(
        Map.of("resources", List.of(Map.of("name", RESOURCE, "content", renamed)))));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    int newVersion = JSON.readTree(deployed.body()).get("versions").get(0).get("version").asInt();

    var dryRun = designer.postJson("/api/models/rapid-discharge/migrations/dry-run", "{}");
    assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
    JsonNode move = null;
    for (JsonNode candidate : JSON.readTree(dryRun.body()).get("cases")) {
      if (candidate.get("caseId").asText().equals(caseId)) {
        move = candidate;
      }
    }
    assertThat(move).as(dryRun.body()).isNotNull();
    assertThat(move.get("canMove").asBoolean()).as(move.toString()).isTrue();
    assertThat(timers(caseId)).as("a dry run changes nothing").isEqualTo(timersBefore);

    var migrated = designer.postJson("/api/models/rapid-discharge/migrations",
        JSON.writeValueAsString(Map.of("caseIds", List.of(caseId))));
    assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(200);

    assertThat(engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId()).getVersion())
        .isEqualTo(newVersion);
    assertThat(timers(caseId)).as("the timers keep their due times").isEqualTo(timersBefore);
    assertThat(engine.getTaskService().createTaskQuery().processVariableValueEquals("caseReference", reference).count())
        .as("the partners' open tasks stay open").isEqualTo(openTasks);

    for (String partner : List.of("oakleaf-coordinator", "equipment-planner", "community-pharmacist", "district-nurse",
        "gp", "ooh-clinician", "transport-booker")) {
      act(user(partner), reference, "user_respond", Map.of("response", "accept"));
      act(user(partner), reference, "user_complete", Map.of("completion", "done", "completionNote", "Done"));
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(caseId).singleResult().getName())
        .as("the case goes on, on the new version").isEqualTo("Confirm the discharge home (" + reference + ")");
  }

  private List<String> timers(String caseId) {
    return engine.getManagementService().createJobQuery().processInstanceId(caseId).timers().list().stream()
        .map(job -> ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerConfigurationRaw()
            + "@" + job.getDuedate().toInstant())
        .sorted().toList();
  }

  private HttpCaller user(String name) {
    return HttpCaller.basic(port, name, "demo");
  }
}
