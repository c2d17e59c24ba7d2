package org.carerelay.engine.hospice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.engine.RestCaseSteps.act;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A GP's referral to admission, over REST on PostgreSQL, by the demo region's own users. */
@PostgresTest
class HospiceAdmissionOverRestPostgresTests {

  @LocalServerPort
  int port;

  @Test
  void theGpRefersTheHospiceTriagesConfirmsABedAndAdmits() throws Exception {
    HttpCaller gp = user("gp");
    String caseId = RestCaseSteps.start(gp, "hospice-admission", HospiceAdmissionTests.referral("urgent"));
    String reference = RestCaseSteps.reference(gp, caseId);

    assertThat(RestCaseSteps.tasks(user("downsview-triage"), reference)).isEmpty();
    HttpCaller hospice = user("ashdown-triage");
    act(hospice, reference, "user_respond", Map.of("response", "accept", "triageDecision", "admit-urgent"));
    act(hospice, reference, "user_confirm_bed", Map.of("bedDate", LocalDate.now(ZoneOffset.UTC).toString(), "transportNeeded", false));
    act(hospice, reference, "user_confirm_admission", Map.of("admittedAt",
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString()));

    assertThat(RestCaseSteps.outcome(gp, caseId, "caseOutcome")).as("the referring GP follows the case")
        .isNotNull();
    assertThat(RestCaseSteps.outcome(gp, caseId, "caseOutcome").asText()).isEqualTo("admitted");
    assertThat(user("chc-nurse").get("/engine-rest/process-instance/" + caseId).statusCode()).isIn(403, 404);
  }

  private HttpCaller user(String name) {
    return HttpCaller.basic(port, name, "demo");
  }
}
