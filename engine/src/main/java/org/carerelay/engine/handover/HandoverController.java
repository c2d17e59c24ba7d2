package org.carerelay.engine.handover;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The hub's actions on a running hand-off: reassign it to a named (or the next) partner, or cancel it. */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_carerelay-hub', 'GROUP_camunda-admin')")
class HandoverController {

  /** @param partner the organisation to ask now; null: the next partner in the routing table */
  record ReassignRequest(@Size(max = 64) String partner, @NotBlank @Size(max = 2000) String reason) {}

  record CancelRequest(@NotBlank @Size(max = 2000) String reason) {}

  private final HandoverActions actions;
  private final PartnerDirectory directory;

  HandoverController(HandoverActions actions, PartnerDirectory directory) {
    this.actions = actions;
    this.directory = directory;
  }

  @PostMapping("/api/handoffs/{handoffId}/reassign")
  ResponseEntity<Void> reassign(@PathVariable String handoffId, @Valid @RequestBody ReassignRequest request) {
    String service = actions.serviceOf(handoffId).orElseThrow(() -> noSuchHandoff(handoffId));
    String partner = request.partner() == null || request.partner().isBlank() ? null : request.partner().strip();
    if (partner != null && directory.offer(partner, service).isEmpty()) {
      throw new InvalidInput("The reassignment", new FieldProblem("partner",
          partner + " does not offer " + service + " in the partner directory"));
    }
    return answer(handoffId, actions.reassign(handoffId, partner, request.reason().strip()));
  }

  @PostMapping("/api/handoffs/{handoffId}/cancel")
  ResponseEntity<Void> cancel(@PathVariable String handoffId, @Valid @RequestBody CancelRequest request) {
    return answer(handoffId, actions.cancel(handoffId, request.reason().strip()));
  }

  private static ResponseEntity<Void> answer(String handoffId, HandoverActions.Result result) {
    return switch (result) {
      case DONE -> ResponseEntity.noContent().build();
      case NO_SUCH_HANDOFF -> throw noSuchHandoff(handoffId);
      case NOT_WAITING -> throw new ResponseStatusException(HttpStatus.CONFLICT,
          "Hand-off " + handoffId + " is not waiting on a partner or the hub right now");
    };
  }

  private static ResponseStatusException noSuchHandoff(String handoffId) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No running hand-off " + handoffId);
  }
}
