package org.carerelay.engine.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox. A notification is a row written in the transaction of the process step
 * that causes it: if the step rolls back, the notification never existed. The same event for the
 * same recipient is written once, however often the step is retried.
 */
@Component
public class NotificationOutbox {

  /** A mail to write; {@code eventKey} names the event, e.g. {@code escalation:42}. */
  public record Mail(String eventKey, String recipient, String subject, String body, String caseId) {}

  private final JdbcClient jdbc;

  NotificationOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the mail to the outbox unless the same event already has one for this recipient. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(Mail mail) {
    if (mail.recipient() == null || mail.recipient().isBlank()) {
      return;
    }
    int existing = jdbc.sql("select count(*) from notification where event_key = ? and channel = 'mail' and recipient = ?")
        .params(mail.eventKey(), mail.recipient()).query(Integer.class).single();
    if (existing > 0) {
      return;
    }
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    jdbc.sql("""
            insert into notification (id, event_key, channel, recipient, subject, body, case_id, status, attempts,
                                      created_at, next_attempt_at)
            values (?, ?, 'mail', ?, ?, ?, ?, 'pending', 0, ?, ?)""")
        .params(UUID.randomUUID().toString(), mail.eventKey(), mail.recipient(), mail.subject(), mail.body(),
            mail.caseId(), now, now)
        .update();
  }
}
