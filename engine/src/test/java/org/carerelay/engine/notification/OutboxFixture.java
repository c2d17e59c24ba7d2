package org.carerelay.engine.notification;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carerelay.engine.notification.NotificationOutbox.Channel;
import org.carerelay.engine.notification.NotificationOutbox.Notification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes notifications for one test, each to a recipient no other test uses, and reads what arrived. */
final class OutboxFixture {

  final String run = UUID.randomUUID().toString().substring(0, 8);
  private final NotificationOutbox outbox;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  OutboxFixture(NotificationOutbox outbox, TransactionTemplate transaction, JdbcClient jdbc) {
    this.outbox = outbox;
    this.transaction = transaction;
    this.jdbc = jdbc;
  }

  String recipient(int n) {
    return "team-" + n + "-" + run + "@partner.example";
  }

  void mails(int count) {
    transaction.executeWithoutResult(status -> {
      for (int n = 0; n < count; n++) {
        outbox.enqueue(new Notification("test:" + run + ":" + n, Channel.MAIL, recipient(n),
            "[CareRelay] Test " + n + " of " + run, "Body " + n, null, null));
      }
    });
  }

  /** Messages of this run that the SMTP server received. */
  List<MimeMessage> received(GreenMailOperations smtp) throws MessagingException {
    List<MimeMessage> ours = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getSubject().contains(run)) {
        ours.add(message);
      }
    }
    return ours;
  }

  List<String> statuses() {
    return jdbc.sql("select status from notification where event_key like ? order by event_key")
        .param("test:" + run + ":%").query(String.class).list();
  }

  List<Integer> attempts() {
    return jdbc.sql("select attempts from notification where event_key like ? order by event_key")
        .param("test:" + run + ":%").query(Integer.class).list();
  }

  String id(int n) {
    return jdbc.sql("select id from notification where event_key = ?").param("test:" + run + ":" + n)
        .query(String.class).single();
  }
}
