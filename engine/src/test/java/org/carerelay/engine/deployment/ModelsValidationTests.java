package org.carerelay.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One checker, two places: every model the product ships (processes/, forms/ and the demo region's
 * routing table) passes the rules every deployment passes, here in the build; and designers ask the
 * same checker before deploying ({@code POST /api/models/validate}), which answers each problem with
 * the element's id.
 */
@DemoRegionTest
class ModelsValidationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  DeploymentGuard guard;

  @Test
  void everyModelTheProductShipsPassesTheChecksOfEveryDeployment() throws IOException {
    Map<String, byte[]> shipped = new LinkedHashMap<>();
    collect(Path.of("..", "processes", "src", "main", "resources"), shipped);
    collect(Path.of("..", "forms", "src", "main", "resources"), shipped);
    collect(Path.of("..", "deploy", "demo"), shipped);
    assertThat(shipped.keySet()).anyMatch(name -> name.endsWith("rapid-discharge.bpmn"))
        .anyMatch(name -> name.endsWith("handover-routing.dmn")).anyMatch(name -> name.endsWith(".form"));
    assertThat(guard.validate(shipped)).isEmpty();
  }

  @Test
  void aDesignerAsksBeforeDeployingAndHearsWhichElementBreaksWhichRule() throws Exception {
    HttpCaller designer = HttpCaller.basic(port, "designer", "demo");
    String model = Files.readString(Path.of("..", "processes", "src", "main", "resources", "processes",
        "hospice-admission", "hospice-admission.bpmn"));
    JsonNode fine = JSON.readTree(designer.postJson("/api/models/validate", body("hospice-admission.bpmn", model))
        .body());
    assertThat(fine.get("valid").asBoolean()).as(fine.toString()).isTrue();

    String broken = model.replace("calledElement=\"partner-handover\"", "calledElement=\"partner-handoff\"")
        .replace("id=\"user_confirm_bed\"", "id=\"Activity_1x2y3z4\"");
    var answer = designer.postJson("/api/models/validate", body("hospice-admission.bpmn", broken));
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode problems = JSON.readTree(answer.body());
    assertThat(problems.get("valid").asBoolean()).isFalse();
    assertThat(problems.findValuesAsText("field")).contains("call_triage", "call_transport", "Activity_1x2y3z4");
    assertThat(problems.findValuesAsText("message")).contains("calls 'partner-handoff', which is not deployed");

    assertThat(designer.postJson("/api/models/validate", "{}").statusCode()).isEqualTo(400);
    assertThat(HttpCaller.basic(port, "ward-nurse", "demo").postJson("/api/models/validate",
        body("hospice-admission.bpmn", model)).statusCode()).isEqualTo(403);
  }

  @Test
  void aDesignerListsTheDeployedModelsWithTheirVersionsAndReadsAnyVersion() throws Exception {
    HttpCaller designer = HttpCaller.basic(port, "designer", "demo");
    JsonNode models = JSON.readTree(designer.get("/api/models").body());
    JsonNode levels = null;
    for (JsonNode model : models) {
      if ("handover-service-levels".equals(model.get("key").asText())) {
        levels = model;
      }
    }
    assertThat(levels).isNotNull();
    assertThat(levels.get("name").asText()).isEqualTo("Hand-off service levels");
    assertThat(levels.get("kind").asText()).isEqualTo("decision");
    String id = levels.get("versions").get(0).get("id").asText();
    assertThat(levels.get("versions").get(0).get("deployed").asText()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}");
    assertThat(designer.get("/api/models/decision/" + id).body()).contains("<decision id=\"handover-service-levels\"");
    assertThat(designer.get("/api/models/process/no-such-version").statusCode()).isEqualTo(404);
    assertThat(HttpCaller.basic(port, "manager", "demo").get("/api/models").statusCode()).isEqualTo(403);
  }

  @Test
  void aDesignerSeesWhatAnEditChangesAgainstTheRunningVersionAndAPartnerCannotAsk() throws Exception {
    String shipped = Files.readString(Path.of("..", "processes", "src", "main", "resources", "processes",
        "partner-handover", "handover-service-levels.dmn"));
    String edited = shipped.replace("<outputEntry id=\"rule_3_out_0\"><text>\"PT2H\"</text>",
        "<outputEntry id=\"rule_3_out_0\"><text>\"PT3H\"</text>");
    assertThat(edited).isNotEqualTo(shipped);
    HttpCaller designer = HttpCaller.basic(port, "designer", "demo");

    var answer = designer.postJson("/api/models/changes", body("handover-service-levels.dmn", edited));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode changes = JSON.readTree(answer.body());
    assertThat(changes.get("comparedWith").get(0).asText()).startsWith("handover-service-levels, version ");
    assertThat(changes.get("changes")).hasSize(1);
    JsonNode change = changes.get("changes").get(0);
    assertThat(change.get("element").asText()).isEqualTo("rule_3_out_0");
    assertThat(change.get("change").asText()).isEqualTo("changed");
    assertThat(change.get("before").asText()).contains("PT2H");
    assertThat(change.get("after").asText()).contains("PT3H");
    assertThat(JSON.readTree(designer.postJson("/api/models/changes", body("handover-service-levels.dmn", shipped))
        .body()).get("changes")).as("the shipped table is what runs").isEmpty();
    assertThat(HttpCaller.basic(port, "ward-nurse", "demo").postJson("/api/models/changes",
        body("handover-service-levels.dmn", edited)).statusCode()).isEqualTo(403);
    assertThat(designer.postJson("/api/models/changes", body("broken.bpmn", "<not xml")).statusCode()).isEqualTo(400);
  }

  private static String body(String name, String content) throws IOException {
    return JSON.writeValueAsString(Map.of("resources", java.util.List.of(Map.of("name", name, "content", content))));
  }

  private static void collect(Path root, Map<String, byte[]> models) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(path -> path.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
        models.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
  }
}
