package org.carerelay.engine.death;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.engine.RestCaseSteps.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A death recorded in a running rapid discharge, over REST on PostgreSQL, each step done by the demo
 * region's own user: one message per team involved, and the equipment collection, medicines, care
 * package, GP record and Medical Examiner requests offered to the right teams, which work them.
 */
@PostgresTest
class AfterDeathOverRestPostgresTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aDeathInARunningRapidDischargeIsToldOnceAndWhatFollowsIsOfferedToTheRightTeams() throws Exception {
    HttpCaller ward = user("ward-nurse");
    String caseId = RestCaseSteps.start(ward, "rapid-discharge", CaseDriver.startForm("ward", "high-weald"));
    String reference = RestCaseSteps.reference(ward, caseId);
    act(user("chc-nurse"), reference, "user_respond", Map.of("response", "accept"));
    act(user("chc-nurse"), reference, "user_complete", Map.of("completion", "done", "completionNote", "Funding agreed"));
    for (String partner : List.of("oakleaf-coordinator", "equipment-planner", "community-pharmacist")) {
      act(user(partner), reference, "user_respond", Map.of("response", "accept"));
      act(user(partner), reference, "user_complete", Map.of("completion", "done", "completionNote", "Done"));
    }

    String diedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).truncatedTo(ChronoUnit.SECONDS).toString();
    var death = ward.postJson("/api/cases/" + caseId + "/death",
        "{\"diedAt\": \"" + diedAt + "\", \"placeOfDeath\": \"hospital\"}");
    assertThat(death.statusCode()).as(death.body()).isEqualTo(204);

    JsonNode afterDeaths = JSON.readTree(user("hub-coordinator").get("/engine-rest/process-instance?processDefinitionKey="
        + "after-death&variables=" + URLEncoder.encode("linkedCase_eq_" + caseId, StandardCharsets.UTF_8)).body());
    assertThat(afterDeaths).as("exactly one after-death case").hasSize(1);
    String afterDeath = afterDeaths.get(0).get("id").asText();
    String afterReference = afterDeaths.get(0).get("businessKey").asText();
    assertThat(afterReference).startsWith("AD-");

    List<String> told = jdbc.sql("select recipient from notification where event_key = ?").param("death:" + afterDeath)
        .query(String.class).list();
    assertThat(told).doesNotHaveDuplicates().contains("wards@wdh-trust.example.nhs.uk",
        "chc.fasttrack@wd-icb.example.nhs.uk", "urgent@wd-equipment.example.org.uk", "rota@oakleaf-care.example.co.uk",
        "eps@elmtree-pharmacy.example.co.uk", "district.nursing@wd-community.example.nhs.uk");
    assertThat(jdbc.sql("select count(*) from notification where case_id = ? and event_key like 'released:%'")
        .param(caseId).query(Long.class).single()).isZero();

    for (String[] step : new String[][] {{"equipment-planner", "Bed and mattress collected"},
        {"district-nurse", "Medicines returned to the pharmacy"}, {"oakleaf-coordinator", "Visits stopped"},
        {"gp", "Record updated"}, {"medical-examiner", "Referral received"}}) {
      act(user(step[0]), afterReference, "user_respond", Map.of("response", "accept"));
      act(user(step[0]), afterReference, "user_complete", Map.of("completion", "done", "completionNote", step[1]));
    }
    assertThat(RestCaseSteps.tasks(user("bluebell-coordinator"), afterReference)).as("another agency sees nothing")
        .isEmpty();
    assertThat(RestCaseSteps.tasks(user("social-worker"), afterReference)).isEmpty();

    JsonNode summary = JSON.readTree(ward.get("/api/cases/" + afterDeath).body());
    assertThat(summary.path("afterDeath").path("teamsTold").asInt()).isEqualTo(told.size());
    assertThat(summary.path("afterDeath").path("minutesToEquipmentCollected").asLong()).isBetween(10L, 20L);
    assertThat(summary.path("afterDeath").path("bereavementDueAt").asText()).isNotEmpty();
    assertThat(summary.path("ended").asBoolean()).as("the bereavement contact is weeks away").isFalse();
    assertThat(jdbc.sql("select count(*) from handover_attempt where case_id = ? and result = 'completed'")
        .param(afterDeath).query(Long.class).single()).isEqualTo(5);
  }

  private HttpCaller user(String name) {
    return HttpCaller.basic(port, name, "demo");
  }
}
