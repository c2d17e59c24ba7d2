package org.carerelay.engine.hospice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of a hospice referral in the demo region: in High Weald Ashdown Hospice triages
 * first, Downsview second.
 */
@DemoRegionTest
class HospiceAdmissionTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  CaseDriver driver;
  Instant start;

  @BeforeEach
  void clock() {
    BpmnAwareTests.init(engine);
    driver = new CaseDriver(engine);
    start = driver.startedAt;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> referral(String urgency) {
    return CaseDriver.hospiceReferral(urgency, "high-weald");
  }

  @Test
  void anUrgentReferralIsTriagedWithinHoursAndAdmittedTheSameDay() {
    String id = refer("urgent");

    String triage = handoff(id, "hospice-inpatient");
    Task respond = driver.task(triage, "user_respond");
    assertThat(driver.candidateGroup(respond)).isEqualTo("ashdown-ipu-triage");
    assertThat(respond.getDueDate().toInstant()).isEqualTo(start.plus(Duration.ofHours(4)));
    driver.complete(triage, "user_respond", "response", "accept", "triageDecision", "admit-urgent");

    assertThat(driver.ended(triage)).as("triage needs no complete stage").isTrue();
    assertThat(driver.candidateGroup(driver.task(id, "user_confirm_bed"))).isEqualTo("ashdown-ipu-triage");
    driver.complete(id, "user_confirm_bed", "bedDate", start.atOffset(ZoneOffset.UTC).toLocalDate().toString(),
        "transportNeeded", false);
    driver.complete(id, "user_confirm_admission", "admittedAt", start.atOffset(ZoneOffset.UTC).toString());

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("admitted");
    assertThat(driver.variable(id, "hospice")).isEqualTo("ashdown-hospice");
    assertThat(jdbc.sql("select recipient from notification where case_id = ? and event_key = ?")
        .params(id, "admitted:" + id).query(String.class).list()).contains("clinical@meadows-surgery.example.nhs.uk");
  }

  @Test
  void aRoutineReferralHasADayForTriageAndBooksTransportWhenNeeded() {
    String id = refer("routine");
    String triage = handoff(id, "hospice-inpatient");
    assertThat(driver.task(triage, "user_respond").getDueDate().toInstant()).isEqualTo(start.plus(Duration.ofHours(24)));
    driver.complete(triage, "user_respond", "response", "accept", "triageDecision", "admit-routine");
    driver.complete(id, "user_confirm_bed", "bedDate", "2026-12-01", "transportNeeded", true);

    String transport = handoff(id, "transport");
    driver.complete(transport, "user_respond", "response", "accept");
    driver.complete(transport, "user_complete", "completion", "done", "completionNote", "Crew booked");
    driver.complete(id, "user_confirm_admission", "admittedAt", start.atOffset(ZoneOffset.UTC).toString());

    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("admitted");
  }

  @Test
  void whenNoTransportCanBeBookedTheHubRebooksOrGoesOnInsteadOfAdmitting() {
    String id = refer("routine");
    driver.complete(handoff(id, "hospice-inpatient"), "user_respond", "response", "accept", "triageDecision", "admit-routine");
    driver.complete(id, "user_confirm_bed", "bedDate", "2026-03-30", "transportNeeded", true);
    driver.nobodyCan(id, "transport");

    assertThat(driver.task(id, "user_confirm_admission")).as("no admission without transport").isNull();
    assertThat(driver.candidateGroup(driver.task(id, "user_transport_failed"))).isEqualTo("carerelay-hub");
    driver.complete(id, "user_transport_failed", "transportNextStep", "rebook", "hubNote", "Try again tomorrow");
    driver.nobodyCan(id, "transport");
    driver.complete(id, "user_transport_failed", "transportNextStep", "proceed", "hubNote", "The son will drive her");

    assertThat(driver.candidateGroup(driver.task(id, "user_confirm_admission"))).isEqualTo("ashdown-ipu-triage");
  }

  @Test
  void onTheWaitingListTheHospiceReviewsDailyUntilABedComes() {
    String id = refer("routine");
    driver.complete(handoff(id, "hospice-inpatient"), "user_respond", "response", "accept", "triageDecision", "waiting-list");

    assertThat(driver.candidateGroup(driver.task(id, "user_review_waiting"))).isEqualTo("ashdown-ipu-triage");
    driver.complete(id, "user_review_waiting", "reviewDecision", "still-waiting");
    assertThat(driver.task(id, "user_review_waiting")).as("no review until tomorrow").isNull();
    driver.at(Duration.ofHours(24).plusMinutes(1), id);
    driver.complete(id, "user_review_waiting", "reviewDecision", "bed-available");

    assertThat(driver.task(id, "user_confirm_bed")).isNotNull();
  }

  @Test
  void waitingTooLongOffersTheSecondHospice() {
    String id = refer("urgent");
    driver.complete(handoff(id, "hospice-inpatient"), "user_respond", "response", "accept", "triageDecision", "waiting-list");

    driver.at(Duration.ofDays(2).plusMinutes(1), id);

    assertThat(driver.task(id, "user_review_waiting")).isNull();
    assertThat(driver.candidateGroup(driver.task(id, "user_waiting_too_long"))).isEqualTo("carerelay-hub");
    driver.complete(id, "user_waiting_too_long", "waitingDecision", "second-hospice", "hubNote", "Ask Downsview");
    String second = handoff(id, "hospice-inpatient");
    assertThat(driver.candidateGroup(driver.task(second, "user_respond"))).isEqualTo("downsview-ipu-triage");
    driver.complete(second, "user_respond", "response", "accept", "triageDecision", "admit-urgent");

    assertThat(driver.candidateGroup(driver.task(id, "user_confirm_bed"))).isEqualTo("downsview-ipu-triage");
    assertThat(driver.variable(id, "hospice")).isEqualTo("downsview-hospice");
  }

  @Test
  void theSecondHospicesWaitingListIsKeptAndNoBedIsAssumed() {
    SecondTriage second = waitTooLongThenAskTheSecondHospice();

    driver.complete(second.handoffId(), "user_respond", "response", "accept", "triageDecision", "waiting-list");

    assertThat(driver.task(second.caseId(), "user_confirm_bed")).as("no bed was offered").isNull();
    assertThat(driver.candidateGroup(driver.task(second.caseId(), "user_review_waiting"))).isEqualTo("downsview-ipu-triage");
  }

  @Test
  void theSecondHospiceCanOfferHospiceAtHomeInstead() {
    SecondTriage second = waitTooLongThenAskTheSecondHospice();

    driver.complete(second.handoffId(), "user_respond", "response", "accept", "triageDecision", "hospice-at-home");

    assertThat(driver.task(second.caseId(), "user_confirm_bed")).as("no bed was offered").isNull();
    assertThat(handoff(second.caseId(), "hospice-at-home")).isNotNull();
  }

  record SecondTriage(String caseId, String handoffId) {}

  /** An urgent referral waits past its limit and the hub asks the second hospice. */
  private SecondTriage waitTooLongThenAskTheSecondHospice() {
    String id = refer("urgent");
    driver.complete(handoff(id, "hospice-inpatient"), "user_respond", "response", "accept", "triageDecision", "waiting-list");
    driver.at(Duration.ofDays(2).plusMinutes(1), id);
    driver.complete(id, "user_waiting_too_long", "waitingDecision", "second-hospice", "hubNote", "Ask Downsview");
    return new SecondTriage(id, handoff(id, "hospice-inpatient"));
  }

  @Test
  void theHubMayKeepAReferralWaitingPastItsLimit() {
    ProcessInstance waited = waitedTooLong();

    driver.complete(waited.getId(), "user_waiting_too_long", "waitingDecision", "keep-waiting",
        "hubNote", "A bed is promised for Friday");

    BpmnAwareTests.assertThat(waited).isWaitingAt("user_review_waiting");
    assertThat(driver.candidateGroup(driver.task(waited.getId(), "user_review_waiting"))).isEqualTo("ashdown-ipu-triage");
  }

  @Test
  void afterWaitingTooLongTheHubCanOfferHospiceAtHome() {
    ProcessInstance waited = waitedTooLong();

    driver.complete(waited.getId(), "user_waiting_too_long", "waitingDecision", "hospice-at-home",
        "hubNote", "Family prefer care at home now");

    BpmnAwareTests.assertThat(waited).isWaitingAt("call_hospice_at_home");
    assertThat(driver.candidateGroup(driver.task(handoff(waited.getId(), "hospice-at-home"), "user_respond")))
        .isEqualTo("ashdown-hospice-at-home");
  }

  @Test
  void whenTheSecondHospiceDeclinesTooTheHubDecides() {
    SecondTriage second = waitTooLongThenAskTheSecondHospice();

    driver.nobodyCan(second.caseId(), "hospice-inpatient");

    assertThat(driver.candidateGroup(driver.task(second.caseId(), "user_declined_everywhere"))).isEqualTo("carerelay-hub");
  }

  @Test
  void declinedEverywhereThenNoHospiceAtHomeEitherClosesTheCaseWithNoHospiceCare() {
    String id = refer("urgent");
    driver.nobodyCan(id, "hospice-inpatient");
    driver.complete(id, "user_declined_everywhere", "declinedDecision", "hospice-at-home",
        "hubNote", "Ask hospice at home");

    driver.nobodyCan(id, "hospice-at-home");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("no-hospice-care");
  }

  /**
   * A referral to Ashdown that has waited past its limit, started there: only that section of
   * the pathway runs, with what the earlier steps would have left.
   */
  private ProcessInstance waitedTooLong() {
    Map<String, Object> variables = new HashMap<>(referral("urgent"));
    variables.putAll(Map.of("caseReference", "HA-260328-SECTION", "pathway", "Hospice admission",
        "patientInitials", "MS", "patientAge", 80, "requesterTeam", "meadows-clinical", "caseOutcome", "open",
        "hospice", "ashdown-hospice", "hospiceTeam", "ashdown-ipu-triage", "triageDecision", "waiting-list",
        "waitingLimit", "P2D"));
    ProcessInstance waited = engine.getRuntimeService().createProcessInstanceByKey("hospice-admission")
        .setVariables(variables).startBeforeActivity("user_waiting_too_long").execute();
    BpmnAwareTests.assertThat(waited).isWaitingAt("user_waiting_too_long");
    return waited;
  }

  @Test
  void hospiceAtHomeCanBeOfferedInstead() {
    String id = refer("routine");
    driver.complete(handoff(id, "hospice-inpatient"), "user_respond", "response", "accept", "triageDecision", "hospice-at-home");

    String home = handoff(id, "hospice-at-home");
    assertThat(driver.candidateGroup(driver.task(home, "user_respond"))).isEqualTo("ashdown-hospice-at-home");
    driver.complete(home, "user_respond", "response", "accept");
    driver.complete(home, "user_complete", "completion", "done", "completionNote", "First visit tomorrow");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("hospice-at-home");
  }

  @Test
  void declinedByEveryHospiceTheHubSeesTheHistoryAndDecides() {
    String id = refer("urgent");
    String triage = handoff(id, "hospice-inpatient");
    driver.complete(triage, "user_respond", "response", "decline", "declineReason", "No beds; try Downsview");
    driver.complete(triage, "user_respond", "response", "decline", "declineReason", "Full; suggest hospice at home");
    driver.complete(triage, "user_no_partner_available", "hubDecision", "no-partner", "cancelReason", "Both full");

    Task hub = driver.task(id, "user_declined_everywhere");
    assertThat(driver.candidateGroup(hub)).isEqualTo("carerelay-hub");
    assertThat((String) driver.variable(id, "triageHistory")).contains("Ashdown Hospice: declined (No beds; try Downsview)")
        .contains("Downsview Hospice: declined (Full; suggest hospice at home)");
    driver.complete(id, "user_declined_everywhere", "declinedDecision", "close", "hubNote", "Referrer told");

    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("declined-everywhere");
  }

  @Test
  void thePatientWhoDiesWaitingClosesTheCaseAndPartnersAreTold() {
    String id = refer("urgent");
    driver.complete(handoff(id, "hospice-inpatient"), "user_respond", "response", "accept", "triageDecision", "waiting-list");

    var response = HttpCaller.basic(port, "gp", "demo").postJson("/api/cases/" + id + "/death",
        "{\"diedAt\": \"" + start.minusSeconds(60) + "\", \"placeOfDeath\": \"home\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("died-while-waiting");
    assertThat(driver.variable(id, "placeOfDeath")).isEqualTo("home");
    String afterDeath = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("after-death")
        .variableValueEquals("linkedCase", id).singleResult().getId();
    assertThat(jdbc.sql("select recipient from notification where event_key = ?")
        .param("death:" + afterDeath).query(String.class).list()).contains("ipu@ashdown-hospice.example.org.uk");
  }

  @Test
  void theReferrerWithdraws() {
    String id = refer("routine");

    var response = HttpCaller.basic(port, "gp", "demo").postJson("/api/cases/" + id + "/plan-change",
        "{\"reason\": \"Patient prefers to stay at home\", \"nextStep\": \"close\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("withdrawn");
  }

  @Test
  void aRapidDischargeThatBecomesAHospiceAdmissionCarriesItsDataAndBothCasesAreLinked() {
    Map<String, Object> discharge = new HashMap<>(referral("urgent"));
    discharge.keySet().removeAll(List.of("reasonForReferral", "urgency", "currentLocation", "patientWishes",
        "medicationList"));
    discharge.putAll(Map.of("setting", "ward", "hospitalNumber", "WD1", "preferredPlaceOfDeath", "home",
        "mainCarer", "Son", "diagnosis", "Heart failure", "prognosis", "days"));
    String rapid = driver.start("ward-nurse", "wdh-ward", discharge).getId();

    var response = HttpCaller.basic(port, "ward-nurse", "demo").postJson("/api/cases/" + rapid + "/plan-change",
        "{\"reason\": \"Too unwell to travel home\", \"nextStep\": \"hospice-admission\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    String hospice = (String) driver.variable(rapid, "linkedCase");
    assertThat(hospice).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(hospice, "linkedCase")).isEqualTo(rapid);
    assertThat(engine.getRuntimeService().getVariable(hospice, "patientName")).isEqualTo("Mary Seacole");
    assertThat(engine.getRuntimeService().getVariable(hospice, "requesterTeam")).isEqualTo("wdh-ward");
    assertThat(driver.candidateGroup(driver.task(handoff(hospice, "hospice-inpatient"), "user_respond"))).isEqualTo("ashdown-ipu-triage");
  }

  private String refer(String urgency) {
    return driver.start("hospice-admission", "gp", "meadows-clinical", referral(urgency)).getId();
  }

  private String handoff(String caseId, String service) {
    ProcessInstance handoff = driver.handoff(caseId, service);
    assertThat(handoff).as("open " + service + " hand-off").isNotNull();
    return handoff.getId();
  }

}
