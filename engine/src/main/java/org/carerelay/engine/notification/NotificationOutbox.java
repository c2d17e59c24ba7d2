package org.carerelay.engine.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox. A notification is a row written in the transaction of the process step
 * that causes it: if the step rolls back, the notification never existed. The same event for the
 * same recipient on the same channel is written once, however often the step is retried.
 * {@link NotificationRelay} sends the rows afterwards.
 */
@Component
public class NotificationOutbox {

  /** The channels a notification travels by. */
  public enum Channel {
    MAIL, WEBHOOK;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A notification to write. {@code eventKey} names the event ({@code escalation:42}); for a
   * webhook, {@code recipient} is the endpoint and {@code body} the JSON; {@code organisation}
   * is the receiving partner, if any; {@code link} is where the mail's "open" link goes (the task,
   * the case), CareRelay's start page when null.
   */
  public record Notification(String eventKey, Channel channel, String recipient, String subject, String body,
      String caseId, String organisation, String link) {

    public Notification(String eventKey, Channel channel, String recipient, String subject, String body,
        String caseId, String organisation) {
      this(eventKey, channel, recipient, subject, body, caseId, organisation, null);
    }
  }

  /** A notification as the admin API shows it. */
  public record Entry(String id, String channel, String recipient, String subject, String status, int attempts,
      OffsetDateTime createdAt, OffsetDateTime sentAt, String lastError) {}

  private final JdbcClient jdbc;

  NotificationOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the notification unless the same event already has one for this recipient and channel. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(Notification notification) {
    if (notification.recipient() == null || notification.recipient().isBlank()) {
      return;
    }
    int existing = jdbc.sql("select count(*) from notification where event_key = ? and channel = ? and recipient = ?")
        .params(notification.eventKey(), notification.channel().id(), notification.recipient())
        .query(Integer.class).single();
    if (existing > 0) {
      return;
    }
    OffsetDateTime now = now();
    jdbc.sql("""
            insert into notification (id, event_key, channel, recipient, subject, body, case_id, organisation_id,
                                      link, status, attempts, created_at, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)""")
        .params(UUID.randomUUID().toString(), notification.eventKey(), notification.channel().id(),
            notification.recipient(), notification.subject(), notification.body(), notification.caseId(),
            notification.organisation(), notification.link(), now, now)
        .update();
  }

  /** A notification that went out: when, how, to which organisation (null: the hub or managers), what. */
  public record Sent(java.time.OffsetDateTime sentAt, String channel, String organisationId, String subject) {}

  /** What was sent for these process instances (a case and its hand-offs), oldest first. */
  public List<Sent> sentFor(java.util.Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select sent_at, channel, organisation_id, subject from notification"
            + " where status = 'sent' and case_id in (:ids) order by sent_at, id")
        .param("ids", caseIds).query(Sent.class).list();
  }

  public List<Entry> list(String status) {
    String where = status == null ? "" : " where status = ?";
    var statement = jdbc.sql("""
        select id, channel, recipient, subject, status, attempts, created_at, sent_at, last_error
        from notification""" + where + " order by created_at desc, id");
    if (status != null) {
      statement = statement.param(status);
    }
    return statement.query(Entry.class).list();
  }

  public Optional<Entry> find(String id) {
    return jdbc.sql("""
            select id, channel, recipient, subject, status, attempts, created_at, sent_at, last_error
            from notification where id = ?""").param(id).query(Entry.class).optional();
  }

  /** Puts a dead notification back in the queue; returns whether it was dead. */
  @Transactional
  public boolean retry(String id) {
    return jdbc.sql("""
            update notification set status = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = null,
                   claimed_until = null, last_error = null
            where id = ? and status = 'dead'""").params(now(), id).update() == 1;
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }
}
