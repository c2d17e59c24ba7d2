package org.carerelay.engine.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.processes.handover.PartnerHandover.Elements.COMPLETE;
import static org.carerelay.processes.handover.PartnerHandover.Elements.RESPOND;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.handover.HandoverDriver.AttemptRow;
import org.carerelay.processes.handover.PartnerHandover.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Availability changes, the hub's actions and escalation records, over CareRelay's REST API. */
@DemoRegionTest
class HandoverApiTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  HandoverDriver driver;
  String id;

  @BeforeEach
  void requestAnUrgentCarePackageInHighWeald() {
    driver = new HandoverDriver(engine, jdbc);
    id = driver.start("care-package", "urgent", "high-weald").getId();
  }

  @AfterEach
  void resetClockAndAvailability() {
    ClockUtil.reset();
    jdbc.sql("update partner_service set available = true, availability_reason = null, available_until = null").update();
  }

  @Test
  void markingAServiceUnavailableReroutesOpenHandoffsAndIsRecorded() {
    HttpResponse<String> response = HttpCaller.basic(port, "manager", "demo").putJson(
        "/api/partners/oakleaf-care/services/care-package/availability",
        "{\"available\": false, \"reason\": \"Agency closed for CQC action\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"available\":false").contains("Agency closed for CQC action");
    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo("bluebell-care-coordinators");
    assertThat(driver.attempts(id).get(0)).isEqualTo(new AttemptRow("oakleaf-care", "reassigned",
        "The partner marked care-package unavailable: Agency closed for CQC action"));
    assertThat(jdbc.sql("""
            select changed_by from partner_availability_change
            where organisation_id = 'oakleaf-care' and service = 'care-package' and available = false
            order by id desc""").query(String.class).list()).first().isEqualTo("manager");
    String partners = HttpCaller.basic(port, "ward-nurse", "demo").get("/api/partners").body();
    assertThat(partners).contains("Agency closed for CQC action");
  }

  @Test
  void aHandoffThePartnerAlreadyAcceptedStaysWithItWhenTheServiceBecomesUnavailable() {
    driver.accept(id);

    HttpResponse<String> response = HttpCaller.basic(port, "manager", "demo").putJson(
        "/api/partners/oakleaf-care/services/care-package/availability",
        "{\"available\": false, \"reason\": \"No new packages this month\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(driver.candidateGroup(driver.task(id, COMPLETE))).as("Oakleaf carries on").isEqualTo("oakleaf-care-coordinators");
    assertThat(driver.attempts(id)).hasSize(1);
  }

  @Test
  void aHandoffThatCannotMoveDoesNotUndoTheManagersChangeOrStopTheOthers() {
    String broken = driver.start("care-package", "urgent", "high-weald").getId();
    engine.getRuntimeService().setVariable(broken, Vars.URGENCY, "whenever"); // routing refuses it

    HttpResponse<String> response = HttpCaller.basic(port, "manager", "demo").putJson(
        "/api/partners/oakleaf-care/services/care-package/availability",
        "{\"available\": false, \"reason\": \"Agency closed for CQC action\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(jdbc.sql("select available from partner_service where organisation_id = 'oakleaf-care' and service = 'care-package'")
        .query(Boolean.class).single()).as("the change is kept").isFalse();
    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).as("the other hand-off moved")
        .isEqualTo("bluebell-care-coordinators");
    assertThat(driver.candidateGroup(driver.task(broken, RESPOND))).as("left where it was")
        .isEqualTo("oakleaf-care-coordinators");
    engine.getRuntimeService().deleteProcessInstance(broken, "test done");
  }

  @Test
  void onlyManagersAndAdministratorsChangeAvailabilityAndBadInputIsRefused() {
    String path = "/api/partners/oakleaf-care/services/care-package/availability";
    String body = "{\"available\": false, \"reason\": \"x\"}";

    assertThat(HttpCaller.basic(port, "oakleaf-coordinator", "demo").putJson(path, body).statusCode()).isEqualTo(403);
    assertThat(HttpCaller.basic(port, "hub-coordinator", "demo").putJson(path, body).statusCode()).isEqualTo(403);
    HttpCaller manager = HttpCaller.basic(port, "manager", "demo");
    HttpResponse<String> noReason = manager.putJson(path, "{\"available\": false}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason").doesNotContain("Exception");
    HttpResponse<String> missing = manager.putJson(path, "{\"reason\": \"x\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("available");
    assertThat(manager.putJson(path, "not json").statusCode()).isEqualTo(400);
    assertThat(manager.putJson("/api/partners/oakleaf-care/services/transport/availability", body).statusCode())
        .isEqualTo(404);
    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).as("nothing changed")
        .isEqualTo("oakleaf-care-coordinators");
  }

  @Test
  void theHubReassignsToANamedPartner() {
    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");

    HttpResponse<String> response = hub.postJson("/api/handoffs/" + id + "/reassign",
        "{\"partner\": \"bluebell-home-care\", \"reason\": \"Family know Bluebell's carers\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo("bluebell-care-coordinators");
    assertThat(driver.attempts(id).get(0).result()).isEqualTo("reassigned");
    assertThat(hub.postJson("/api/handoffs/" + id + "/reassign",
        "{\"partner\": \"wd-icb\", \"reason\": \"x\"}").statusCode()).isEqualTo(400);
    assertThat(hub.postJson("/api/handoffs/no-such-id/reassign", "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);
    assertThat(HttpCaller.basic(port, "ward-nurse", "demo").postJson("/api/handoffs/" + id + "/reassign",
        "{\"reason\": \"x\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void theHubCancelsAHandoffAndThePartnerIsTold() {
    driver.at(Duration.ofMinutes(121));

    HttpResponse<String> response = HttpCaller.basic(port, "hub-coordinator", "demo")
        .postJson("/api/handoffs/" + id + "/cancel", "{\"reason\": \"Plan changed\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.historicVariable(id, Vars.OUTCOME)).isEqualTo("cancelled");
    assertThat(driver.attempts(id)).containsExactly(new AttemptRow("oakleaf-care", "cancelled", "Plan changed"));
    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::resolution).containsExactly("cancelled");
    assertThat(driver.mails(id)).anyMatch(mail -> mail.startsWith("rota@oakleaf-care") && mail.contains("No longer needed"));
    assertThat(HttpCaller.basic(port, "hub-coordinator", "demo")
        .postJson("/api/handoffs/" + id + "/cancel", "{\"reason\": \"again\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void whenTheCallingPathwayEndsEarlyOpenHandoffsCloseAndPartnersAreTold() {
    engine.getRepositoryService().createDeployment().name("handover-test")
        .addClasspathResource("org/carerelay/engine/handover-caller-probe.bpmn").enableDuplicateFiltering(true).deploy();
    ProcessInstance pathway = engine.getRuntimeService().startProcessInstanceByKey("handover-caller-probe",
        HandoverDriver.request("equipment", "urgent", "downs-coast"));
    String handoff = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pathway.getId()).singleResult().getId();
    driver.watch(handoff);
    driver.at(Duration.ofMinutes(121));
    assertThat(driver.escalations(handoff)).hasSize(1);

    engine.getRuntimeService().deleteProcessInstance(pathway.getId(), "The patient died");

    assertThat(driver.ended(handoff)).isTrue();
    assertThat(driver.attempts(handoff)).containsExactly(
        new AttemptRow("wd-equipment-service", "cancelled", "The case ended."));
    assertThat(driver.escalations(handoff)).extracting(HandoverDriver.EscalationRow::resolution)
        .containsExactly("cancelled");
    assertThat(driver.mails(pathway.getId())).anyMatch(mail -> mail.startsWith("urgent@wd-equipment")
        && mail.contains("No longer needed"));
  }

  @Test
  void escalationRecordsAreVisibleToTheWholePartnershipRolesAndToTheirOwnPartnerOnly() throws Exception {
    driver.at(Duration.ofMinutes(241));

    JsonNode forManager = json(HttpCaller.basic(port, "manager", "demo").get("/api/escalations?status=open"));
    JsonNode mine = null;
    for (JsonNode escalation : forManager) {
      if (escalation.get("handoffId").asText().equals(id) && escalation.get("level").asInt() == 2) {
        mine = escalation;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("caseId").asText()).isEqualTo(id);
    assertThat(mine.get("partner").asText()).isEqualTo("oakleaf-care");
    assertThat(mine.get("service").asText()).isEqualTo("care-package");
    assertThat(mine.get("stage").asText()).isEqualTo("respond");
    assertThat(mine.get("raisedAt").asText()).isNotBlank();
    assertThat(mine.get("resolvedAt").isNull()).isTrue();
    assertThat(mine.has("resolution")).isTrue();

    JsonNode ofCase = json(HttpCaller.basic(port, "hub-coordinator", "demo").get("/api/cases/" + id + "/escalations"));
    assertThat(ofCase).hasSize(2);
    assertThat(json(HttpCaller.basic(port, "oakleaf-coordinator", "demo").get("/api/cases/" + id + "/escalations")))
        .hasSize(2);
    assertThat(json(HttpCaller.basic(port, "chc-nurse", "demo").get("/api/cases/" + id + "/escalations"))).isEmpty();
    assertThat(json(HttpCaller.basic(port, "bluebell-coordinator", "demo").get("/api/escalations?status=open")))
        .allSatisfy(escalation -> assertThat(escalation.get("partner").asText()).isEqualTo("bluebell-home-care"));

    driver.accept(id);
    JsonNode resolved = json(HttpCaller.basic(port, "manager", "demo").get("/api/cases/" + id + "/escalations"));
    assertThat(resolved).allSatisfy(escalation -> {
      assertThat(escalation.get("resolvedAt").isNull()).isFalse();
      assertThat(escalation.get("resolution").asText()).isEqualTo("responded");
    });
    assertThat(HttpCaller.basic(port, "manager", "demo").get("/api/escalations?status=sideways").statusCode())
        .isEqualTo(400);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
