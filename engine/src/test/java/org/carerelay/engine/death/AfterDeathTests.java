package org.carerelay.engine.death;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.demo.DemoPatients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of the after-death pathway in the demo region, with the engine clock: a death recorded
 * in each pathway starts exactly one after-death case and tells each team once; equipment, medicines,
 * a care package, the GP record and the Medical Examiner go to the right teams, a partner that never
 * collects the equipment escalates and the next is asked, and the family's bereavement contact comes
 * due at the time in the bereavement-contact table.
 */
@DemoRegionTest
class AfterDeathTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

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
  void aDeathInARapidDischargeTellsEachTeamOnceAndOffersWhatMustHappenNextToTheRightTeams() {
    String id = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    driver.deliver(id, "chc-fast-track");
    List.of("equipment", "anticipatory-medicines", "care-package").forEach(service -> driver.deliver(id, service));
    driver.at(Duration.ofHours(4), id);
    Instant diedAt = driver.startedAt.plus(Duration.ofHours(3));

    var response = HttpCaller.basic(port, "ward-nurse", "demo").postJson("/api/cases/" + id + "/death",
        "{\"diedAt\": \"" + diedAt + "\", \"placeOfDeath\": \"hospital\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    String afterDeath = afterDeathOf(id);
    assertThat((String) driver.variable(afterDeath, "caseReference")).matches("AD-\\d{6}-[0-9A-F]{6}");
    assertThat(driver.variable(afterDeath, "linkedReference")).isEqualTo(driver.variable(id, "caseReference"));
    assertThat(driver.variable(afterDeath, "requesterTeam")).isEqualTo("wdh-ward");

    List<String> involvedMailboxes = jdbc.sql("""
            select distinct t.mailbox from handover_attempt a join partner_team t on t.group_id = a.team
            where a.case_id = ? and (a.result is null or a.result not in ('declined', 'timed-out', 'reassigned', 'unable'))""")
        .param(id).query(String.class).list();
    assertThat(involvedMailboxes).hasSizeGreaterThanOrEqualTo(7);
    List<String> told = jdbc.sql("select recipient from notification where event_key = ?")
        .param("death:" + afterDeath).query(String.class).list();
    assertThat(told).as("every team involved and the ward, each once").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(concat(involvedMailboxes, "wards@wdh-trust.example.nhs.uk"));
    assertThat(driver.variable(afterDeath, "teamsTold")).isEqualTo(told.size());
    assertThat(jdbc.sql("select count(*) from notification where event_key like 'released:%' and case_id = ?"
            + " or event_key in (?, ?)")
        .params(id, "started:" + afterDeath, "death:" + id).query(Long.class).single())
        .as("no 'no longer needed', no 'case started' and no second death notice besides").isZero();

    assertThat(team(afterDeath, "equipment-collection")).isEqualTo("ces-deliveries");
    assertThat(team(afterDeath, "medicines-after-death")).isEqualTo("wdc-district-nursing");
    assertThat(team(afterDeath, "care-package-stop")).as("the agency that ran the package").isEqualTo("oakleaf-care-coordinators");
    assertThat(team(afterDeath, "gp-death-notification")).isEqualTo("meadows-clinical");
    assertThat(team(afterDeath, "medical-examiner")).isEqualTo("wdh-medical-examiners");
    assertThat(driver.handoffs(afterDeath)).hasSize(5);
    assertThat(engine.getRuntimeService().getVariable(driver.handoff(afterDeath, "equipment-collection").getId(),
        "requestDetails")).isEqualTo("""
        Date and time of death: Sun 29 Mar 2026, 03:30
        Home address: 1 Orchard Lane, Crowborough
        Main carer or next of kin: Byron Lovelace (son)
        Carer's phone: 07700 900123
        Equipment needed: Profiling bed, pressure-relieving mattress, commode""");
    Instant due = ((Date) driver.variable(afterDeath, "bereavementDueAt")).toInstant();
    assertThat(due).as("no hospice involved: the GP practice, five weeks after the death, in the partnership's zone")
        .isEqualTo(diedAt.atZone(LONDON).plusDays(35).toInstant());

    List.of("equipment-collection", "medicines-after-death", "care-package-stop", "gp-death-notification",
        "medical-examiner").forEach(service -> driver.deliver(afterDeath, service));
    assertThat(driver.ended(afterDeath)).isFalse();
    driver.at(Duration.between(driver.startedAt, due).minusMinutes(1), afterDeath);
    assertThat(driver.handoff(afterDeath, "bereavement-gp")).as("not before it is due").isNull();
    driver.at(Duration.between(driver.startedAt, due), afterDeath);
    assertThat(team(afterDeath, "bereavement-gp")).isEqualTo("meadows-clinical");
    driver.deliver(afterDeath, "bereavement-gp");

    assertThat(driver.ended(afterDeath)).isTrue();
    assertThat(driver.variable(afterDeath, "caseOutcome")).isEqualTo("after-death-done");
    var summary = HttpCaller.basic(port, "ward-nurse", "demo").get("/api/cases/" + afterDeath);
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    assertThat(summary.body()).contains("\"teamsTold\":" + told.size())
        .contains("\"minutesToBereavementContact\":" + Duration.between(diedAt, due).toMinutes())
        .contains("\"minutesToEquipmentCollected\":" + Duration.between(diedAt, driver.startedAt.plus(Duration.ofHours(4))).toMinutes());
    var targets = HttpCaller.basic(port, "manager", "demo").get("/api/reports/targets?from=2026-03-23&to=2026-05-10");
    assertThat(targets.statusCode()).as(targets.body()).isEqualTo(200);
    assertThat(targets.body()).as("the managers' figures count this death and its bereavement contact")
        .containsPattern("\"afterDeath\":\\{\"deaths\":[1-9]")
        .containsPattern("\"contactsMade\":[1-9]").contains("\"medianToBereavementContact\":\"");
  }

  @Test
  void aDeathInAHospiceAdmissionStartsOneAfterDeathCaseAndTheHospiceThatKnewTheFamilyContactsThem() {
    String id = driver.start("hospice-admission", "gp", "meadows-clinical",
        CaseDriver.hospiceReferral("urgent", "high-weald")).getId();
    String triage = driver.handoff(id, "hospice-inpatient").getId();
    driver.complete(triage, "user_respond", "response", "accept", "triageDecision", "admit-urgent");
    driver.at(Duration.ofHours(2), id);

    var response = HttpCaller.basic(port, "gp", "demo").postJson("/api/cases/" + id + "/death",
        "{\"diedAt\": \"" + driver.startedAt.plus(Duration.ofHours(1)) + "\", \"placeOfDeath\": \"hospice\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    String afterDeath = afterDeathOf(id);
    assertThat(jdbc.sql("select recipient from notification where event_key = ?").param("death:" + afterDeath)
        .query(String.class).list()).containsExactlyInAnyOrder("ipu@ashdown-hospice.example.org.uk",
            "clinical@meadows-surgery.example.nhs.uk");
    assertThat(driver.variable(afterDeath, "bereavementService")).isEqualTo("bereavement-hospice");
    assertThat(((Date) driver.variable(afterDeath, "bereavementDueAt")).toInstant())
        .isEqualTo(driver.startedAt.plus(Duration.ofHours(1)).atZone(LONDON).plusDays(21).toInstant());
    assertThat(driver.handoff(afterDeath, "equipment-collection")).as("no equipment went home").isNull();
    assertThat(driver.handoff(afterDeath, "care-package-stop")).isNull();
    assertThat(driver.handoff(afterDeath, "medicines-after-death")).as("died in the hospice with no medicines at home")
        .isNull();

    driver.at(Duration.ofHours(1).plusDays(22), afterDeath);
    assertThat(team(afterDeath, "bereavement-hospice")).as("the hospice that cared for the patient")
        .isEqualTo("ashdown-hospice-at-home");
    assertThat(HttpCaller.basic(port, "gp", "demo").postJson("/api/cases/" + id + "/death",
        "{\"diedAt\": \"" + driver.startedAt + "\", \"placeOfDeath\": \"hospice\"}").statusCode())
        .as("a death is recorded once").isEqualTo(404);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("after-death")
        .variableValueEquals("linkedCase", id).count()).isEqualTo(1);
  }

  @Test
  void equipmentNobodyCollectsEscalatesAndTheNextPartnerIsAsked() {
    String diedAt = driver.startedAt.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC).toString();
    String afterDeath = driver.start("after-death", "district-nurse", "wdc-district-nursing",
        DemoPatients.afterDeath("Edith Hart", "642 621 2997", "high-weald", diedAt, "home")).getId();

    assertThat(driver.variable(afterDeath, "requesterTeam")).isEqualTo("wdc-district-nursing");
    assertThat(jdbc.sql("select recipient from notification where event_key = ?").param("death:" + afterDeath)
        .query(String.class).list()).as("no earlier case: the team that recorded it")
        .containsExactly("district.nursing@wd-community.example.nhs.uk");
    assertThat(driver.handoff(afterDeath, "medicines-after-death")).isNull();
    assertThat(driver.handoff(afterDeath, "care-package-stop")).isNull();
    String equipment = driver.handoff(afterDeath, "equipment-collection").getId();
    assertThat(team(afterDeath, "equipment-collection")).isEqualTo("ces-deliveries");

    driver.at(Duration.ofHours(49), equipment);

    assertThat(jdbc.sql("select count(distinct level) from handover_escalation where handoff_id = ?").param(equipment)
        .query(Long.class).single()).as("reminded, chased, managers told").isEqualTo(3);
    assertThat(jdbc.sql("select result from handover_attempt where handoff_id = ? and partner = ?")
        .params(equipment, "wd-equipment-service").query(String.class).single()).isEqualTo("timed-out");
    assertThat(team(afterDeath, "equipment-collection")).isEqualTo("ashdown-equipment-loan");

    driver.deliver(afterDeath, "equipment-collection");
    driver.deliver(afterDeath, "gp-death-notification");
    driver.deliver(afterDeath, "medical-examiner");
    Instant due = ((Date) driver.variable(afterDeath, "bereavementDueAt")).toInstant();
    assertThat(due).as("a hospice was involved, death at home: four weeks")
        .isEqualTo(java.time.OffsetDateTime.parse(diedAt).atZoneSameInstant(LONDON).plusDays(28).toInstant());
    driver.at(Duration.between(driver.startedAt, due), afterDeath);
    assertThat(team(afterDeath, "bereavement-hospice")).isEqualTo("ashdown-hospice-at-home");
    driver.deliver(afterDeath, "bereavement-hospice");

    assertThat(driver.ended(afterDeath)).isTrue();
    var summary = HttpCaller.basic(port, "district-nurse", "demo").get("/api/cases/" + afterDeath);
    assertThat(summary.body()).contains("\"equipmentCollectedAt\":\"").contains("\"teamsTold\":1");
  }

  @Test
  void aDeathIsNotRecordedFromTasklistForAPatientWithAnOpenCaseNorTwiceNorByATeamThatMayNot() {
    Map<String, Object> form = DemoPatients.afterDeath("Edith Hart", "383 236 4056", "downs-coast",
        driver.startedAt.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toString(), "home");
    String first = driver.start("after-death", "gp", "meadows-clinical", form).getId();
    assertThat(first).isNotNull();

    assertThatThrownBy(() -> driver.start("after-death", "ashdown-home", "ashdown-hospice-at-home", form))
        .hasMessageContaining("a death was already recorded for this patient: case "
            + driver.variable(first, "caseReference"));

    Map<String, Object> discharge = DemoPatients.rapidDischarge("Walter Finch", "ward", "high-weald");
    discharge.put("nhsNumber", "406 135 8952");
    ProcessInstance open = driver.start("ward-nurse", "wdh-ward", discharge);
    Map<String, Object> sameAsOpen = DemoPatients.afterDeath("Walter Finch", "4061358952", "high-weald",
        driver.startedAt.atOffset(ZoneOffset.UTC).toString(), "home");
    assertThatThrownBy(() -> driver.start("after-death", "gp", "meadows-clinical", sameAsOpen))
        .hasMessageContaining("the patient has an open case, " + open.getBusinessKey());

    Map<String, Object> posingAsTheCase = DemoPatients.afterDeath("Walter Finch", "200 487 1830", "high-weald",
        driver.startedAt.atOffset(ZoneOffset.UTC).toString(), "home");
    posingAsTheCase.put("linkedCase", open.getId());
    assertThatThrownBy(() -> driver.start("after-death", "gp", "meadows-clinical", posingAsTheCase))
        .as("a person cannot make another case's partners hear of a death").hasMessageContaining("linkedCase");

    var stranger = HttpCaller.basic(port, "oakleaf-coordinator", "demo").postJson(
        "/engine-rest/process-definition/key/after-death/submit-form", "{\"variables\": {}}");
    assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("after-death")
        .variableValueEquals("nhsNumber", "4061358952").count()).isZero();
  }

  private String afterDeathOf(String caseId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("after-death")
        .variableValueEquals("linkedCase", caseId).singleResult().getId();
  }

  private String team(String afterDeath, String service) {
    return driver.candidateGroup(driver.task(driver.handoff(afterDeath, service).getId(), "user_respond"));
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new java.util.ArrayList<>(list);
    if (!all.contains(more)) {
      all.add(more);
    }
    return all;
  }
}
