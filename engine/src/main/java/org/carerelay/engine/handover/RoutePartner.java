package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.decisions.DecisionTables;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.partner.PartnerDirectory.Offer;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.handover.PartnerHandover;
import org.springframework.stereotype.Component;

/**
 * Picks the partner to ask next: the first of the routing table's partners for the service and
 * locality that offers the service there, takes hand-offs now and has not been asked in this
 * round, or the partner the hub named. Opens an attempt for it, or, when nobody is left, sets
 * {@code partnerFound} false with a summary of who was asked and why each could not help.
 */
@Component("routePartner")
class RoutePartner implements JavaDelegate {

  private final DecisionTables decisions;
  private final PartnerDirectory directory;
  private final HandoverAttempts attempts;
  private final HandoverNotices notices;
  private final RequestDetails details;

  RoutePartner(DecisionTables decisions, PartnerDirectory directory, HandoverAttempts attempts,
      HandoverNotices notices, RequestDetails details) {
    this.decisions = decisions;
    this.directory = directory;
    this.attempts = attempts;
    this.notices = notices;
    this.details = details;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Handoff handoff = new Handoff(execution);
    requireInputs(handoff);
    if (execution.getVariable(Vars.REQUESTED_AT) == null) {
      execution.setProcessBusinessKey(handoff.caseReference());
      execution.setVariable(Vars.REQUESTED_AT, java.util.Date.from(HandoverAttempts.now().toInstant()));
      execution.setVariable(Vars.ROUTING_ROUND, 1);
    }
    if (execution.getVariable(Vars.PATHWAY) == null) {
      execution.setVariable(Vars.PATHWAY, "Partner hand-off");
    }
    if (execution.getVariable(Vars.REQUESTER_TEAM) == null) {
      execution.setVariable(Vars.REQUESTER_TEAM, Case.HUB_GROUP);
    }
    String service = handoff.service();
    execution.setVariable(Vars.SERVICE_NAME, directory.serviceName(service));
    execution.setVariable(Vars.REQUEST_DETAILS, details.of(handoff));
    String locality = handoff.text(Vars.LOCALITY);
    // Tasklist sends an empty field as "": that means "the next partner", not a partner named "".
    String typed = handoff.text(Vars.REASSIGN_TO);
    String named = typed == null || typed.isBlank() ? null : typed.strip();
    boolean chosenByHub = named != null;
    execution.removeVariable(Vars.REASSIGN_TO);
    int round = (Integer) execution.getVariable(Vars.ROUTING_ROUND);
    Set<String> asked = new java.util.HashSet<>(attempts.asked(handoff.id(), round));
    String excluded = handoff.text(Vars.EXCLUDED_PARTNERS);
    if (excluded != null) {
      asked.addAll(List.of(excluded.split("\\s*,\\s*")));
    }

    List<String> skipped = new ArrayList<>();
    List<String> candidates = chosenByHub ? List.of(named)
        : preferredFirst(handoff.text(Vars.PREFERRED_PARTNER), routingTable(service, locality));
    for (String partner : candidates) {
      if (!chosenByHub && asked.contains(partner)) {
        continue;
      }
      Optional<Offer> offer = directory.offer(partner, service);
      if (offer.isEmpty()) {
        skipped.add(partner + ": does not offer " + directory.serviceName(service) + " in the partner directory");
      } else if (!chosenByHub && !offer.get().covers(locality)) {
        skipped.add(offer.get().organisationName() + ": does not cover " + locality);
      } else if (!offer.get().available()) {
        skipped.add(offer.get().organisationName() + ": unavailable (" + offer.get().unavailableReason() + ")");
      } else {
        ask(execution, handoff, round, offer.get());
        return;
      }
    }
    execution.setVariable(Vars.PARTNER_FOUND, false);
    execution.setVariable(Vars.PARTNER, null);
    execution.setVariable(Vars.PARTNER_NAME, null);
    execution.setVariable(Vars.PARTNER_TEAM, null);
    List<HandoverAttempts.Attempt> history = attempts.all(handoff.id());
    execution.setVariable(Vars.ATTEMPT_SUMMARY, summary(history, skipped));
    Object decideWithin = decisions.firstRow(PartnerHandover.SERVICE_LEVEL_DECISION,
        Map.of(Vars.SERVICE, service, Vars.URGENCY, handoff.text(Vars.URGENCY), "stage", "hub-decision")).get("dueIn");
    execution.setVariable(Vars.NO_PARTNER_DUE_AT, java.util.Date.from(
        HandoverAttempts.now().toInstant().plus(java.time.Duration.parse(String.valueOf(decideWithin)))));
    notices.noPartner(handoff, round, history.size());
  }

  private void ask(DelegateExecution execution, Handoff handoff, int round, Offer offer) {
    attempts.open(handoff.id(), handoff.caseId(), round, offer.organisation(), offer.team(), offer.service());
    execution.setVariable(Vars.PARTNER_FOUND, true);
    execution.setVariable(Vars.PARTNER, offer.organisation());
    execution.setVariable(Vars.PARTNER_NAME, offer.organisationName());
    execution.setVariable(Vars.PARTNER_TEAM, offer.team());
    // Answers belong to one partner; the next partner starts with none.
    for (String answer : List.of(Vars.RESPONSE, Vars.DECLINE_REASON, Vars.INFORMATION_REQUEST,
        Vars.ADDITIONAL_INFORMATION, Vars.COMPLETION, Vars.COMPLETION_NOTE, Vars.UNABLE_REASON, Vars.TRIAGE_DECISION)) {
      execution.removeVariable(answer);
    }
  }

  /** A hand-off cannot be routed without these; the caller gets a 400 naming the missing one. */
  private static void requireInputs(Handoff handoff) {
    for (String name : List.of(Vars.CASE_REFERENCE, Vars.SERVICE, Vars.URGENCY, Vars.LOCALITY)) {
      String value = handoff.text(name);
      if (value == null || value.isBlank()) {
        throw new InvalidInput("The hand-off", new FieldProblem(name, "is required to start a partner hand-off"));
      }
    }
    String urgency = handoff.text(Vars.URGENCY);
    if (!urgency.equals("routine") && !urgency.equals("urgent")) {
      throw new InvalidInput("The hand-off", new FieldProblem(Vars.URGENCY, "expected routine or urgent, not " + urgency));
    }
  }

  /** A partner that already knows the patient before the table's partners; it still must offer, cover and be available. */
  private static List<String> preferredFirst(String preferred, List<String> table) {
    if (preferred == null || preferred.isBlank()) {
      return table;
    }
    List<String> candidates = new ArrayList<>(List.of(preferred.strip()));
    table.stream().filter(partner -> !partner.equals(preferred.strip())).forEach(candidates::add);
    return candidates;
  }

  /** The routing table's partners for the service and locality, most preferred first. */
  private List<String> routingTable(String service, String locality) {
    return decisions.rows(PartnerHandover.ROUTING_DECISION, Map.of(Vars.SERVICE, service, Vars.LOCALITY, locality))
        .stream()
        .sorted(Comparator.comparing(entry -> ((Number) entry.get("preference")).intValue()))
        .map(entry -> (String) entry.get("partner"))
        .distinct()
        .toList();
  }

  private String summary(List<HandoverAttempts.Attempt> asked, List<String> skipped) {
    StringBuilder text = new StringBuilder();
    for (HandoverAttempts.Attempt attempt : asked) {
      String name = directory.organisationName(attempt.partner()).orElse(attempt.partner());
      text.append("- ").append(name).append(": ").append(attempt.result());
      if (attempt.reason() != null && !attempt.reason().isBlank()) {
        text.append(" (").append(attempt.reason()).append(')');
      }
      text.append('\n');
    }
    skipped.forEach(line -> text.append("- ").append(line).append(" (not asked)\n"));
    return text.length() == 0 ? "- no partner is listed for this service and locality\n" : text.toString();
  }
}
