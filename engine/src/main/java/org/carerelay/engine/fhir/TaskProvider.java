package org.carerelay.engine.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task}: one per offer of a hand-off to a partner. A partner system finds its requested
 * Tasks ({@code Task?owner=Organization/{id}&status=requested}), reads them with their
 * ServiceRequest ({@code _include=Task:focus}), and accepts, declines or completes them with
 * {@code PUT} ({@link TaskUpdates}).
 */
@Component
class TaskProvider implements IResourceProvider {

  private final Offers offers;
  private final FhirAccess access;
  private final FhirResources resources;
  private final TaskUpdates updates;

  TaskProvider(Offers offers, FhirAccess access, FhirResources resources, TaskUpdates updates) {
    this.offers = offers;
    this.access = access;
    this.resources = resources;
    this.updates = updates;
  }

  @Override
  public Class<Task> getResourceType() {
    return Task.class;
  }

  @Read
  public Task read(@IdParam IdType id) {
    return resources.task(visible(id));
  }

  @Search
  public IBundleProvider search(@OptionalParam(name = Task.SP_OWNER) ReferenceParam owner,
      @OptionalParam(name = Task.SP_STATUS) TokenParam status,
      @OptionalParam(name = Task.SP_FOCUS) ReferenceParam focus,
      @OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
      @IncludeParam(allow = {"Task:focus"}) Set<Include> includes) {
    FhirAccess.Caller caller = access.caller();
    OffsetDateTime after = lastUpdated == null || lastUpdated.getLowerBoundAsInstant() == null ? null
        : lastUpdated.getLowerBoundAsInstant().toInstant().atOffset(ZoneOffset.UTC);
    List<Offers.Offer> found = offers.search(new Offers.Search(access.teams(caller),
        owner == null ? null : owner.getIdPart(), status == null ? null : status.getValue(),
        focus == null ? null : focus.getIdPart(), patient == null ? null : patient.getIdPart(), after));
    boolean withFocus = includes != null && includes.stream().anyMatch(include -> "Task:focus".equals(include.getValue()));
    boolean details = access.readsRequestDetails(caller);
    return new OfferBundle(found, offer -> {
      Task task = resources.task(offer);
      if (withFocus) {
        task.getFocus().setResource(resources.serviceRequest(offer.handoffId(), offer.caseId(), offer.service(), details));
      }
      return task;
    });
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Task changed, HttpServletRequest request) {
    Offers.Offer offer = visible(id);
    updates.apply(offer, changed, request.getHeader("If-Match"), access.caller());
    Task now = resources.task(offers.byId(offer.id()).orElseThrow());
    return new MethodOutcome(now.getIdElement(), false).setResource(now);
  }

  /** The offer, if the caller may see it; another organisation's is not found, as in Tasklist. */
  private Offers.Offer visible(IdType id) {
    long number;
    try {
      number = Long.parseLong(id.getIdPart());
    } catch (NumberFormatException e) {
      throw new ResourceNotFoundException(id);
    }
    FhirAccess.Caller caller = access.caller();
    return offers.byId(number).filter(offer -> access.sees(caller, offer))
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }
}
