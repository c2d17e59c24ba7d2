package org.carerelay.engine.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code PUT /api/partners/{organisation}/services/{service}/availability}: managers and
 * administrators mark a service available or unavailable. New hand-offs skip an unavailable
 * service; open hand-offs waiting on it move to the next partner.
 */
@RestController
class AvailabilityController {

  /**
   * @param available whether the service takes hand-offs
   * @param reason why not (required when unavailable)
   * @param until when it becomes available again by itself (optional)
   */
  record AvailabilityRequest(@NotNull Boolean available, @Size(max = 500) String reason, OffsetDateTime until) {}

  /** The service's state after the change. */
  record AvailabilityResponse(String organisation, String service, boolean available, String reason,
      List<String> localities) {}

  private final ServiceAvailability availability;

  AvailabilityController(ServiceAvailability availability) {
    this.availability = availability;
  }

  @PutMapping("/api/partners/{organisation}/services/{service}/availability")
  @PreAuthorize("hasAnyAuthority('GROUP_carerelay-managers', 'GROUP_camunda-admin')")
  AvailabilityResponse change(@PathVariable String organisation, @PathVariable String service,
      @Valid @RequestBody AvailabilityRequest request, Principal principal) {
    if (!request.available() && (request.reason() == null || request.reason().isBlank())) {
      throw new InvalidInput("The change", new FieldProblem("reason", "say why the service is unavailable"));
    }
    if (request.until() != null && !request.until().toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())) {
      throw new InvalidInput("The change", new FieldProblem("until", "must be in the future"));
    }
    PartnerDirectory.Offer offer = availability.change(organisation, service, request.available(),
            request.available() ? null : request.reason().strip(), request.until(), principal.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            organisation + " does not offer " + service + " in the partner directory"));
    return new AvailabilityResponse(organisation, service, offer.available(), offer.unavailableReason(),
        offer.localities());
  }
}
