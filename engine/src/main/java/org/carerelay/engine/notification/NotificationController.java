package org.carerelay.engine.notification;

import java.util.List;
import java.util.Set;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The outbox for administrators: what was sent, what is waiting, what died, and a retry. */
@RestController
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class NotificationController {

  private static final Set<String> STATUSES = Set.of("pending", "sent", "dead");

  private final NotificationOutbox outbox;

  NotificationController(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/api/notifications")
  List<NotificationOutbox.Entry> list(@RequestParam(required = false) String status) {
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidInput("The query", new FieldProblem("status", "expected pending, sent or dead"));
    }
    return outbox.list(status);
  }

  @PostMapping("/api/notifications/{id}/retry")
  ResponseEntity<Void> retry(@PathVariable String id) {
    if (outbox.find(id).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No notification " + id);
    }
    if (!outbox.retry(id)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Notification " + id + " is not dead");
    }
    return ResponseEntity.noContent().build();
  }
}
