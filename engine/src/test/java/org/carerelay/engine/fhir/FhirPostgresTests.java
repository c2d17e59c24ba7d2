package org.carerelay.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.engine.RestCaseSteps.act;
import static org.carerelay.engine.fhir.FhirPartnerSystem.assertValid;
import static org.carerelay.engine.fhir.FhirPartnerSystem.ofCase;
import static org.carerelay.engine.fhir.FhirPartnerSystem.requested;
import static org.carerelay.engine.fhir.FhirPartnerSystem.signedInAs;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresTest;
import org.carerelay.engine.RestCaseSteps;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On PostgreSQL: the ward works in CareRelay, the equipment service only through FHIR. Its system
 * polls for requested Tasks, accepts and completes one, and the ward's case sees the result; the
 * hub pages through every Task of the case and finds what changed since a moment. Who saw the case
 * is recorded against it on PostgreSQL too.
 */
@PostgresTest
class FhirPostgresTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void aPartnerSystemWorksAWholeHandoffOverFhirAndTheWardSeesTheResult() throws Exception {
    HttpCaller ward = HttpCaller.basic(port, "ward-nurse", "demo");
    String caseId = RestCaseSteps.start(ward, "rapid-discharge", CaseDriver.startForm("ward", "high-weald"));
    String reference = RestCaseSteps.reference(ward, caseId);
    HttpCaller chc = HttpCaller.basic(port, "chc-nurse", "demo");
    act(chc, reference, "user_respond", Map.of("response", "accept"));
    act(chc, reference, "user_complete", Map.of("completion", "done", "completionNote", "Funding agreed"));

    IGenericClient equipment = signedInAs(port, "equipment-planner");
    Task task = ofCase(equipment, requested(equipment, "wd-equipment-service"), reference);
    Date before = new Date(System.currentTimeMillis() - 1000);
    task.setStatus(Task.TaskStatus.ACCEPTED);
    equipment.update().resource(task).execute();
    Task accepted = equipment.read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute();
    accepted.setStatus(Task.TaskStatus.COMPLETED);
    accepted.addOutput().setType(new CodeableConcept().setText("Completion note"))
        .setValue(new StringType("Profiling bed delivered"));
    equipment.update().resource(accepted).execute();

    assertThat(RestCaseSteps.outcome(ward, caseId, "caseOutcome").asText()).isEqualTo("open");
    var summary = ward.get("/api/cases/" + caseId);
    assertThat(summary.body()).as("the ward sees the partner's result")
        .contains("\"service\":\"equipment\",\"partner\":\"wd-equipment-service\",\"result\":\"completed\"");
    // Who saw the case, on PostgreSQL: the funding team's task list and its two completions (task ids
    // in the path, the tasks of a hand-off the case called) are attributed to the ward's case.
    var audit = JSON.readTree(HttpCaller.basic(port, "governance", "demo")
        .get("/api/audit?caseId=" + caseId + "&user=chc-nurse").body());
    List<String> accesses = new ArrayList<>();
    audit.forEach(event -> accesses.add(event.get("method").asText() + " " + event.get("endpoint").asText()
        .replaceAll("[0-9a-f-]{36}", "{id}")));
    assertThat(accesses).contains("POST /engine-rest/task/{id}/submit-form")
        .anySatisfy(access -> assertThat(access).startsWith("GET /engine-rest/task?processVariables="));

    IGenericClient hub = signedInAs(port, "hub-coordinator");
    Bundle page = hub.search().forResource(Task.class).where(Task.PATIENT.hasId("Patient/" + caseId)).count(3)
        .returnBundle(Bundle.class).execute();
    assertThat(page.getEntry()).hasSize(3);
    assertThat(page.getLink(Bundle.LINK_NEXT)).as("paging").isNotNull();
    Bundle next = hub.loadPage().next(page).execute();
    assertThat(next.getEntry()).isNotEmpty();
    assertValid(page);
    Bundle changed = hub.search().forResource(Task.class).where(Task.PATIENT.hasId("Patient/" + caseId))
        .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam().setLowerBoundExclusive(before))
        .returnBundle(Bundle.class).execute();
    assertThat(changed.getEntry()).extracting(entry -> ((Task) entry.getResource()).getStatus())
        .contains(Task.TaskStatus.COMPLETED);
  }
}
