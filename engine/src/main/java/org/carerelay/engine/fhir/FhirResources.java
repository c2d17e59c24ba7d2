package org.carerelay.engine.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.carerelay.engine.partner.PartnerDirectory;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** CareRelay's records as FHIR R4 resources: what each field means is in the README's FHIR section. */
@Component
class FhirResources {

  static final String SERVICE_SYSTEM = "https://carerelay.example/fhir/CodeSystem/service";
  static final String STAGE_SYSTEM = "https://carerelay.example/fhir/CodeSystem/stage";
  static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
  static final String CASE_REFERENCE = "https://carerelay.example/fhir/Id/case-reference";

  static final List<String> HANDOFF_FACTS = List.of("caseReference", "urgency", "requesterTeam", "requestSummary",
      "requestDetails", "respondDueAt", "completeDueAt", "patientInitials", "acceptedPartner", "outcome",
      "completionNote", "service");
  private static final List<String> PATIENT_FACTS = List.of("patientName", "dateOfBirth", "nhsNumber",
      "caseReference");

  private final PartnerDirectory directory;
  private final HandoffFacts facts;
  private final JdbcClient jdbc;

  FhirResources(PartnerDirectory directory, HandoffFacts facts, JdbcClient jdbc) {
    this.directory = directory;
    this.facts = facts;
    this.jdbc = jdbc;
  }

  Task task(Offers.Offer offer) {
    Map<String, Object> handoff = facts.of(offer.handoffId(), HANDOFF_FACTS);
    Task task = new Task();
    task.setId(new org.hl7.fhir.r4.model.IdType("Task", String.valueOf(offer.id()), offer.version()));
    task.getMeta().setVersionId(offer.version()).setLastUpdated(Date.from(offer.lastModified().toInstant()));
    task.addIdentifier().setSystem(CASE_REFERENCE).setValue((String) handoff.get("caseReference"));
    task.setStatus(Task.TaskStatus.fromCode(offer.status()));
    task.setIntent(Task.TaskIntent.ORDER);
    task.setPriority("urgent".equals(handoff.get("urgency")) ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE);
    task.setBusinessStatus(businessStatus(offer));
    task.setCode(service(offer.service()));
    task.setDescription(directory.serviceName(offer.service()) + " for " + handoff.get("caseReference"));
    task.setFocus(new Reference("ServiceRequest/" + offer.handoffId()));
    task.setFor(new Reference("Patient/" + offer.caseId()).setDisplay((String) handoff.get("patientInitials")));
    task.setOwner(organisation(offer.partner()));
    String requester = requesterOrganisation((String) handoff.get("requesterTeam"));
    if (requester != null) {
      task.setRequester(organisation(requester));
    }
    task.setAuthoredOn(Date.from(offer.startedAt().toInstant()));
    task.setLastModified(Date.from(offer.lastModified().toInstant()));
    Object due = offer.acceptedAt() == null ? handoff.get("respondDueAt") : handoff.get("completeDueAt");
    if (due instanceof Date dueAt && offer.result() == null) {
      task.getRestriction().setPeriod(new Period().setEnd(dueAt));
    }
    if (offer.reason() != null && !"completed".equals(offer.result())) {
      task.setStatusReason(new CodeableConcept().setText(offer.reason()));
    }
    if ("completed".equals(offer.result())) {
      task.addOutput().setType(new CodeableConcept().setText("Completion note"))
          .setValue(new StringType(offer.reason() == null ? "Done" : offer.reason()));
    }
    return task;
  }

  ServiceRequest serviceRequest(String handoffId, String caseId, String service, boolean withDetails) {
    Map<String, Object> handoff = facts.of(handoffId, HANDOFF_FACTS);
    ServiceRequest request = new ServiceRequest();
    request.setId("ServiceRequest/" + handoffId);
    request.addIdentifier().setSystem(CASE_REFERENCE).setValue((String) handoff.get("caseReference"));
    String outcome = (String) handoff.get("outcome");
    request.setStatus(!facts.ended(handoffId) ? ServiceRequest.ServiceRequestStatus.ACTIVE
        : "completed".equals(outcome) ? ServiceRequest.ServiceRequestStatus.COMPLETED
        : ServiceRequest.ServiceRequestStatus.REVOKED);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.setCode(service(service));
    request.setPriority("urgent".equals(handoff.get("urgency")) ? ServiceRequest.ServiceRequestPriority.URGENT
        : ServiceRequest.ServiceRequestPriority.ROUTINE);
    request.setSubject(new Reference("Patient/" + caseId).setDisplay((String) handoff.get("patientInitials")));
    String requester = requesterOrganisation((String) handoff.get("requesterTeam"));
    if (requester != null) {
      request.setRequester(organisation(requester));
    }
    if (handoff.get("acceptedPartner") instanceof String accepted) {
      request.addPerformer(organisation(accepted));
    }
    if (withDetails) {
      if (handoff.get("requestSummary") instanceof String summary && !summary.isBlank()) {
        request.addNote(new Annotation().setText(summary));
      }
      if (handoff.get("requestDetails") instanceof String details && !details.isBlank()) {
        request.addNote(new Annotation().setText(details));
      }
    }
    return request;
  }

  Organization organization(PartnerDirectory.Partner partner) {
    Organization organization = new Organization();
    organization.setId("Organization/" + partner.id());
    organization.setActive(true);
    organization.setName(partner.name());
    organization.addType(new CodeableConcept().setText(partner.kind()));
    return organization;
  }

  Patient patient(String caseId) {
    Map<String, Object> values = facts.of(caseId, PATIENT_FACTS);
    Patient patient = new Patient();
    patient.setId("Patient/" + caseId);
    if (values.get("nhsNumber") instanceof String nhs && !nhs.isBlank()) {
      patient.addIdentifier(new Identifier().setSystem(NHS_NUMBER).setValue(nhs.replaceAll("\\D", "")));
    }
    patient.addIdentifier(new Identifier().setSystem(CASE_REFERENCE).setValue((String) values.get("caseReference")));
    if (values.get("patientName") instanceof String name) {
      patient.addName(new HumanName().setText(name));
    }
    Object born = values.get("dateOfBirth");
    if (born instanceof String text && text.length() >= 10) {
      patient.setBirthDateElement(new DateType(text.substring(0, 10)));
    } else if (born instanceof Date date) {
      patient.setBirthDate(date);
    }
    return patient;
  }

  private CodeableConcept businessStatus(Offers.Offer offer) {
    if (offer.result() != null) {
      return new CodeableConcept(new Coding(STAGE_SYSTEM, "ended", "Ended")).setText("Ended: " + offer.result());
    }
    Integer level = jdbc.sql("select max(level) from handover_escalation where handoff_id = ? and resolved_at is null")
        .param(offer.handoffId()).query(Integer.class).optional().orElse(null);
    boolean respond = offer.acceptedAt() == null;
    String text = (respond ? "Waiting for an answer" : "Accepted, being done")
        + (level == null ? "" : "; escalated to level " + level);
    return new CodeableConcept(new Coding(STAGE_SYSTEM, respond ? "respond" : "complete",
        respond ? "Waiting for an answer" : "Accepted, being done")).setText(text);
  }

  private CodeableConcept service(String service) {
    String name = directory.serviceName(service);
    return new CodeableConcept(new Coding(SERVICE_SYSTEM, service, name)).setText(name);
  }

  private Reference organisation(String id) {
    return new Reference("Organization/" + id).setDisplay(directory.organisationName(id).orElse(id));
  }

  private String requesterOrganisation(String team) {
    if (team == null) {
      return null;
    }
    return directory.organisationsOfGroups(List.of(team)).stream().findFirst().orElse(null);
  }
}
