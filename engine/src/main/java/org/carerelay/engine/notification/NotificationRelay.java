package org.carerelay.engine.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.connectors.mail.MailTemplate;
import org.carerelay.connectors.mail.SmtpMailSender;
import org.carerelay.connectors.webhook.WebhookSender;
import org.carerelay.engine.audit.AuditTrail;
import org.carerelay.processes.cases.Case;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Each run claims due rows (a conditional update, so with several nodes on one
 * database each row is claimed by one node), sends them outside any transaction, then marks each
 * sent, or schedules a retry with exponential backoff, or after too many failures marks it dead
 * and gives the coordination hub a task. A node that dies between sending and marking leaves a
 * claim that expires; the row is then sent again with the same Message-ID or idempotency key, so
 * receivers see the very same message twice at worst.
 */
@Component
public class NotificationRelay {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationRelay.class);

  /** A claimed row, ready to send. */
  record Claimed(String id, String channel, String recipient, String subject, String body, String organisationId,
      int attempts, String caseId, String link) {}

  /** How the relay appears in the audit trail when it reads a case's notification to send it. */
  static final String RELAY_USER = "carerelay-relay";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final SmtpMailSender mail;
  private final WebhookSender webhooks;
  private final NotificationProperties properties;
  private final TaskService taskService;
  private final AuditTrail audit;
  private final String node = UUID.randomUUID().toString();

  NotificationRelay(JdbcClient jdbc, TransactionTemplate transaction, SmtpMailSender mail, WebhookSender webhooks,
      NotificationProperties properties, TaskService taskService, AuditTrail audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.mail = mail;
    this.webhooks = webhooks;
    this.properties = properties;
    this.taskService = taskService;
  }

  @Scheduled(fixedDelayString = "${carerelay.notification.relay.interval:PT5S}",
      initialDelayString = "${carerelay.notification.relay.interval:PT5S}")
  void scheduled() {
    if (properties.relay().enabled()) {
      drain();
    }
  }

  /** One run: claims what is due (a batch at most) and tries to send it; returns how many were sent. */
  public int runOnce() {
    return deliverAll(claimDue());
  }

  /**
   * Runs again at once while a run claims a full batch, so that after a burst (a thousand hand-offs
   * started at once, each with its "new request" mail) the outbox empties as fast as it can send, not
   * one batch per interval; the pause comes when less than a batch was due. Returns how many were sent.
   */
  int drain() {
    int sent = 0;
    List<Claimed> batch;
    do {
      batch = claimDue();
      sent += deliverAll(batch);
    } while (batch.size() == properties.relay().batchSize());
    return sent;
  }

  private int deliverAll(List<Claimed> batch) {
    int sent = 0;
    for (Claimed claimed : batch) {
      if (deliver(claimed)) {
        sent++;
      }
    }
    return sent;
  }

  List<Claimed> claimDue() {
    OffsetDateTime now = NotificationOutbox.now();
    List<String> candidates = jdbc.sql("""
            select id from notification
            where status = 'pending' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
            order by created_at, id""")
        .params(now, now).query(String.class).list();
    List<Claimed> claimed = new ArrayList<>();
    for (String id : candidates) {
      if (claimed.size() == properties.relay().batchSize()) {
        break;
      }
      Integer won = transaction.execute(status -> jdbc.sql("""
              update notification set claimed_by = ?, claimed_until = ?
              where id = ? and status = 'pending' and (claimed_until is null or claimed_until < ?)""")
          .params(node, now.plus(properties.relay().lease()), id, now).update());
      if (won != null && won == 1) {
        claimed.add(jdbc.sql("""
                select id, channel, recipient, subject, body, organisation_id, attempts, case_id, link
                from notification where id = ?""")
            .param(id).query(Claimed.class).single());
      }
    }
    return claimed;
  }

  /** Sends one claimed row and records the outcome; returns whether it went out. */
  boolean deliver(Claimed claimed) {
    try {
      send(claimed);
    } catch (Exception e) {
      failed(claimed, e);
      return false;
    }
    markSent(claimed);
    return true;
  }

  void send(Claimed claimed) throws Exception {
    if ("webhook".equals(claimed.channel())) {
      String secret = properties.webhookSecrets().get(claimed.organisationId());
      if (secret == null) {
        throw new IllegalStateException("No webhook secret configured for " + claimed.organisationId()
            + " (carerelay.notification.webhook-secrets." + claimed.organisationId() + ")");
      }
      webhooks.send(claimed.recipient(), claimed.id(), claimed.body(), secret);
    } else {
      mail.send(MailTemplate.render(claimed.id() + "@carerelay", claimed.recipient(), claimed.subject(),
          claimed.body(), claimed.link() == null ? properties.baseUrl() + "/" : claimed.link()));
    }
  }

  void markSent(Claimed claimed) {
    transaction.executeWithoutResult(status -> {
      jdbc.sql("""
              update notification set status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_by = null,
                     claimed_until = null, last_error = null
              where id = ?""").params(NotificationOutbox.now(), claimed.id()).update();
      if (claimed.caseId() != null) {
        audit.record(RELAY_USER, java.util.List.of(claimed.caseId()), AuditTrail.Operation.READ, "RELAY",
            "notification " + claimed.id() + " by " + claimed.channel() + " to " + claimed.organisationId(), null, true);
      }
    });
  }

  private void failed(Claimed claimed, Exception error) {
    int attempts = claimed.attempts() + 1;
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    String lastError = message.length() > 2000 ? message.substring(0, 2000) : message;
    boolean dead = attempts >= properties.relay().maxAttempts();
    OffsetDateTime now = NotificationOutbox.now();
    transaction.executeWithoutResult(status -> {
      jdbc.sql("""
              update notification set status = ?, attempts = ?, next_attempt_at = ?, claimed_by = null,
                     claimed_until = null, last_error = ?
              where id = ?""")
          .params(dead ? "dead" : "pending", attempts, now.plus(backoff(attempts)), lastError, claimed.id()).update();
      if (dead) {
        Task task = taskService.newTask();
        task.setName("Notification not delivered: " + claimed.subject());
        task.setDescription("CareRelay gave up sending this " + claimed.channel() + " to " + claimed.recipient()
            + " after " + attempts + " attempts (" + lastError + "). Tell the recipient another way, then an"
            + " administrator can retry it (POST /api/notifications/" + claimed.id() + "/retry).");
        task.setPriority(80);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), Case.HUB_GROUP);
      }
    });
    LOG.warn("Notification {} to {} failed (attempt {}{}): {}", claimed.id(), claimed.recipient(), attempts,
        dead ? ", now dead" : "", lastError);
  }

  /** 30 s, 1 min, 2 min, ... up to the maximum delay (by default). */
  Duration backoff(int attempts) {
    Duration delay = properties.relay().firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    return delay.compareTo(properties.relay().maxRetryDelay()) > 0 ? properties.relay().maxRetryDelay() : delay;
  }
}
