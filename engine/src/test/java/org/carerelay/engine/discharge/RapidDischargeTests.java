package org.carerelay.engine.discharge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of the rapid discharge pathway in the demo region, with the engine clock. */
@DemoRegionTest
class RapidDischargeTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  CaseDriver driver;

  @BeforeEach
  void clock() {
    driver = new CaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fromAWardEveryPartnerActsAndTheCaseEndsWithTheFirstVisit() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();

    assertThat((String) driver.variable(id, "caseReference")).matches("RD-\\d{6}-[0-9A-F]{6}");
    assertThat(driver.variable(id, "patientInitials")).isEqualTo("AL");
    assertThat(driver.variable(id, "patientAge")).isEqualTo(84);
    assertThat(driver.variable(id, "requesterTeam")).isEqualTo("wdh-ward");
    String reference = (String) driver.variable(id, "caseReference");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("rapid-discharge").singleResult().getId()).isEqualTo(id);
    assertThat(jdbc.sql("select subject from notification where case_id = ? and recipient = ?")
        .params(id, "wards@wdh-trust.example.nhs.uk").query(String.class).list())
        .as("the ward is mailed its reference at once")
        .containsExactly("[CareRelay] Case started: Rapid discharge home to die (" + reference + ")");
    ProcessInstance fundingRequest = driver.handoff(id, "chc-fast-track");
    assertThat(engine.getRuntimeService().getVariable(fundingRequest.getId(), "requestDetails")).isEqualTo("""
        Discharge by: Mon 30 Mar 2026, 00:30
        Preferred place of death: Home
        Diagnosis: Metastatic pancreatic cancer
        Prognosis: Days
        GP practice: The Meadows Surgery""");
    assertThat(((Date) driver.variable(id, "targetAt")).toInstant()).isEqualTo(driver.startedAt.plus(Duration.ofHours(24)));
    ProcessInstance funding = driver.handoff(id, "chc-fast-track");
    Task ask = driver.task(funding.getId(), "user_respond");
    assertThat(driver.candidateGroup(ask)).isEqualTo("icb-chc");
    assertThat(engine.getTaskService().getVariable(ask.getId(), "taskDue")).isNotNull();
    assertThat(engine.getTaskService().getVariable(ask.getId(), "patientInitials")).isEqualTo("AL");

    driver.deliver(id, "chc-fast-track");

    assertThat(driver.handoffs(id)).hasSize(7);
    assertThat(driver.candidateGroup(driver.task(driver.handoff(id, "care-package").getId(), "user_respond")))
        .isEqualTo("oakleaf-care-coordinators");
    CaseDriver.ARRANGED.forEach(service -> driver.deliver(id, service));

    Task confirm = driver.task(id, "user_confirm_discharge");
    assertThat(driver.candidateGroup(confirm)).isEqualTo("wdh-ward");
    assertThat(confirm.getDueDate().toInstant()).isEqualTo(driver.startedAt.plus(Duration.ofHours(24)));
    driver.at(Duration.ofHours(20), id);
    driver.complete(id, "user_confirm_discharge", "dischargedAt", "" + driver.startedAt.plus(Duration.ofHours(20))
        .atOffset(java.time.ZoneOffset.UTC), "cprFormTravelled", true);
    driver.at(Duration.ofHours(22), id);
    assertThat(driver.candidateGroup(driver.task(id, "user_record_first_visit"))).isEqualTo("wdc-district-nursing");
    driver.complete(id, "user_record_first_visit", "firstVisitAt", "" + driver.startedAt.plus(Duration.ofHours(22))
        .atOffset(java.time.ZoneOffset.UTC));

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("first-visit-done");
    assertThat(driver.variable(id, "discharged")).isEqualTo(true);
    assertThat(driver.variable(id, "targetMet")).isEqualTo(true);
    assertThat(driver.variable(id, "decisionToDischargeMinutes")).isEqualTo(1200L);
    assertThat(driver.variable(id, "targetBreached")).isNull();

    var summary = HttpCaller.basic(port, "manager", "demo").get("/api/cases/" + id);
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    assertThat(summary.body()).contains("\"caseOutcome\":\"first-visit-done\"").contains("\"targetMet\":true")
        .contains("\"decisionToDischargeMinutes\":1200").contains("\"ended\":true")
        .contains("{\"partner\":\"oakleaf-care\",\"handoffs\":1,\"escalations\":0}")
        .contains("\"service\":\"chc-fast-track\",\"partner\":\"wd-icb\",\"result\":\"completed\"");
    assertThat(HttpCaller.basic(port, "ward-nurse", "demo").get("/api/cases/" + id).statusCode()).isEqualTo(200);
    assertThat(HttpCaller.basic(port, "oakleaf-coordinator", "demo").get("/api/cases/" + id).statusCode())
        .isEqualTo(404);
  }

  @Test
  void fromTheEmergencyDepartmentTheTargetIsFourHours() {
    String id = driver.start("ed-doctor", "wdh-ed", CaseDriver.startForm("emergency-department", "downs-coast")).getId();

    assertThat(driver.variable(id, "requesterTeam")).isEqualTo("wdh-ed");
    assertThat(((Date) driver.variable(id, "targetAt")).toInstant()).isEqualTo(driver.startedAt.plus(Duration.ofHours(4)));
    driver.deliver(id, "chc-fast-track");
    CaseDriver.ARRANGED.forEach(service -> driver.deliver(id, service));
    driver.at(Duration.ofHours(3), id);
    assertThat(driver.candidateGroup(driver.task(id, "user_confirm_discharge"))).isEqualTo("wdh-ed");
    driver.complete(id, "user_confirm_discharge", "dischargedAt", "" + driver.startedAt.plus(Duration.ofHours(3))
        .atOffset(java.time.ZoneOffset.UTC));

    assertThat(driver.variable(id, "targetMet")).isEqualTo(true);
    assertThat(driver.variable(id, "decisionToDischargeMinutes")).isEqualTo(180L);
  }

  @Test
  void aMissedTargetEscalatesToTheHubAndManagersNamingWhoHoldsItUp() {
    String id = driver.start("ed-doctor", "wdh-ed", CaseDriver.startForm("emergency-department", "downs-coast")).getId();
    driver.deliver(id, "chc-fast-track");
    List.of("care-package", "anticipatory-medicines", "community-nursing", "gp-handover", "ooh-handover", "transport")
        .forEach(service -> driver.deliver(id, service));

    driver.at(Duration.ofHours(4).plusMinutes(1), id);

    Task hub = driver.task(id, "user_target_breached");
    assertThat(driver.candidateGroup(hub)).isEqualTo("carerelay-hub");
    assertThat((String) driver.variable(id, "holdingUp")).contains("equipment: Weald and Downs Community Equipment Service")
        .doesNotContain("transport");
    assertThat(jdbc.sql("select recipient from notification where case_id = ? and event_key like 'discharge-target:%'")
        .param(id).query(String.class).list()).containsExactlyInAnyOrder(
            "coordination.hub@partnership.example", "eolc.managers@partnership.example");
    driver.complete(id, "user_target_breached", "hubNote", "Chased the equipment service");

    driver.deliver(id, "equipment");
    driver.at(Duration.ofHours(5), id);
    driver.complete(id, "user_confirm_discharge", "dischargedAt", "" + driver.startedAt.plus(Duration.ofHours(5))
        .atOffset(java.time.ZoneOffset.UTC));
    assertThat(driver.variable(id, "targetMet")).isEqualTo(false);
    assertThat(driver.variable(id, "targetBreached")).isEqualTo(true);
  }

  @Test
  void whenThePatientDiesBeforeDischargeEveryHandoffClosesAndEveryPartnerIsToldOnce() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    driver.deliver(id, "equipment");
    List<String> open = driver.handoffs(id).stream().map(ProcessInstance::getId).toList();
    assertThat(open).hasSize(6);

    HttpCaller stranger = HttpCaller.basic(port, "social-worker", "demo");
    assertThat(stranger.postJson("/api/cases/" + id + "/death",
        "{\"diedAt\": \"2026-11-26T08:00:00Z\", \"placeOfDeath\": \"hospital\"}").statusCode()).isEqualTo(404);
    HttpCaller ward = HttpCaller.basic(port, "ward-nurse", "demo");
    assertThat(ward.postJson("/api/cases/" + id + "/death", "{\"diedAt\": \"2099-01-01T00:00:00Z\", \"placeOfDeath\": \"hospital\"}")
        .statusCode()).isEqualTo(400);
    assertThat(ward.postJson("/api/cases/" + id + "/death", "{\"diedAt\": \"2026-11-26T08:00:00Z\", \"placeOfDeath\": \"moon\"}")
        .body()).contains("placeOfDeath");

    String diedAt = driver.startedAt.minus(Duration.ofMinutes(5)).toString();
    var response = ward.postJson("/api/cases/" + id + "/death",
        "{\"diedAt\": \"" + diedAt + "\", \"placeOfDeath\": \"hospital\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(driver.ended(id)).isTrue();
    open.forEach(handoff -> assertThat(driver.ended(handoff)).isTrue());
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("died-before-discharge");
    assertThat(driver.variable(id, "placeOfDeath")).isEqualTo("hospital");
    assertThat(((Date) driver.variable(id, "diedAt")).toInstant()).isEqualTo(java.time.Instant.parse(diedAt));
    String afterDeath = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("after-death")
        .variableValueEquals("linkedCase", id).singleResult().getId();
    List<String> deathNotices = jdbc.sql("select recipient from notification where event_key = ?")
        .param("death:" + afterDeath).query(String.class).list();
    assertThat(deathNotices).contains("chc.fasttrack@wd-icb.example.nhs.uk", "urgent@wd-equipment.example.org.uk",
        "rota@oakleaf-care.example.co.uk").doesNotHaveDuplicates();
    assertThat(jdbc.sql("select count(*) from notification where case_id = ? and event_key like 'released:%'")
        .param(id).query(Long.class).single()).as("one message is enough: no 'no longer needed' besides").isZero();
    assertThat(jdbc.sql("select distinct reason from handover_attempt where case_id = ? and result = 'cancelled'")
        .param(id).query(String.class).list()).containsExactly("The patient died.");
    assertThat(jdbc.sql("select count(*) from handover_attempt where case_id = ? and result is null")
        .param(id).query(Long.class).single()).isZero();
    assertThat(ward.postJson("/api/cases/" + id + "/death", "{\"diedAt\": \"" + diedAt + "\", \"placeOfDeath\": \"hospital\"}")
        .statusCode()).isEqualTo(404);
  }

  @Test
  void anInvolvedUserRecordsTheDeathFromTasklistAndAStrangerCannot() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    String reference = (String) driver.variable(id, "caseReference");
    String recordDeath = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("record-death")
        .latestVersion().singleResult().getId();
    Map<String, Object> form = Map.of("caseReference", reference, "diedAt", driver.startedAt.minus(Duration.ofMinutes(10)).atOffset(java.time.ZoneOffset.UTC).toString(),
        "placeOfDeath", "hospital");

    engine.getIdentityService().setAuthentication("social-worker", List.of("asc-hospital-social-work"));
    try {
      assertThatThrownBy(() -> engine.getFormService().submitStartForm(recordDeath, form))
          .hasMessageContaining("no open case " + reference + " that you are involved in");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(driver.ended(id)).isFalse();

    engine.getIdentityService().setAuthentication("ward-nurse", List.of("wdh-ward"));
    try {
      engine.getFormService().submitStartForm(recordDeath, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("died-before-discharge");
  }

  @Test
  void whenThePlanChangesTheCaseClosesAndPartnersAreTold() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");

    var response = HttpCaller.basic(port, "ward-nurse", "demo").postJson("/api/cases/" + id + "/plan-change",
        "{\"reason\": \"Too unwell to travel\", \"nextStep\": \"close\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("plan-changed");
    assertThat(jdbc.sql("select count(*) from notification where case_id = ? and event_key = ?")
        .params(id, "plan-changed:" + id).query(Long.class).single()).isPositive();
  }

  @Test
  void whenFundingIsNotAgreedTheHubChoosesTheNextStep() {
    String closed = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.nobodyCan(closed, "chc-fast-track");
    Task hub = driver.task(closed, "user_funding_declined");
    assertThat(driver.candidateGroup(hub)).isEqualTo("carerelay-hub");
    driver.complete(closed, "user_funding_declined", "fundingNextStep", "close", "hubNote", "Family declined self-funding");
    assertThat(driver.ended(closed)).isTrue();
    assertThat(driver.variable(closed, "caseOutcome")).isEqualTo("funding-declined");

    String funded = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.nobodyCan(funded, "chc-fast-track");
    driver.complete(funded, "user_funding_declined", "fundingNextStep", "proceed", "hubNote", "Council funds it");
    assertThat(driver.handoffs(funded)).hasSize(7);
  }

  @Test
  void whenTransportFailsTheHubRebooks() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    driver.nobodyCan(id, "transport");

    assertThat(driver.candidateGroup(driver.task(id, "user_transport_failed"))).isEqualTo("carerelay-hub");
    driver.complete(id, "user_transport_failed", "transportNextStep", "rebook", "hubNote", "A second crew is free");

    assertThat(driver.handoff(id, "transport")).isNotNull();
    driver.deliver(id, "transport");
    List.of("care-package", "equipment", "anticipatory-medicines", "community-nursing", "gp-handover", "ooh-handover")
        .forEach(service -> driver.deliver(id, service));
    assertThat(driver.task(id, "user_confirm_discharge")).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "equipment, 'Equipment (bed, mattress, commode)'",
      "anticipatory-medicines, Anticipatory medicines and chart",
      "community-nursing, Community nursing and the first visit",
      "gp-handover, GP handover",
      "ooh-handover, Out-of-hours handover",
      "hospice-at-home, Care package or hospice at home"})
  void whenAHandoffEndsWithoutAPartnerTheHubDecidesBeforeTheWardIsAskedToDischarge(String service, String missing) {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    if (service.equals("hospice-at-home")) {
      driver.nobodyCan(id, "care-package");
    }
    driver.nobodyCan(id, service);
    CaseDriver.ARRANGED.stream().filter(other -> !other.equals(service) && driver.handoff(id, other) != null)
        .forEach(other -> driver.deliver(id, other));

    assertThat(driver.task(id, "user_confirm_discharge")).as("the ward is not asked yet").isNull();
    Task hub = driver.task(id, "user_arrangements_missing");
    assertThat(driver.candidateGroup(hub)).isEqualTo("carerelay-hub");
    assertThat((String) driver.variable(id, "missingArrangements")).contains(missing + ": no partner could take it");

    driver.complete(id, "user_arrangements_missing", "arrangementsDecision", "go-ahead",
        "hubNote", "Arranged by phone with the family");
    assertThat(driver.candidateGroup(driver.task(id, "user_confirm_discharge"))).isEqualTo("wdh-ward");
  }

  @Test
  void withoutCommunityNursingTheHubRecordsTheFirstVisit() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    driver.nobodyCan(id, "community-nursing");

    everyoneElseDeliversTheHubGoesAheadAndTheWardDischarges(id, "community-nursing");

    assertThat(driver.candidateGroup(driver.task(id, "user_record_first_visit"))).isEqualTo("carerelay-hub");
  }

  @Test
  void aCommunityNursingHandoffTheHubCancelledDoesNotGetTheFirstVisit() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    var cancelled = HttpCaller.basic(port, "hub-coordinator", "demo").postJson("/api/handoffs/"
        + driver.handoff(id, "community-nursing").getId() + "/cancel", "{\"reason\": \"The GP's own nurses will go\"}");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);

    everyoneElseDeliversTheHubGoesAheadAndTheWardDischarges(id, "community-nursing");

    assertThat((String) driver.variable(id, "missingArrangements"))
        .contains("Community nursing and the first visit: cancelled by the hub");
    assertThat(driver.candidateGroup(driver.task(id, "user_record_first_visit"))).isEqualTo("carerelay-hub");
  }

  private void everyoneElseDeliversTheHubGoesAheadAndTheWardDischarges(String id, String missing) {
    CaseDriver.ARRANGED.stream().filter(other -> !other.equals(missing)).forEach(other -> driver.deliver(id, other));
    driver.complete(id, "user_arrangements_missing", "arrangementsDecision", "go-ahead",
        "hubNote", "Covered another way");
    driver.complete(id, "user_confirm_discharge", "dischargedAt", driver.startedAt.atOffset(java.time.ZoneOffset.UTC)
        .toString(), "cprFormTravelled", true);
  }

  @Test
  void whenTheHubJudgesTheDischargeUnsafeWithoutWhatIsMissingTheCaseCloses() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    driver.nobodyCan(id, "equipment");
    CaseDriver.ARRANGED.stream().filter(other -> !other.equals("equipment")).forEach(other -> driver.deliver(id, other));

    driver.complete(id, "user_arrangements_missing", "arrangementsDecision", "close",
        "hubNote", "No bed can be delivered; the patient stays on the ward");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("not-arranged");
    assertThat(driver.variable(id, "discharged")).isNotEqualTo(true);
    assertThat(driver.task(id, "user_record_first_visit")).isNull();
  }

  @Test
  void whenTransportFailsTheHubCanGoOnWithFamilyOrAnAmbulance() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    driver.nobodyCan(id, "transport");

    driver.complete(id, "user_transport_failed", "transportNextStep", "proceed", "hubNote", "The son will drive");
    List.of("care-package", "equipment", "anticipatory-medicines", "community-nursing", "gp-handover", "ooh-handover")
        .forEach(service -> driver.deliver(id, service));

    assertThat(driver.handoff(id, "transport")).as("not booked again").isNull();
    assertThat(driver.candidateGroup(driver.task(id, "user_confirm_discharge"))).isEqualTo("wdh-ward");
  }

  @Test
  void whenNoAgencyCanProvideCareHospiceAtHomeIsAsked() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");

    driver.nobodyCan(id, "care-package");

    ProcessInstance hospiceAtHome = driver.handoff(id, "hospice-at-home");
    assertThat(driver.candidateGroup(driver.task(hospiceAtHome.getId(), "user_respond")))
        .isEqualTo("ashdown-hospice-at-home");
  }

  @Test
  void aStartWithBadDataIsRefusedNamingEachField() {
    Map<String, Object> form = CaseDriver.startForm("ward", "high-weald");
    form.put("nhsNumber", "943 476 5918");
    form.put("dateOfBirth", "2099-01-01");
    form.remove("patientName");

    assertThatThrownBy(() -> driver.start("ward-nurse", "wdh-ward", form))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Patient name (patientName): is required")
        .hasMessageContaining("NHS number (if known) (nhsNumber): is not a valid NHS number")
        .hasMessageContaining("(dateOfBirth): must not be in the future");
  }
}
