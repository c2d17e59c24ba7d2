package org.carerelay.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carerelay.engine.fhir.FhirPartnerSystem.assertValid;
import static org.carerelay.engine.fhir.FhirPartnerSystem.ofCase;
import static org.carerelay.engine.fhir.FhirPartnerSystem.requested;
import static org.carerelay.engine.fhir.FhirPartnerSystem.signedInAs;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner system that speaks only FHIR R4 works its hand-offs: it finds its requested Tasks,
 * accepts and completes one and the rapid discharge moves on; a decline moves the hand-off to the
 * next partner; another organisation sees none of it; Tasklist and FHIR never both work one Task.
 * Every resource it reads validates against the R4 base specification.
 */
@DemoRegionTest
class FhirTasksTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  CaseDriver driver;
  String caseId;
  String reference;

  @BeforeEach
  void aRapidDischargeWithFundingAgreed() {
    driver = new CaseDriver(engine);
    caseId = driver.start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald")).getId();
    reference = (String) driver.variable(caseId, "caseReference");
    driver.deliver(caseId, "chc-fast-track");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theEquipmentServicesSystemAcceptsAndCompletesItsTaskAndTheCaseMovesOn() {
    IGenericClient equipment = signedInAs(port, "equipment-planner");
    Bundle offered = requested(equipment, "wd-equipment-service");
    Task task = ofCase(equipment, offered, reference);

    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
    assertThat(task.getOwner().getReference()).isEqualTo("Organization/wd-equipment-service");
    assertThat(task.getRequester().getDisplay()).isEqualTo("Weald and Downs Hospitals NHS Trust");
    assertThat(task.getFor().getReference()).isEqualTo("Patient/" + caseId);
    assertThat(task.getRestriction().getPeriod().getEnd()).as("the service level's due time").isNotNull();
    assertThat(task.getBusinessStatus().getText()).isEqualTo("Waiting for an answer");
    ServiceRequest request = (ServiceRequest) task.getFocus().getResource();
    assertThat(request).as("_include=Task:focus").isNotNull();
    assertThat(request.getCode().getText()).isEqualTo("Equipment at home");
    assertThat(request.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
    assertThat(request.getNoteFirstRep().getText()).isNotBlank();
    assertValid(task);
    assertValid(request);
    assertValid(offered);

    task.setStatus(Task.TaskStatus.ACCEPTED);
    equipment.update().resource(task).execute();
    Task accepted = equipment.read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute();
    assertThat(accepted.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
    assertThat(accepted.getMeta().getVersionId()).isEqualTo("2");
    assertValid(accepted);

    Task stale = task.copy();
    stale.setStatus(Task.TaskStatus.COMPLETED);
    assertThatThrownBy(() -> equipment.update().resource(stale).execute())
        .as("If-Match names version 1").isInstanceOf(PreconditionFailedException.class);

    accepted.setStatus(Task.TaskStatus.COMPLETED);
    accepted.addOutput().setType(new CodeableConcept().setText("Completion note"))
        .setValue(new StringType("Bed and mattress delivered at 15:00"));
    equipment.update().resource(accepted).execute();

    Task completed = equipment.read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute();
    assertThat(completed.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    assertThat(completed.getOutputFirstRep().getValue().primitiveValue()).isEqualTo("Bed and mattress delivered at 15:00");
    assertValid(completed);
    assertThat(driver.variable(caseId, "equipmentOutcome")).as("the case moved on as if Tasklist had been used")
        .isEqualTo("completed");

    Patient patient = equipment.read().resource(Patient.class).withId(caseId).execute();
    assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9434765919");
    assertValid(patient);
    assertValid(equipment.capabilities().ofType(CapabilityStatement.class).execute());
    assertThat(jdbc.sql("select operation || ' ' || method || ' ' || endpoint from audit_event where user_id = ?"
        + " and case_id = ? and endpoint like '/fhir/%'").params("equipment-planner", caseId).query(String.class).list())
        .as("governance sees who read and changed the case over FHIR")
        .contains("read GET /fhir/r4/Patient/" + caseId)
        .anyMatch(line -> line.startsWith("change PUT /fhir/r4/Task/"));
  }

  @Test
  void aDeclineOverFhirMovesTheHandoffToTheNextPartner() {
    IGenericClient oakleaf = signedInAs(port, "oakleaf-coordinator");
    Task task = ofCase(oakleaf, requested(oakleaf, "oakleaf-care"), reference);

    task.setStatus(Task.TaskStatus.REJECTED);
    assertThatThrownBy(() -> oakleaf.update().resource(task).execute()).as("a decline needs a reason")
        .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("statusReason");
    task.setStatusReason(new CodeableConcept().setText("No carers free in Crowborough this week"));
    oakleaf.update().resource(task).execute();

    Task declined = oakleaf.read().resource(Task.class).withId(task.getIdElement().getIdPart()).execute();
    assertThat(declined.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
    assertThat(declined.getStatusReason().getText()).isEqualTo("No carers free in Crowborough this week");
    assertValid(declined);
    assertThat(driver.candidateGroup(driver.task(driver.handoff(caseId, "care-package").getId(), "user_respond")))
        .isEqualTo("bluebell-care-coordinators");
    IGenericClient bluebell = signedInAs(port, "bluebell-coordinator");
    assertThat(ofCase(bluebell, requested(bluebell, "bluebell-home-care"), reference))
        .as("the next partner's system sees it offered").isNotNull();
  }

  @Test
  void anotherOrganisationSeesNothingAndTasklistAndFhirNeverBothWorkOneTask() {
    IGenericClient pharmacySystem = signedInAs(port, "community-pharmacist");
    Task task = ofCase(pharmacySystem, requested(pharmacySystem, "elm-tree-pharmacy"), reference);
    String id = task.getIdElement().getIdPart();
    IGenericClient stranger = signedInAs(port, "social-worker"); // the county council had no part in this case

    assertThatThrownBy(() -> stranger.read().resource(Task.class).withId(id).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> stranger.update().resource(task.copy().setStatus(Task.TaskStatus.ACCEPTED)).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> stranger.read().resource(Patient.class).withId(caseId).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(requested(stranger, "elm-tree-pharmacy").getEntry()).as("its search finds nothing of theirs").isEmpty();
    IGenericClient manager = signedInAs(port, "manager");
    ServiceRequest seenByManager = (ServiceRequest) ofCase(manager, requested(manager, "elm-tree-pharmacy"), reference)
        .getFocus().getResource();
    assertThat(seenByManager.getNote()).as("managers see stages, never the request's clinical detail").isEmpty();
    assertThatThrownBy(() -> manager.read().resource(Patient.class).withId(caseId).execute())
        .isInstanceOf(ResourceNotFoundException.class);

    driver.complete(driver.handoff(caseId, "anticipatory-medicines").getId(), "user_respond", "response", "accept");

    IGenericClient pharmacy = signedInAs(port, "community-pharmacist");
    Task afterTasklist = pharmacy.read().resource(Task.class).withId(id).execute();
    afterTasklist.setStatus(Task.TaskStatus.REJECTED);
    afterTasklist.setStatusReason(new CodeableConcept().setText("Out of stock"));
    afterTasklist.setIdElement(afterTasklist.getIdElement().toUnqualifiedVersionless());
    assertThatThrownBy(() -> pharmacy.update().resource(afterTasklist).execute())
        .as("accepted in Tasklist already").isInstanceOf(ResourceVersionConflictException.class);
    task.setStatus(Task.TaskStatus.ACCEPTED);
    assertThatThrownBy(() -> pharmacy.update().resource(task).execute())
        .as("the version it read is stale").isInstanceOf(PreconditionFailedException.class);
  }
}
