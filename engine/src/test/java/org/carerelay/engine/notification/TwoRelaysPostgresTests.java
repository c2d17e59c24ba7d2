package org.carerelay.engine.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.carerelay.connectors.mail.SmtpMailSender;
import org.carerelay.connectors.webhook.WebhookSender;
import org.carerelay.engine.PostgresTest;
import org.carerelay.engine.demo.DemoMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** Two CareRelay nodes' relays on one PostgreSQL database never send the same row twice. */
@PostgresTest
class TwoRelaysPostgresTests {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired
  NotificationOutbox outbox;

  @Autowired
  org.carerelay.engine.audit.AuditTrail audit;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JavaMailSenderImpl mailSender;

  @Autowired
  SmtpMailSender smtpMailSender;

  @Autowired
  WebhookSender webhookSender;

  @Autowired
  NotificationProperties properties;

  @Autowired
  TaskService taskService;

  @Autowired
  DemoMailServer demoMailServer;

  @AfterEach
  void restore() {
    mailSender.setPort(demoMailServer.port());
  }

  @Test
  void twoRelaysSendEveryRowExactlyOnce() throws Exception {
    mailSender.setPort(smtp.getSmtp().getPort());
    // Only this test's rows: earlier tests on this database leave offer mails of their cases pending.
    jdbc.sql("update notification set status = 'sent' where status <> 'sent'").update();
    OutboxFixture fixture = new OutboxFixture(outbox, transaction, jdbc);
    fixture.mails(60);
    NotificationRelay first = new NotificationRelay(jdbc, transaction, smtpMailSender, webhookSender, properties, taskService, audit);
    NotificationRelay second = new NotificationRelay(jdbc, transaction, smtpMailSender, webhookSender, properties, taskService, audit);

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    Callable<Integer> drainFirst = () -> drain(first);
    Callable<Integer> drainSecond = () -> drain(second);
    Future<Integer> sentByFirst = nodes.submit(drainFirst);
    Future<Integer> sentBySecond = nodes.submit(drainSecond);
    int total = sentByFirst.get(2, TimeUnit.MINUTES) + sentBySecond.get(2, TimeUnit.MINUTES);
    nodes.shutdown();

    assertThat(total).isEqualTo(60);
    assertThat(fixture.received(smtp)).hasSize(60).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    assertThat(fixture.statuses()).hasSize(60).containsOnly("sent");
    assertThat(fixture.attempts()).containsOnly(1);
  }

  private static int drain(NotificationRelay relay) {
    int sent = 0;
    for (int run = 0; run < 100; run++) {
      int now = relay.runOnce();
      sent += now;
      if (now == 0 && run > 3) {
        break;
      }
    }
    return sent;
  }
}
