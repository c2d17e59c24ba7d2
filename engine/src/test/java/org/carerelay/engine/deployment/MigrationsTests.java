package org.carerelay.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Running cases move onto a new version of their pathway: a dry run says which can move, which
 * cannot and why, and what their timers will be (mapped timers keep their due time), changing
 * nothing; then the chosen cases move, recorded as the designer who moved them.
 */
@DemoRegionTest
class MigrationsTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "processes/rapid-discharge/rapid-discharge.bpmn";
  private static final Path SHIPPED = Path.of("..", "processes", "src", "main", "resources", RESOURCE);

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void restoreTheShippedPathway() throws Exception {
    ClockUtil.reset();
    engine.getRepositoryService().createDeployment().name("test: shipped rapid discharge")
        .addInputStream(RESOURCE, new java.io.ByteArrayInputStream(Files.readAllBytes(SHIPPED))).deploy();
  }

  @Test
  void aDryRunSaysWhichCasesCanMoveAndTheChosenOnesMoveWithTheirTimers() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    String before = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()
        .getProcessDefinitionId();
    HttpCaller designer = HttpCaller.basic(port, "designer", "demo");
    String renamed = Files.readString(SHIPPED).replace("name=\"Confirm the discharge\"",
        "name=\"Confirm the discharge home\"");
    var deployed = designer.postJson("/api/models/deploy", body(renamed));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    int newVersion = JSON.readTree(deployed.body()).get("versions").get(0).get("version").asInt();

    JsonNode dryRun = JSON.readTree(designer.postJson("/api/models/rapid-discharge/migrations/dry-run", "{}").body());
    assertThat(dryRun.get("toVersion").asInt()).isEqualTo(newVersion);
    JsonNode move = find(dryRun.get("cases"), id);
    assertThat(move.get("reference").asText()).startsWith("RD-");
    assertThat(move.get("canMove").asBoolean()).as(move.toString()).isTrue();
    assertThat(move.get("timers").findValuesAsText("due")).contains("Mon 30 Mar 2026, 00:30"); // the 24 h target
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()
        .getProcessDefinitionId()).as("a dry run changes nothing").isEqualTo(before);

    var migrated = designer.postJson("/api/models/rapid-discharge/migrations",
        JSON.writeValueAsString(Map.of("caseIds", List.of(id))));
    assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(200);
    assertThat(JSON.readTree(migrated.body()).get("by").asText()).isEqualTo("designer");
    var moved = engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(id).singleResult().getProcessDefinitionId());
    assertThat(moved.getVersion()).isEqualTo(newVersion);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(id).timers().list())
        .extracting(job -> job.getDuedate().toInstant())
        .contains(CaseDriver.AWKWARD_MOMENT.plus(Duration.ofHours(24))); // the mapped timer kept its due time
    assertThat(engine.getHistoryService().createUserOperationLogQuery().userId("designer")
        .operationType("Migrate").count()).isPositive();
  }

  @Test
  void aCaseWhoseStepTheNewVersionLacksCannotMoveAndTheDryRunSaysWhy() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    HttpCaller designer = HttpCaller.basic(port, "designer", "demo");
    String reshaped = Files.readString(SHIPPED).replace("\"call_chc_funding\"", "\"call_funding\"");
    assertThat(designer.postJson("/api/models/deploy", body(reshaped)).statusCode()).isEqualTo(200);

    JsonNode move = find(JSON.readTree(designer.postJson("/api/models/rapid-discharge/migrations/dry-run", "{}")
        .body()).get("cases"), id);
    assertThat(move.get("canMove").asBoolean()).isFalse();
    assertThat(move.get("reasons").toString()).contains("call_chc_funding");

    var refused = designer.postJson("/api/models/rapid-discharge/migrations",
        JSON.writeValueAsString(Map.of("caseIds", List.of(id))));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(HttpCaller.basic(port, "manager", "demo").postJson("/api/models/rapid-discharge/migrations/dry-run",
        "{}").statusCode()).isEqualTo(403);
    assertThat(designer.postJson("/api/models/no-such-pathway/migrations/dry-run", "{}").statusCode()).isEqualTo(404);
  }

  private static String body(String model) throws Exception {
    return JSON.writeValueAsString(Map.of("resources", List.of(Map.of("name", RESOURCE, "content", model))));
  }

  private static JsonNode find(JsonNode cases, String id) {
    for (JsonNode move : cases) {
      if (id.equals(move.get("caseId").asText())) {
        return move;
      }
    }
    throw new AssertionError("case " + id + " not in the dry run: " + cases);
  }
}
