package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.escalation.Escalations;
import org.carerelay.processes.handover.PartnerHandover.HubDecision;
import org.springframework.stereotype.Component;

/**
 * Before routing again on the hub's word or because the partner became unavailable: ends the
 * request to the current partner (telling its team), resolves its escalations, and for the hub's
 * "ask every partner again" starts a new routing round.
 */
@Component("prepareReroute")
class PrepareReroute implements JavaDelegate {

  private final HandoverAttempts attempts;
  private final Escalations escalations;
  private final HandoverNotices notices;

  PrepareReroute(HandoverAttempts attempts, Escalations escalations, HandoverNotices notices) {
    this.attempts = attempts;
    this.escalations = escalations;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Handoff handoff = new Handoff(execution);
    String reason = handoff.text(Vars.REASSIGN_REASON);
    // The hub's reason stays in the record; the partner is told in CareRelay's words only.
    attempts.end(handoff.id(), "reassigned", reason).ifPresent(attempt -> notices.released(handoff, attempt.team(),
        "The coordination hub has moved it to another partner.", attempt.id()));
    escalations.resolveOpen(handoff.id(), "reassigned");
    execution.setVariable(Vars.ACCEPTED_PARTNER, null);
    if (HubDecision.RETRY.equals(handoff.text(Vars.HUB_DECISION))) {
      execution.setVariable(Vars.ROUTING_ROUND, (Integer) execution.getVariable(Vars.ROUTING_ROUND) + 1);
    }
    execution.removeVariable(Vars.HUB_DECISION);
  }
}
