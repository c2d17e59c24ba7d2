package org.carerelay.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' figures ({@code /api/reports/breaches}, {@code /targets}, {@code /heatmap}) from
 * cases driven through the real pathways with the engine clock, each in a week no other test uses:
 * one discharge home within its 24 h target and one held up by the equipment makes 50 %; a funding
 * decision later than its service level counts as a funding target missed and an open escalation
 * until it is made; a referral triaged after 3 h shows 3 h in the targets and on the heatmap.
 * Run on H2 ({@link ManagersReportsTests}) and on PostgreSQL ({@link ManagersReportsPostgresTests}).
 */
abstract class ManagersReports {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void dischargesWithinAndPastTheirTargetAndALateFundingDecision() throws Exception {
    // Tuesday 3 June 2025, 09:00 in London; the week of Monday 2 June.
    CaseDriver driver = new CaseDriver(engine, Instant.parse("2025-06-03T08:00:00Z"));
    String week = "?from=2025-06-02&to=2025-06-08";
    String onTime = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String late = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String slowFunding = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String funding = driver.handoff(slowFunding, "chc-fast-track").getId();
    driver.complete(funding, "user_respond", "response", "accept");
    for (String id : List.of(onTime, late)) {
      driver.deliver(id, "chc-fast-track");
    }
    CaseDriver.ARRANGED.forEach(service -> driver.deliver(onTime, service));
    CaseDriver.ARRANGED.stream().filter(service -> !service.equals("equipment"))
        .forEach(service -> driver.deliver(late, service));
    driver.at(Duration.ofHours(20), onTime);
    discharge(driver, onTime, Duration.ofHours(20));
    driver.at(Duration.ofHours(25), late);
    driver.deliver(late, "equipment");
    driver.at(Duration.ofHours(26), late);
    discharge(driver, late, Duration.ofHours(26));

    driver.at(Duration.ofHours(48).plusMinutes(1), funding);
    ClockUtil.setCurrentTime(java.util.Date.from(driver.startedAt.plus(Duration.ofHours(48).plusMinutes(31))));
    JsonNode breaches = read("/api/reports/breaches" + week);
    String fundingReference = (String) driver.variable(slowFunding, "caseReference");
    JsonNode open = find(breaches.get("open"), "reference", fundingReference);
    assertThat(open).as("the late funding decision is an open escalation").isNotNull();
    assertThat(open.get("serviceName").asText()).isEqualTo("Continuing healthcare fast-track funding");
    assertThat(open.get("partnerName").asText()).isEqualTo("NHS Weald and Downs Integrated Care Board");
    assertThat(open.get("stage").asText()).isEqualTo("complete");
    assertThat(open.get("level").asInt()).isEqualTo(1);
    assertThat(open.get("openMinutes").asLong()).isEqualTo(30);
    assertThat(find(breaches.get("byPartner"), "partner", "wd-icb").get("byLevel").get("1").asInt()).isPositive();
    driver.complete(funding, "user_complete", "completion", "done", "completionNote", "Funded");
    assertThat(find(read("/api/reports/breaches" + week).get("open"), "reference", fundingReference))
        .as("answered: no longer open").isNull();

    JsonNode missed = read("/api/reports/breaches" + week).get("targetsMissed");
    assertThat(missed).hasSize(1);
    assertThat(missed.get(0).get("weekOf").asText()).isEqualTo("2 Jun 2025");
    assertThat(missed.get(0).get("missed").get("Discharge from a ward").asInt()).isEqualTo(1);
    assertThat(missed.get(0).get("missed").get("Discharge from the emergency department").asInt()).isZero();
    assertThat(missed.get(0).get("missed").get("Fast-track funding decision").asInt()).isEqualTo(1);

    JsonNode discharge = read("/api/reports/targets" + week).get("rapidDischarge");
    assertThat(discharge.get("decisions").asInt()).isEqualTo(3);
    assertThat(discharge.get("withinTarget").asInt()).isEqualTo(1);
    assertThat(discharge.get("late").asInt()).isEqualTo(1);
    assertThat(discharge.get("sharePercent").asInt()).isEqualTo(50);
    assertThat(discharge.get("medianDecisionToDischargeMinutes").asLong()).isEqualTo(20 * 60);
    assertThat(discharge.get("medianDecisionToDischarge").asText()).isEqualTo("20 h 00 min");
    assertThat(discharge.get("heldUpBy")).hasSize(1);
    assertThat(discharge.get("heldUpBy").get(0).get("service").asText()).isEqualTo("Equipment at home");
    assertThat(discharge.get("weeks").get(0).get("sharePercent").asInt()).isEqualTo(50);
  }

  @Test
  void aReferralTriagedAfterThreeHoursShowsThreeHoursInTargetsAndOnTheHeatmap() throws Exception {
    // Tuesday 17 June 2025, 10:00 in London; the week of Monday 16 June.
    CaseDriver driver = new CaseDriver(engine, Instant.parse("2025-06-17T09:00:00Z"));
    String week = "&from=2025-06-16&to=2025-06-22";
    String id = driver.start("hospice-admission", "gp", "meadows-clinical",
        CaseDriver.hospiceReferral("urgent", "high-weald")).getId();
    long bedsBefore = now(read("/api/reports/heatmap?pathway=hospice-admission" + week), "user_confirm_bed");

    driver.at(Duration.ofHours(3), id);
    driver.complete(driver.handoff(id, "hospice-inpatient").getId(), "user_respond", "response", "accept",
        "triageDecision", "admit-urgent");
    JsonNode heatmap = read("/api/reports/heatmap?pathway=hospice-admission" + week);
    assertThat(now(heatmap, "user_confirm_bed")).as("the case waits for a bed now").isEqualTo(bedsBefore + 1);
    JsonNode triage = find(heatmap.get("activities"), "activityId", "call_triage");
    assertThat(triage.get("name").asText()).isEqualTo("Hospice triages the referral");
    assertThat(triage.get("finished").asInt()).isEqualTo(1);
    assertThat(triage.get("medianMinutes").asLong()).isEqualTo(180);
    assertThat(triage.get("median").asText()).isEqualTo("3 h 00 min");

    driver.at(Duration.ofHours(5), id);
    driver.complete(id, "user_confirm_bed", "bedDate", driver.startedAt.atOffset(ZoneOffset.UTC).toLocalDate()
        .toString(), "transportNeeded", false);
    driver.at(Duration.ofHours(8), id);
    driver.complete(id, "user_confirm_admission", "admittedAt", driver.startedAt.plus(Duration.ofHours(8))
        .atOffset(ZoneOffset.UTC).toString());

    JsonNode hospice = read("/api/reports/targets?" + week.substring(1)).get("hospiceAdmission");
    assertThat(hospice.get("referrals").asInt()).isEqualTo(1);
    assertThat(hospice.get("medianToTriageMinutes").asLong()).isEqualTo(180);
    assertThat(hospice.get("medianToTriage").asText()).isEqualTo("3 h 00 min");
    assertThat(hospice.get("medianToAdmissionMinutes").asLong()).isEqualTo(480);
    assertThat(hospice.get("weeks").get(0).get("admitted").asInt()).isEqualTo(1);
    assertThat(read("/api/reports/heatmap?pathway=hospice-admission" + week).get("pathwayName").asText())
        .isEqualTo("Hospice admission");
    assertThat(HttpCaller.basic(port, "manager", "demo").get("/api/reports/heatmap/diagram?pathway=hospice-admission")
        .body()).contains("<bpmn:process id=\"hospice-admission\"");
  }

  @Test
  void onlyThePartnershipSeesItsViewsAndBadQuestionsAreExplained() {
    HttpCaller partner = HttpCaller.basic(port, "ward-nurse", "demo");
    for (String view : List.of("/api/reports/breaches", "/api/reports/targets",
        "/api/reports/heatmap?pathway=rapid-discharge", "/api/reports/heatmap/diagram?pathway=rapid-discharge")) {
      assertThat(partner.get(view).statusCode()).as(view).isEqualTo(403);
    }
    HttpCaller manager = HttpCaller.basic(port, "manager", "demo");
    var noPathway = manager.get("/api/reports/heatmap");
    assertThat(noPathway.statusCode()).isEqualTo(400);
    assertThat(noPathway.body()).contains("is required, e.g. rapid-discharge");
    var unknown = manager.get("/api/reports/heatmap?pathway=no-such-pathway");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No pathway no-such-pathway is deployed").doesNotContain("Exception");
    var badDate = manager.get("/api/reports/targets?from=02/06/2025");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("expected a date such as 2026-03-28, not 02/06/2025");

    assertThat(manager.get("/cockpit/").body()).contains("Partnership overview", "Live cases", "Where cases wait");
    var own = partner.get("/cockpit/");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("How we are doing", "Weald and Downs Hospitals NHS Trust")
        .doesNotContain("Live cases", "Where cases wait");
    assertThat(HttpCaller.basic(port, "designer", "demo").get("/cockpit/").statusCode()).isEqualTo(403);
  }

  private void discharge(CaseDriver driver, String caseId, Duration after) {
    driver.complete(caseId, "user_confirm_discharge", "dischargedAt", driver.startedAt.plus(after)
        .atOffset(ZoneOffset.UTC).toString(), "cprFormTravelled", true);
  }

  private JsonNode read(String path) throws Exception {
    var answer = HttpCaller.basic(port, "manager", "demo").get(path);
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static long now(JsonNode heatmap, String activityId) {
    JsonNode activity = find(heatmap.get("activities"), "activityId", activityId);
    return activity == null ? 0 : activity.get("now").asLong();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.get(field).asText())) {
        return item;
      }
    }
    return null;
  }
}
