package org.carerelay.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;

/** A partner's own system, as the tests drive it: HAPI's generic client signed in as one of its users. */
final class FhirPartnerSystem {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  private FhirPartnerSystem() {}

  static IGenericClient signedInAs(int port, String user) {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir/r4");
    client.registerInterceptor(new BasicAuthInterceptor(user, "demo"));
    return client;
  }

  /** The organisation's requested Tasks, with their ServiceRequests. */
  static Bundle requested(IGenericClient client, String organisation) {
    return client.search().forResource(Task.class)
        .where(Task.OWNER.hasId("Organization/" + organisation))
        .and(Task.STATUS.exactly().code("requested"))
        .include(Task.INCLUDE_FOCUS)
        .returnBundle(Bundle.class).execute();
  }

  /** The requested Task of this case, paging through the search's answer as a partner system does. */
  static Task ofCase(IGenericClient client, Bundle bundle, String caseReference) {
    for (Bundle page = bundle; page != null;
        page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute()) {
      var found = page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(Task.class::isInstance).map(Task.class::cast)
          .filter(task -> task.getIdentifier().stream().anyMatch(id -> caseReference.equals(id.getValue())))
          .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new AssertionError("no requested Task of " + caseReference);
  }

  /** Validates against the FHIR R4 base specification (UK Core profiles are not available offline). */
  static void assertValid(IBaseResource resource) {
    synchronized (FhirPartnerSystem.class) {
      if (validator == null) {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR));
        validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
      }
    }
    List<String> errors = validator.validateWithResult(resource).getMessages().stream()
        .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
            || message.getSeverity() == ResultSeverityEnum.FATAL)
        .map(message -> message.getLocationString() + ": " + message.getMessage()).toList();
    assertThat(errors).as(FHIR.newJsonParser().encodeResourceToString(resource)).isEmpty();
  }
}
