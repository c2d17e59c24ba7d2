package org.carerelay.engine.handover;

import java.util.Optional;
import org.carerelay.engine.notification.NotificationOutbox;
import org.carerelay.engine.notification.NotificationOutbox.Mail;
import org.carerelay.engine.notification.NotificationProperties;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.partner.PartnerDirectory.Contacts;
import org.springframework.stereotype.Component;

/**
 * The messages a hand-off sends, through the outbox. They name the case reference, the service,
 * the stage and a link into CareRelay, never the patient.
 */
@Component
class HandoverNotices {

  private final NotificationOutbox outbox;
  private final PartnerDirectory directory;
  private final NotificationProperties properties;

  HandoverNotices(NotificationOutbox outbox, PartnerDirectory directory, NotificationProperties properties) {
    this.outbox = outbox;
    this.directory = directory;
    this.properties = properties;
  }

  void escalation(Handoff handoff, String stage, int level, long escalationId) {
    String what = handoff.service() + " " + stage + " for case " + handoff.caseReference();
    String key = "escalation:" + escalationId;
    Optional<Contacts> partner = directory.contacts(handoff.partnerTeam());
    switch (level) {
      case 1 -> partner.ifPresent(contacts -> send(key, teamMailbox(contacts), "Reminder: " + what + " is overdue",
          "The " + stage + " stage of this " + handoff.service() + " request to your team has passed its service level.",
          handoff));
      case 2 -> send(key, properties.hubMailbox(), "Chase " + handoff.partnerName() + ": " + what + " is overdue",
          "A chase task is waiting in the coordination hub's Tasklist.", handoff);
      default -> {
        String subject = "Escalation: " + what + " with " + handoff.partnerName() + " is still overdue";
        String body = "The hub has chased; the request is still not done. At its hard deadline it moves to the next partner.";
        send(key, properties.managersMailbox(), subject, body, handoff);
        partner.ifPresent(contacts -> send(key, contacts.escalationMailbox(), subject, body, handoff));
      }
    }
  }

  /** Tells a partner's team that the hand-off no longer needs it. */
  void released(Handoff handoff, String team, String why, long attemptId) {
    directory.contacts(team).ifPresent(contacts -> send("released:" + attemptId, teamMailbox(contacts),
        "No longer needed: " + handoff.service() + " for case " + handoff.caseReference(),
        "Your team no longer needs to act on this request. " + why, handoff));
  }

  void noPartner(Handoff handoff) {
    send("no-partner:" + handoff.id() + ":" + HandoverAttempts.now().toEpochSecond(), properties.hubMailbox(),
        "No partner available: " + handoff.service() + " for case " + handoff.caseReference(),
        "Every partner was asked or is unavailable. A task is waiting in the coordination hub's Tasklist.", handoff);
  }

  private void send(String key, String recipient, String subject, String body, Handoff handoff) {
    String text = body + "\n\nCase reference: " + handoff.caseReference()
        + "\nService: " + handoff.service()
        + "\nOpen CareRelay: " + properties.baseUrl() + "/camunda/app/tasklist/default/\n";
    outbox.enqueue(new Mail(key, recipient, "[CareRelay] " + subject, text, handoff.caseId()));
  }

  private static String teamMailbox(Contacts contacts) {
    return contacts.teamMailbox() != null ? contacts.teamMailbox() : contacts.organisationMailbox();
  }
}
