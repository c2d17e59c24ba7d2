package org.carerelay.engine.handover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.escalation.Escalations;
import org.springframework.stereotype.Component;

/**
 * Records that a stage is late (input parameters {@code stage} and {@code level}) and tells who
 * must know: level 1 the partner's team, level 2 the hub (which also gets a chase task), level 3
 * the partnership managers and the partner's escalation contact.
 */
@Component("raiseEscalation")
class RaiseEscalation implements JavaDelegate {

  private final Escalations escalations;
  private final HandoverNotices notices;

  RaiseEscalation(Escalations escalations, HandoverNotices notices) {
    this.escalations = escalations;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Handoff handoff = new Handoff(execution);
    String stage = (String) execution.getVariableLocal("stage");
    int level = Integer.parseInt(String.valueOf(execution.getVariableLocal("level")));
    long id = escalations.raise(handoff.caseId(), handoff.id(), handoff.partner(), handoff.service(), stage, level);
    notices.escalation(handoff, stage, level, id);
  }
}
