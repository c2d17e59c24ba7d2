package org.carerelay.engine.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** {@code ServiceRequest}: one per hand-off, for the organisations it was offered to (and the hub). */
@Component
class ServiceRequestProvider implements IResourceProvider {

  private final Offers offers;
  private final FhirAccess access;
  private final FhirResources resources;

  ServiceRequestProvider(Offers offers, FhirAccess access, FhirResources resources) {
    this.offers = offers;
    this.access = access;
    this.resources = resources;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Read
  public ServiceRequest read(@IdParam IdType id) {
    FhirAccess.Caller caller = access.caller();
    var offer = offers.search(new Offers.Search(access.teams(caller), null, null, id.getIdPart(), null, null))
        .stream().findFirst().orElseThrow(() -> new ResourceNotFoundException(id));
    return resources.serviceRequest(offer.handoffId(), offer.caseId(), offer.service(),
        access.readsRequestDetails(caller));
  }
}
