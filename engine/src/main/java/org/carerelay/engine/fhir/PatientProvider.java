package org.carerelay.engine.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/** {@code Patient}: a case's patient (id: the case), for the organisations involved in the case only. */
@Component
class PatientProvider implements IResourceProvider {

  private final FhirAccess access;
  private final FhirResources resources;
  private final HandoffFacts facts;

  PatientProvider(FhirAccess access, FhirResources resources, HandoffFacts facts) {
    this.access = access;
    this.resources = resources;
    this.facts = facts;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read
  public Patient read(@IdParam IdType id) {
    String caseId = id.getIdPart();
    if (facts.of(caseId, java.util.List.of("caseReference")).isEmpty() || !access.involved(access.caller(), caseId)) {
      throw new ResourceNotFoundException(id);
    }
    return resources.patient(caseId);
  }
}
