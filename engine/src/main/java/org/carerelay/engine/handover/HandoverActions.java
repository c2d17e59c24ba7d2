package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.partner.ServiceAvailabilityChanged;
import org.carerelay.processes.handover.PartnerHandover;
import org.carerelay.processes.handover.PartnerHandover.Elements;
import org.carerelay.processes.handover.PartnerHandover.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** What the hub, and a change of availability, do to running hand-offs. */
@Service
public class HandoverActions {

  /** What came of an action on a hand-off. */
  /** What became of a hub action. */
  public enum Result { DONE, NO_SUCH_HANDOFF, NOT_WAITING }

  private static final Logger LOG = LoggerFactory.getLogger(HandoverActions.class);

  private final RuntimeService runtime;

  HandoverActions(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The service a running hand-off asks for, or empty when no such hand-off runs. */
  Optional<String> serviceOf(String handoffId) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(handoffId)
        .processDefinitionKey(PartnerHandover.KEY).singleResult();
    return instance == null ? Optional.empty() : Optional.ofNullable((String) runtime.getVariable(handoffId, Vars.SERVICE));
  }

  /** Moves the hand-off to {@code partner}, or to the next partner when that is null. */
  @Transactional
  public Result reassign(String handoffId, String partner, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.REASSIGN_TO, partner);
    variables.put(Vars.REASSIGN_REASON, reason);
    return correlate(handoffId, Messages.REASSIGN, variables);
  }

  @Transactional
  public Result cancel(String handoffId, String reason) {
    return correlate(handoffId, Messages.CANCEL, Map.of(Vars.CANCEL_REASON, reason));
  }

  /**
   * Hand-offs still waiting for the partner's answer on a service that became unavailable move to
   * the next partner; work the partner already accepted stays with it. This runs once the
   * manager's change is committed, each hand-off on its own: one that cannot move is logged and
   * left where it is (its escalation ladder still runs), and neither undoes the change nor stops
   * the others.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onAvailabilityChanged(ServiceAvailabilityChanged change) {
    if (change.available()) {
      return;
    }
    String reason = "The partner marked " + change.service() + " unavailable: " + change.reason();
    for (ProcessInstance waiting : runtime.createProcessInstanceQuery()
        .processDefinitionKey(PartnerHandover.KEY)
        .variableValueEquals(Vars.PARTNER, change.organisation())
        .variableValueEquals(Vars.SERVICE, change.service())
        .activityIdIn(Elements.RESPOND, Elements.PROVIDE_INFORMATION)
        .list()) {
      try {
        Result result = reassign(waiting.getId(), null, reason);
        LOG.info("Hand-off {} re-routed away from {} ({})", waiting.getId(), change.organisation(), result);
      } catch (RuntimeException e) {
        LOG.warn("Hand-off {} could not be re-routed away from {}, which is now unavailable: {}", waiting.getId(),
            change.organisation(), e.getMessage());
      }
    }
  }

  private Result correlate(String handoffId, String message, Map<String, Object> variables) {
    if (runtime.createProcessInstanceQuery().processInstanceId(handoffId)
        .processDefinitionKey(PartnerHandover.KEY).count() == 0) {
      return Result.NO_SUCH_HANDOFF;
    }
    try {
      runtime.createMessageCorrelation(message).processInstanceId(handoffId).setVariables(variables).correlate();
      return Result.DONE;
    } catch (MismatchingMessageCorrelationException e) {
      return Result.NOT_WAITING;
    }
  }
}
