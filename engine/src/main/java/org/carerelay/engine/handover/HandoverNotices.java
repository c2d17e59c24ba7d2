package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * system of their own. They name the case reference, the service, the step, the due time and a
 * link into CareRelay; the request's clinical summary goes only to partners whose directory entry
 * says their mail is secure.
 */
@Component
class HandoverNotices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationOutbox outbox;
  private final PartnerDirectory directory;
  private final NotificationProperties properties;
  private final PartnershipTime time;

  HandoverNotices(NotificationOutbox outbox, PartnerDirectory directory, NotificationProperties properties,
      PartnershipTime time) {
    this.outbox = outbox;
    this.directory = directory;
    this.properties = properties;
    this.time = time;
  }

  void escalation(Handoff handoff, String stage, int level, long escalationId) {
    String what = handoff.service() + " " + stage + " for case " + handoff.caseReference();
    String key = "escalation:" + escalationId;
    String due = "Due: " + time.show((java.util.Date) handoff.execution().getVariable(Vars.dueAt(Stage.of(stage))),
        "no due time");
    Optional<Contacts> partner = directory.contacts(handoff.partnerTeam());
    switch (level) {
      case 1 -> partner.ifPresent(contacts -> toPartner(key, contacts, contacts.mailbox(),
          "Reminder: " + what + " is overdue",
          "The " + stage + " stage of this request to your team has passed its service level. " + due, handoff));
      case 2 -> toPartnership(key, properties.hubMailbox(), "Chase " + handoff.partnerName() + ": " + what
          + " is overdue", "A chase task is waiting in the coordination hub's Tasklist. " + due, handoff);
      default -> {
        String subject = "Escalation: " + what + " with " + handoff.partnerName() + " is still overdue";
        String body = "The hub has chased; the request is still not done. At its hard deadline it moves to the next"
            + " partner. " + due;
        toPartnership(key, properties.managersMailbox(), subject, body, handoff);
        partner.ifPresent(contacts -> toPartner(key, contacts, contacts.escalationMailbox(), subject, body, handoff));
      }
    }
  }

  /** Tells a partner's team that the hand-off no longer needs it. */
  void released(Handoff handoff, String team, String why, long attemptId) {
    directory.contacts(team).ifPresent(contacts -> toPartner("released:" + attemptId, contacts, contacts.mailbox(),
        "No longer needed: " + handoff.service() + " for case " + handoff.caseReference(),
        "Your team no longer needs to act on this request. " + why, handoff));
  }

  void noPartner(Handoff handoff, int round, int attempts) {
    toPartnership("no-partner:" + handoff.id() + ":" + round + ":" + attempts, properties.hubMailbox(),
        "No partner available: " + handoff.service() + " for case " + handoff.caseReference(),
        "Every partner was asked or is unavailable. A task is waiting in the coordination hub's Tasklist.", handoff);
  }

  private void toPartner(String key, Contacts contacts, String mailbox, String subject, String body, Handoff handoff) {
    String details = contacts.secureMail() && handoff.text(Vars.REQUEST_SUMMARY) != null
        ? body + "\n\nRequest: " + handoff.text(Vars.REQUEST_SUMMARY) : body;
    outbox.enqueue(new Notification(key, Channel.MAIL, mailbox, "[CareRelay] " + subject, text(details, handoff),
        handoff.caseId(), contacts.organisation()));
    if (contacts.webhookUrl() != null) {
      outbox.enqueue(new Notification(key, Channel.WEBHOOK, contacts.webhookUrl(), subject,
          webhook(key, subject, handoff), handoff.caseId(), contacts.organisation()));
    }
  }

  private void toPartnership(String key, String mailbox, String subject, String body, Handoff handoff) {
    outbox.enqueue(new Notification(key, Channel.MAIL, mailbox, "[CareRelay] " + subject, text(body, handoff),
        handoff.caseId(), null));
  }

  private static String text(String body, Handoff handoff) {
    return body + "\n\nCase reference: " + handoff.caseReference() + "\nService: " + handoff.service();
  }

  private String webhook(String key, String subject, Handoff handoff) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", key);
    payload.put("subject", subject);
    payload.put("caseReference", handoff.caseReference());
    payload.put("handoffId", handoff.id());
    payload.put("service", handoff.service());
    payload.put("link", properties.baseUrl() + "/camunda/app/tasklist/default/");
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
