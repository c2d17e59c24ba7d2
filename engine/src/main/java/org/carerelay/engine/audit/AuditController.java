package org.carerelay.engine.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.engine.time.UnreadableTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who has seen or changed a patient's case, for administrators and information governance:
 * {@code GET /api/audit?caseId=&user=&from=&to=} and {@code GET /api/cases/{caseId}/audit}.
 */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_carerelay-governance')")
class AuditController {

  private static final int MOST = 1000;

  private final AuditTrail trail;
  private final PartnershipTime time;

  AuditController(AuditTrail trail, PartnershipTime time) {
    this.trail = trail;
    this.time = time;
  }

  @GetMapping("/api/audit")
  List<AuditTrail.Event> find(@RequestParam(required = false) String caseId, @RequestParam(required = false) String user,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return trail.find(caseId, user, moment("from", from), moment("to", to), MOST);
  }

  /** Who has seen this patient's record, newest first. */
  @GetMapping("/api/cases/{caseId}/audit")
  List<AuditTrail.Event> ofCase(@PathVariable String caseId) {
    return trail.find(caseId, null, null, null, MOST);
  }

  private OffsetDateTime moment(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return time.dateTime(text);
    } catch (UnreadableTime e) {
      throw new InvalidInput("The query", new FieldProblem(field, e.getMessage()));
    }
  }
}
