package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.carerelay.engine.notification.NotificationOutbox;
import org.carerelay.engine.notification.NotificationOutbox.Channel;
import org.carerelay.engine.notification.NotificationOutbox.Notification;
import org.carerelay.engine.notification.NotificationProperties;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.partner.PartnerDirectory.Contacts;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.handover.PartnerHandover.Stage;
import org.springframework.stereotype.Component;

/**
 * The messages a hand-off sends, through the outbox: by mail, and by webhook to partners with a
 * system of their own.
 * <ul>
 *   <li>to the partner's team: a request offered to it (first partner, fallback or moved to it by
 *       the hub), with a link that opens the task in Tasklist; a reminder when it is late; a
 *       withdrawal when it no longer needs the team;
 *   <li>to the referring team: what happened to its request (accepted, declined with the partner's
 *       advice, moved on, overdue, done, nobody available), with a link to the case;
 *   <li>to the hub and managers: chases and escalations.
 * </ul>
 * They name the case reference, the service in words, the urgency and due times day first in the
 * partnership's zone. Patient details and free text go only to organisations whose directory entry
 * says their mail is secure; the hub's own notes are never sent.
 */
@Component
class HandoverNotices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationOutbox outbox;
  private final PartnerDirectory directory;
  private final NotificationProperties properties;
  private final PartnershipTime time;

  /** The offer a webhook is about, for its FHIR Task ({@code /fhir/r4/Task/{id}}). */
  private final HandoverAttempts attempts;

  HandoverNotices(NotificationOutbox outbox, PartnerDirectory directory, NotificationProperties properties,
      PartnershipTime time, HandoverAttempts attempts) {
    this.attempts = attempts;
    this.outbox = outbox;
    this.directory = directory;
    this.properties = properties;
    this.time = time;
  }

  /** Tells the partner's team that a request waits for it in Tasklist: the task {@code taskId}. */
  void offered(Handoff handoff, String taskId) {
    directory.contacts(handoff.partnerTeam()).ifPresent(contacts -> {
      boolean again = handoff.text(Vars.ADDITIONAL_INFORMATION) != null;
      String subject = (again ? "More information: " : "New request: ") + what(handoff);
      String body = (again ? "The referrer has answered your question about this request."
          : "Your team is asked for " + handoff.serviceName() + ".")
          + "\n\nUrgency: " + handoff.text(Vars.URGENCY)
          + "\nRespond by: " + due(handoff, Stage.RESPOND)
          + "\nRequested by: " + requester(handoff);
      if (contacts.secureMail()) {
        body += details(handoff);
      }
      toPartner("offered:" + taskId, contacts, contacts.mailOffers() ? contacts.mailbox() : null, subject, body,
          handoff, taskLink(taskId));
    });
  }

  void escalation(Handoff handoff, String stage, int level, long escalationId) {
    String what = handoff.serviceName() + " (" + stage + ") for case " + handoff.caseReference();
    String key = "escalation:" + escalationId;
    String due = "Due: " + due(handoff, Stage.of(stage));
    Optional<Contacts> partner = directory.contacts(handoff.partnerTeam());
    switch (level) {
      case 1 -> {
        partner.ifPresent(contacts -> toPartner(key, contacts, contacts.mailbox(), "Reminder: " + what + " is overdue",
            "The " + stage + " stage of this request to your team has passed its service level. " + due, handoff,
            caseLink(handoff)));
        toReferrer(key, handoff, "Overdue: " + what(handoff) + " with " + handoff.partnerName(),
            handoff.partnerName() + " has not " + (Stage.of(stage) == Stage.RESPOND ? "answered" : "done")
                + " this request within its service level. They have been reminded; the hub chases next. " + due,
            null);
      }
      case 2 -> toPartnership(key, properties.hubMailbox(), "Chase " + handoff.partnerName() + ": " + what
          + " is overdue", "A chase task is waiting in the coordination hub's Tasklist. " + due, handoff);
      default -> {
        String subject = "Escalation: " + what + " with " + handoff.partnerName() + " is still overdue";
        String body = "The hub has chased; the request is still not done. At its hard deadline it moves to the next"
            + " partner. " + due;
        toPartnership(key, properties.managersMailbox(), subject, body, handoff);
        partner.ifPresent(contacts -> toPartner(key, contacts, contacts.escalationMailbox(), subject, body, handoff,
            caseLink(handoff)));
      }
    }
  }

  /** Tells a partner's team that the hand-off no longer needs it; {@code why} is CareRelay's own words. */
  void released(Handoff handoff, String team, String why, long attemptId) {
    directory.contacts(team).ifPresent(contacts -> toPartner("released:" + attemptId, contacts, contacts.mailbox(),
        "No longer needed: " + what(handoff), "Your team no longer needs to act on this request. " + why, handoff,
        properties.baseUrl() + "/"));
  }

  void noPartner(Handoff handoff, int round, int attempts) {
    String key = "no-partner:" + handoff.id() + ":" + round + ":" + attempts;
    toPartnership(key, properties.hubMailbox(), "No partner available: " + what(handoff),
        "Every partner was asked or is unavailable. A task is waiting in the coordination hub's Tasklist.", handoff);
    toReferrer(key, handoff, "No partner available yet: " + what(handoff),
        "Every partner was asked or is unavailable. The coordination hub is deciding what happens next.", null);
  }

  /** Tells the referring team what a partner answered; {@code advice} is the partner's words to it. */
  void answered(Handoff handoff, long attemptId, String result, String advice) {
    String partner = handoff.partnerName();
    String subject;
    String body;
    switch (result) {
      case "accepted" -> {
        subject = "Accepted: " + what(handoff) + " by " + partner;
        body = partner + " has accepted this request.";
      }
      case "declined" -> {
        subject = "Declined: " + what(handoff) + " by " + partner;
        body = partner + " has declined this request. CareRelay is asking the next partner, if there is one.";
      }
      case "unable" -> {
        subject = "Not done: " + what(handoff) + " by " + partner;
        body = partner + " accepted this request but cannot do it. CareRelay is asking the next partner, if there is"
            + " one.";
      }
      case "timed-out" -> {
        subject = "Moved on: " + what(handoff) + " from " + partner;
        body = partner + " did not act by the hard deadline. CareRelay is asking the next partner, if there is one.";
      }
      default -> {
        subject = "Done: " + what(handoff) + " by " + partner;
        body = partner + " has done this request.";
      }
    }
    toReferrer(result + ":" + attemptId, handoff, subject, body, advice);
  }

  private void toReferrer(String key, Handoff handoff, String subject, String body, String advice) {
    directory.contacts(handoff.text(Vars.REQUESTER_TEAM)).ifPresent(contacts -> {
      String text = body;
      if (advice != null && !advice.isBlank()) {
        text += contacts.secureMail() ? "\n\nTheir advice to you:\n" + advice.strip()
            : "\n\nThey left advice for you: read it on the case.";
      }
      outbox.enqueue(new Notification("referrer:" + key, Channel.MAIL, contacts.mailbox(), "[CareRelay] " + subject,
          text(text, handoff), handoff.caseId(), contacts.organisation(), caseLink(handoff)));
    });
  }

  private void toPartner(String key, Contacts contacts, String mailbox, String subject, String body, Handoff handoff,
      String link) {
    outbox.enqueue(new Notification(key, Channel.MAIL, mailbox, "[CareRelay] " + subject, text(body, handoff),
        handoff.caseId(), contacts.organisation(), link));
    if (contacts.webhookUrl() != null) {
      outbox.enqueue(new Notification(key, Channel.WEBHOOK, contacts.webhookUrl(), subject,
          webhook(key, subject, handoff, link), handoff.caseId(), contacts.organisation()));
    }
  }

  private void toPartnership(String key, String mailbox, String subject, String body, Handoff handoff) {
    outbox.enqueue(new Notification(key, Channel.MAIL, mailbox, "[CareRelay] " + subject, text(body, handoff),
        handoff.caseId(), null, caseLink(handoff)));
  }

  /** "Care package at home for RD-2026-0001 (urgent)". */
  private static String what(Handoff handoff) {
    return handoff.serviceName() + " for " + handoff.caseReference() + " (" + handoff.text(Vars.URGENCY) + ")";
  }

  private String due(Handoff handoff, Stage stage) {
    return time.show((Date) handoff.execution().getVariable(Vars.dueAt(stage)), "no due time");
  }

  private String requester(Handoff handoff) {
    String team = handoff.text(Vars.REQUESTER_TEAM);
    return team == null ? "the coordination hub" : directory.teamName(team).orElse("the coordination hub");
  }

  private static String details(Handoff handoff) {
    String request = handoff.text(Vars.REQUEST_SUMMARY);
    String facts = handoff.text(Vars.REQUEST_DETAILS);
    return (request == null ? "" : "\n\nRequest:\n" + request) + (facts == null || facts.isBlank() ? "" : "\n\n" + facts);
  }

  private static String text(String body, Handoff handoff) {
    return body + "\n\nCase reference: " + handoff.caseReference() + "\nService: " + handoff.serviceName();
  }

  private String taskLink(String taskId) {
    return properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private String caseLink(Handoff handoff) {
    return properties.baseUrl() + "/cases/" + handoff.caseId();
  }

  private String webhook(String key, String subject, Handoff handoff, String link) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", key);
    payload.put("subject", subject);
    payload.put("caseReference", handoff.caseReference());
    payload.put("handoffId", handoff.id());
    payload.put("service", handoff.service());
    payload.put("serviceName", handoff.serviceName());
    payload.put("link", link);
    // The FHIR Task of the offer (the open one, or the one a "released" notice names), for partner systems.
    Long attempt = key.startsWith("released:") ? Long.valueOf(key.substring("released:".length()))
        : attempts.current(handoff.id()).map(HandoverAttempts.Attempt::id).orElse(null);
    if (attempt != null) {
      payload.put("fhirTask", properties.baseUrl() + "/fhir/r4/Task/" + attempt);
    }
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
