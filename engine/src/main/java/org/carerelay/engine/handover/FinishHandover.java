package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.escalation.Escalations;
import org.carerelay.processes.handover.PartnerHandover.Outcome;
import org.springframework.stereotype.Component;

/**
 * Ends a hand-off with its outcome (input parameter {@code handoverOutcome}). On cancellation, by the hub
 * or because the calling pathway ended early (this bean also listens to the process's end), the
 * open request is closed, its escalations resolve as cancelled and the partner's team is told.
 */
@Component("finishHandover")
class FinishHandover implements JavaDelegate, ExecutionListener {

  private final HandoverAttempts attempts;
  private final Escalations escalations;
  private final HandoverNotices notices;

  FinishHandover(HandoverAttempts attempts, Escalations escalations, HandoverNotices notices) {
    this.attempts = attempts;
    this.escalations = escalations;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = (String) execution.getVariableLocal("handoverOutcome");
    execution.setVariable(Vars.OUTCOME, outcome);
    execution.setVariable(Vars.ENDED_AT, Date.from(HandoverAttempts.now().toInstant()));
    if (Outcome.COMPLETED.equals(outcome)) {
      // A service without a complete stage is done when the partner accepts.
      attempts.end(handoff(execution).id(), "completed", null);
    }
    if (Outcome.CANCELLED.equals(outcome)) {
      cancel(new Handoff(execution), new Handoff(execution).text(Vars.CANCEL_REASON));
    }
  }

  private static Handoff handoff(DelegateExecution execution) {
    return new Handoff(execution);
  }

  /**
   * The process instance ends: when it was deleted, its case ended early. When it ended because the
   * patient died, the partner hears it once, from the case's death notice, not also "no longer needed".
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      Handoff handoff = new Handoff(execution);
      if (handoff.patientDied()) {
        attempts.end(handoff.id(), "cancelled", "The patient died.");
        escalations.resolveOpen(handoff.id(), "cancelled");
      } else {
        cancel(handoff, "The case ended.");
      }
    }
  }

  private void cancel(Handoff handoff, String reason) {
    // The reason stays in the record; the partner is told in CareRelay's words only.
    String why = "The case ended.".equals(reason) ? reason : "The request was cancelled.";
    attempts.end(handoff.id(), "cancelled", reason)
        .ifPresent(attempt -> notices.released(handoff, attempt.team(), why, attempt.id()));
    escalations.resolveOpen(handoff.id(), "cancelled");
  }
}
