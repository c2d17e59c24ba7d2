package org.carerelay.engine.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.carerelay.engine.partner.PartnerDirectory;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Component;

/** {@code Organization}: the partnership's members, from the partner directory (no patient data). */
@Component
class OrganizationProvider implements IResourceProvider {

  private final PartnerDirectory directory;
  private final FhirAccess access;
  private final FhirResources resources;

  OrganizationProvider(PartnerDirectory directory, FhirAccess access, FhirResources resources) {
    this.directory = directory;
    this.access = access;
    this.resources = resources;
  }

  @Override
  public Class<Organization> getResourceType() {
    return Organization.class;
  }

  @Read
  public Organization read(@IdParam IdType id) {
    access.caller();
    return directory.partners().stream().filter(partner -> partner.id().equals(id.getIdPart())).findFirst()
        .map(resources::organization).orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public List<Organization> all() {
    access.caller();
    return directory.partners().stream().map(resources::organization).toList();
  }
}
