package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.escalation.Escalations;
import org.carerelay.processes.handover.PartnerHandover.Completion;
import org.carerelay.processes.handover.PartnerHandover.Response;
import org.carerelay.processes.handover.PartnerHandover.Stage;
import org.springframework.stereotype.Component;

/**
 * Records how a stage ended (input parameters {@code stage} and {@code result}: the partner's
 * answer, or {@code timed-out} at the hard deadline) and resolves the stage's open escalations.
 */
@Component("closeStage")
class CloseStage implements JavaDelegate {

  static final String TIMED_OUT = "timed-out";

  private final HandoverAttempts attempts;
  private final Escalations escalations;
  private final HandoverNotices notices;

  CloseStage(HandoverAttempts attempts, Escalations escalations, HandoverNotices notices) {
    this.attempts = attempts;
    this.escalations = escalations;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Handoff handoff = new Handoff(execution);
    Stage stage = Stage.of((String) execution.getVariableLocal("stage"));
    String result = (String) execution.getVariableLocal("result");
    Date now = Date.from(HandoverAttempts.now().toInstant());

    if (TIMED_OUT.equals(result)) {
      attempts.end(handoff.id(), TIMED_OUT, "missed the hard deadline of the " + stage.id + " stage")
          .ifPresent(attempt -> {
            notices.released(handoff, attempt.team(),
                "The " + stage.id + " stage passed its hard deadline; the request has moved to another partner.",
                attempt.id());
            notices.answered(handoff, attempt.id(), TIMED_OUT, null);
          });
      escalations.resolveOpen(handoff.id(), "moved-on");
      execution.setVariable(stage == Stage.RESPOND ? Vars.RESPONSE : Vars.COMPLETION, TIMED_OUT);
      execution.setVariable(Vars.ACCEPTED_PARTNER, null);
    } else if (stage == Stage.RESPOND && Response.ACCEPT.equals(result)) {
      attempts.accepted(handoff.id()).ifPresent(attempt -> notices.answered(handoff, attempt.id(), "accepted", null));
      escalations.resolveOpen(handoff.id(), "responded");
      execution.setVariable(Vars.ACCEPTED_PARTNER, handoff.partner());
      execution.setVariable(Vars.ACCEPTED_AT, now);
    } else if (stage == Stage.RESPOND) {
      attempts.end(handoff.id(), "declined", handoff.text(Vars.DECLINE_REASON))
          .ifPresent(attempt -> notices.answered(handoff, attempt.id(), "declined", handoff.text(Vars.DECLINE_REASON)));
      escalations.resolveOpen(handoff.id(), "declined");
    } else if (Completion.DONE.equals(result)) {
      attempts.end(handoff.id(), "completed", handoff.text(Vars.COMPLETION_NOTE))
          .ifPresent(attempt -> notices.answered(handoff, attempt.id(), "completed", handoff.text(Vars.COMPLETION_NOTE)));
      escalations.resolveOpen(handoff.id(), "completed");
      execution.setVariable(Vars.COMPLETED_AT, now);
    } else {
      attempts.end(handoff.id(), "unable", handoff.text(Vars.UNABLE_REASON))
          .ifPresent(attempt -> notices.answered(handoff, attempt.id(), "unable", handoff.text(Vars.UNABLE_REASON)));
      escalations.resolveOpen(handoff.id(), "unable");
      execution.setVariable(Vars.ACCEPTED_PARTNER, null);
    }
  }
}
