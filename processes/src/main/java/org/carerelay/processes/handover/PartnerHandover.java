package org.carerelay.processes.handover;

import org.carerelay.processes.cases.Case;

/**
 * The reusable hand-off block ({@code processes/partner-handover/partner-handover.bpmn}): one
 * request from a pathway to a partner service. It routes to the partners a DMN table names for
 * the service and locality, skipping unavailable and already-tried ones; asks the partner's team
 * to respond (accept, decline, ask for more information) and then to complete; escalates each
 * stage that runs late; and moves to the next partner on a decline, an "unable" or a missed hard
 * deadline. When nobody is left the coordination hub decides.
 *
 * <p>Pathways call it as a call activity; the names here are the contract with them and with code.
 */
public final class PartnerHandover {

  public static final String KEY = "partner-handover";
  public static final String ROUTING_DECISION = "handover-routing";
  public static final String SERVICE_LEVEL_DECISION = "handover-service-levels";

  /** Messages the hub and the availability service send to a running hand-off. */
  public static final class Messages {
    /** Move to a named partner ({@link Vars#REASSIGN_TO}) or, without one, to the next partner. */
    public static final String REASSIGN = "handover-reassign";
    /** Stop the hand-off ({@link Vars#CANCEL_REASON}). */
    public static final String CANCEL = "handover-cancel";

    private Messages() {}
  }

  /** Process variables. */
  public static final class Vars extends Case.Vars {
    // Inputs from the calling pathway.
    public static final String SERVICE = "service";
    public static final String REQUEST_SUMMARY = "requestSummary";
    /** The service as people name it, from the partner directory. */
    public static final String SERVICE_NAME = "serviceName";
    /** The facts of the case the service needs (partner directory), one "Label: value" per line. */
    public static final String REQUEST_DETAILS = "requestDetails";

    // The partner currently asked.
    public static final String PARTNER = "partner";
    public static final String PARTNER_NAME = "partnerName";
    public static final String PARTNER_TEAM = "partnerTeam";
    public static final String PARTNER_FOUND = "partnerFound";
    public static final String ROUTING_ROUND = "routingRound";
    /** Who was asked and why each failed, for the hub. */
    public static final String ATTEMPT_SUMMARY = "attemptSummary";
    /** When the hub must have decided what happens to a hand-off no partner is left for. */
    public static final String NO_PARTNER_DUE_AT = "noPartnerDueAt";

    /** Set from the service-level table: false when the hand-off ends as the partner accepts. */
    public static final String COMPLETE_STAGE = "completeStage";
    /** Partners a hand-off must not ask (comma-separated organisation ids), e.g. the hospice that wait-listed. */
    public static final String EXCLUDED_PARTNERS = "excludedPartners";
    /**
     * A partner that already knows the patient (organisation id), asked first when it offers the
     * service in the locality and is available; the routing table's order follows.
     */
    public static final String PREFERRED_PARTNER = "preferredPartner";

    // The partner's answers.
    public static final String RESPONSE = "response";
    public static final String DECLINE_REASON = "declineReason";
    public static final String INFORMATION_REQUEST = "informationRequest";
    public static final String ADDITIONAL_INFORMATION = "additionalInformation";
    public static final String COMPLETION = "completion";
    public static final String COMPLETION_NOTE = "completionNote";
    public static final String UNABLE_REASON = "unableReason";
    /** A hospice's triage decision when it accepts a hospice-inpatient referral. */
    public static final String TRIAGE_DECISION = "triageDecision";

    // The hub's decisions.
    public static final String HUB_DECISION = "hubDecision";
    public static final String REASSIGN_TO = "reassignTo";
    public static final String REASSIGN_REASON = "reassignReason";
    public static final String CANCEL_REASON = "cancelReason";
    public static final String CHASE_NOTE = "chaseNote";
    /** After a chase: {@code chased} (leave it), {@code reassign} or {@code cancel}. */
    public static final String CHASE_OUTCOME = "chaseOutcome";

    // Outputs to the calling pathway.
    public static final String ACCEPTED_PARTNER = "acceptedPartner";
    public static final String OUTCOME = "outcome";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String COMPLETED_AT = "completedAt";
    public static final String ENDED_AT = "endedAt";

    private Vars() {}

    /** The service-level variables of a stage, e.g. {@code respondDueIn}, set before the stage starts. */
    public static String dueIn(Stage stage) {
      return stage.id + "DueIn";
    }

    public static String chaseIn(Stage stage) {
      return stage.id + "ChaseIn";
    }

    public static String managersIn(Stage stage) {
      return stage.id + "ManagersIn";
    }

    public static String moveOnIn(Stage stage) {
      return stage.id + "MoveOnIn";
    }

    public static String dueAt(Stage stage) {
      return stage.id + "DueAt";
    }
  }

  /** The two stages a partner goes through. */
  public enum Stage {
    RESPOND("respond"), COMPLETE("complete");

    public final String id;

    Stage(String id) {
      this.id = id;
    }

    public static Stage of(String id) {
      for (Stage stage : values()) {
        if (stage.id.equals(id)) {
          return stage;
        }
      }
      throw new IllegalArgumentException("Unknown hand-off stage " + id);
    }
  }

  /** Values of {@link Vars#RESPONSE}. */
  public static final class Response {
    public static final String ACCEPT = "accept";
    public static final String DECLINE = "decline";
    public static final String MORE_INFORMATION = "more-information";

    private Response() {}
  }

  /** Values of {@link Vars#COMPLETION}. */
  public static final class Completion {
    public static final String DONE = "done";
    public static final String UNABLE = "unable";

    private Completion() {}
  }

  /** Values of {@link Vars#HUB_DECISION} in the "no partner available" task. */
  public static final class HubDecision {
    public static final String REASSIGN = "reassign";
    public static final String RETRY = "retry";
    public static final String NO_PARTNER = "no-partner";
    public static final String CANCEL = "cancel";

    private HubDecision() {}
  }

  /** Values of {@link Vars#OUTCOME}. */
  public static final class Outcome {
    public static final String COMPLETED = "completed";
    public static final String NO_PARTNER = "no-partner";
    public static final String CANCELLED = "cancelled";

    private Outcome() {}
  }

  /** Element ids that code and tests name. */
  public static final class Elements {
    public static final String START = "start_handover";
    public static final String ROUTE_PARTNER = "service_route_partner";
    public static final String RESPOND = "user_respond";
    public static final String PROVIDE_INFORMATION = "user_provide_information";
    public static final String COMPLETE = "user_complete";
    public static final String CHASE_RESPOND = "user_chase_respond";
    public static final String CHASE_COMPLETE = "user_chase_complete";
    public static final String NO_PARTNER_AVAILABLE = "user_no_partner_available";
    public static final String RESPOND_STAGE = "sub_respond";
    public static final String COMPLETE_STAGE = "sub_complete";
    public static final String END_COMPLETED = "end_completed";
    public static final String END_NO_PARTNER = "end_no_partner";
    public static final String END_CANCELLED = "end_cancelled";

    private Elements() {}
  }

  /** What each user task must produce: required fields of its form (checked by a build test). */
  public static final java.util.Map<String, java.util.List<String>> TASK_OUTPUTS = java.util.Map.of(
      Elements.START, java.util.List.of(Vars.SERVICE, Vars.LOCALITY, Vars.URGENCY, Vars.CASE_REFERENCE,
          Vars.REQUEST_SUMMARY),
      Elements.RESPOND, java.util.List.of(Vars.RESPONSE),
      Elements.PROVIDE_INFORMATION, java.util.List.of(Vars.ADDITIONAL_INFORMATION),
      Elements.COMPLETE, java.util.List.of(Vars.COMPLETION),
      Elements.CHASE_RESPOND, java.util.List.of(Vars.CHASE_NOTE, Vars.CHASE_OUTCOME),
      Elements.CHASE_COMPLETE, java.util.List.of(Vars.CHASE_NOTE, Vars.CHASE_OUTCOME),
      Elements.NO_PARTNER_AVAILABLE, java.util.List.of(Vars.HUB_DECISION));

  private PartnerHandover() {}
}
