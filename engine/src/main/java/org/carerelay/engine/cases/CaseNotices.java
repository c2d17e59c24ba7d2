package org.carerelay.engine.cases;

import org.carerelay.engine.notification.NotificationOutbox;
import org.carerelay.engine.notification.NotificationOutbox.Channel;
import org.carerelay.engine.notification.NotificationOutbox.Notification;
import org.carerelay.engine.notification.NotificationProperties;
import org.carerelay.engine.partner.PartnerDirectory;
import org.springframework.stereotype.Component;

/**
 * Case-wide messages through the outbox: "tell us once" when the patient dies or the plan changes,
 * to every team involved, and escalations of a pathway's overall target. They name the case
 * reference and pathway, never the patient.
 */
@Component
public class CaseNotices {

  private final NotificationOutbox outbox;
  private final PartnerDirectory directory;
  private final NotificationProperties properties;
  private final CaseRecords records;

  CaseNotices(NotificationOutbox outbox, PartnerDirectory directory, NotificationProperties properties,
      CaseRecords records) {
    this.outbox = outbox;
    this.directory = directory;
    this.properties = properties;
    this.records = records;
  }

  /** Tells every team involved in the case, once per event. */
  public void toInvolvedTeams(String caseId, String event, String caseReference, String pathway, String subject,
      String body) {
    toTeams(records.teamsToTell(caseId), caseId, event, caseReference, pathway, subject, body);
  }

  /** Tells the given teams, once per event. */
  public void toTeams(java.util.Collection<String> teams, String caseId, String event, String caseReference,
      String pathway, String subject, String body) {
    for (String team : teams) {
      directory.contacts(team).ifPresent(contacts -> outbox.enqueue(new Notification(event + ":" + caseId,
          Channel.MAIL, contacts.mailbox(), "[CareRelay] " + subject + " (" + caseReference + ")",
          text(body, caseReference, pathway), caseId, contacts.organisation(), caseLink(caseId))));
    }
  }

  /** Tells the coordination hub and the partnership managers. */
  public void toHubAndManagers(String caseId, String event, String caseReference, String pathway, String subject,
      String body) {
    for (String mailbox : new String[] {properties.hubMailbox(), properties.managersMailbox()}) {
      outbox.enqueue(new Notification(event + ":" + caseId, Channel.MAIL, mailbox,
          "[CareRelay] " + subject + " (" + caseReference + ")", text(body, caseReference, pathway), caseId, null,
          caseLink(caseId)));
    }
  }

  private String caseLink(String caseId) {
    return properties.baseUrl() + "/cases/" + caseId;
  }

  private static String text(String body, String caseReference, String pathway) {
    return body + "\n\nCase reference: " + caseReference + "\nPathway: " + pathway;
  }
}
