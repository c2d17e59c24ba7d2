package org.carerelay.engine.discharge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.engine.RestCaseSteps.act;
import static org.carerelay.engine.RestCaseSteps.outcome;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rapid discharge from the ward to the first visit, over REST on PostgreSQL, each step done by
 * the demo region's own user with the data their form asks for.
 */
@PostgresTest
class RapidDischargeOverRestPostgresTests {

  @LocalServerPort
  int port;

  @Test
  void everyPartnerCompletesTheirTaskAndTheCaseReachesTheFirstVisit() throws Exception {
    HttpCaller ward = user("ward-nurse");
    String caseId = RestCaseSteps.start(ward, "rapid-discharge", CaseDriver.startForm("ward", "high-weald"));
    String reference = RestCaseSteps.reference(ward, caseId);

    act(user("chc-nurse"), reference, "user_respond", Map.of("response", "accept"));
    act(user("chc-nurse"), reference, "user_complete", Map.of("completion", "done", "completionNote", "Funding agreed"));
    for (String[] partner : new String[][] {{"oakleaf-coordinator", "Four calls a day from tonight"},
        {"equipment-planner", "Bed and mattress delivered 15:00"}, {"community-pharmacist", "JIC medicines and chart ready"},
        {"district-nurse", "First visit booked for 18:00"}, {"gp", "Handover received"},
        {"ooh-clinician", "Special patient note added"}, {"transport-booker", "Crew booked for 16:00"}}) {
      act(user(partner[0]), reference, "user_respond", Map.of("response", "accept"));
      act(user(partner[0]), reference, "user_complete", Map.of("completion", "done", "completionNote", partner[1]));
    }
    assertThat(RestCaseSteps.tasks(user("social-worker"), reference)).isEmpty();

    String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    act(ward, reference, "user_confirm_discharge", Map.of("dischargedAt", now, "cprFormTravelled", true));
    act(user("district-nurse"), reference, "user_record_first_visit", Map.of("firstVisitAt", now, "firstVisitNote", "Settled"));

    assertThat(outcome(user("manager"), caseId, "caseOutcome").asText()).isEqualTo("first-visit-done");
    assertThat(outcome(ward, caseId, "targetMet").asBoolean()).as("the ward follows its case").isTrue();
  }

  private HttpCaller user(String name) {
    return HttpCaller.basic(port, name, "demo");
  }
}
