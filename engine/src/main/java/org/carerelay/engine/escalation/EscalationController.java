package org.carerelay.engine.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.security.Callers;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Escalations over REST. The hub, managers and administrators see the whole partnership; partner
 * staff see only the escalations of their own organisation's hand-offs.
 */
@RestController
class EscalationController {

  private final Escalations escalations;
  private final PartnerDirectory directory;

  EscalationController(Escalations escalations, PartnerDirectory directory) {
    this.escalations = escalations;
    this.directory = directory;
  }

  @GetMapping("/api/escalations")
  List<Escalations.Escalation> list(@RequestParam(defaultValue = "all") String status, Authentication caller) {
    Escalations.Status wanted;
    try {
      wanted = Escalations.Status.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("The query", new FieldProblem("status", "expected open, resolved or all"));
    }
    return escalations.list(wanted, visiblePartners(caller));
  }

  @GetMapping("/api/cases/{processInstanceId}/escalations")
  List<Escalations.Escalation> ofCase(@PathVariable String processInstanceId, Authentication caller) {
    return escalations.ofCase(processInstanceId, visiblePartners(caller));
  }

  /** Null: every partner. */
  private Set<String> visiblePartners(Authentication caller) {
    return Callers.seesWholePartnership(caller) ? null : directory.organisationsOfGroups(Callers.groups(caller));
  }
}
