package org.carerelay.engine.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.demo.DemoMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox relay against a real SMTP server (GreenMail). */
@DemoRegionTest
class NotificationRelayTests {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @LocalServerPort
  int port;

  @Autowired
  NotificationRelay relay;

  @Autowired
  NotificationOutbox outbox;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JavaMailSenderImpl mailSender;

  @Autowired
  DemoMailServer demoMailServer;

  @Autowired
  TaskService taskService;

  OutboxFixture fixture;
  Instant start;

  @BeforeEach
  void pointTheRelayAtThisTestsSmtpServer() {
    // Whatever other tests left waiting is not this test's business.
    jdbc.sql("update notification set status = 'sent' where status <> 'sent'").update();
    mailSender.setPort(smtp.getSmtp().getPort());
    fixture = new OutboxFixture(outbox, transaction, jdbc);
    start = org.carerelay.engine.CaseDriver.AWKWARD_MOMENT;
    ClockUtil.setCurrentTime(Date.from(start));
  }

  @AfterEach
  void restore() {
    mailSender.setPort(demoMailServer.port());
    ClockUtil.reset();
  }

  @Test
  void eachNotificationIsSentOnce() throws Exception {
    fixture.mails(3);

    assertThat(relay.runOnce()).isEqualTo(3);
    relay.runOnce();

    List<MimeMessage> received = fixture.received(smtp);
    assertThat(received).hasSize(3);
    assertThat(received).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    MimeMessage first = received.stream().filter(message -> subjectOf(message).startsWith("[CareRelay] Test 0 of"))
        .findFirst().orElseThrow();
    assertThat(first.getMessageID()).isEqualTo("<" + fixture.id(0) + "@carerelay>");
    assertThat(fixture.statuses()).containsOnly("sent");
    assertThat(fixture.attempts()).containsOnly(1);
  }

  @Test
  void aBurstLeavesAtOnceNotOneBatchPerInterval() throws Exception {
    fixture.mails(120); // the relay claims 50 a run

    assertThat(relay.runOnce()).as("one run, one batch").isEqualTo(50);
    assertThat(relay.drain()).as("the scheduled run goes on while batches are full").isEqualTo(70);

    assertThat(fixture.received(smtp)).hasSize(120).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    assertThat(fixture.statuses()).containsOnly("sent");
  }

  @Test
  void anSmtpOutageDelaysButLosesNothingAndSendsNothingTwice() throws Exception {
    fixture.mails(3);
    try (ServerSocket closed = new ServerSocket(0)) {
      mailSender.setPort(closed.getLocalPort());
    }

    assertThat(relay.runOnce()).isZero();
    assertThat(fixture.statuses()).containsOnly("pending");
    assertThat(fixture.attempts()).containsOnly(1);

    mailSender.setPort(smtp.getSmtp().getPort());
    assertThat(relay.runOnce()).as("not due again before its backoff").isZero();
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofSeconds(31))));
    assertThat(relay.runOnce()).isEqualTo(3);
    relay.runOnce();

    assertThat(fixture.received(smtp)).hasSize(3).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    assertThat(fixture.statuses()).containsOnly("sent");
  }

  @Test
  void aRelayThatDiesBetweenSendingAndMarkingCausesAtWorstTheSameMessageAgain() throws Exception {
    fixture.mails(1);
    List<NotificationRelay.Claimed> claimed = relay.claimDue();
    assertThat(claimed).hasSize(1);
    relay.send(claimed.get(0));
    // ... the node dies here, before markSent.

    assertThat(relay.runOnce()).as("the dead node's claim still holds").isZero();
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(3))));
    assertThat(relay.runOnce()).isEqualTo(1);

    List<MimeMessage> received = fixture.received(smtp);
    assertThat(received).hasSize(2);
    assertThat(received.get(1).getMessageID()).isEqualTo(received.get(0).getMessageID());
    assertThat(received.get(1).getSubject()).isEqualTo(received.get(0).getSubject());
    assertThat(plainText(received.get(1))).isEqualTo(plainText(received.get(0))).contains("Body 0");
    assertThat(fixture.statuses()).containsExactly("sent");
  }

  @Test
  void aNotificationThatAlwaysFailsEndsDeadWithATaskForTheHubAndAdministratorsCanRetryIt() throws Exception {
    fixture.mails(1);
    try (ServerSocket closed = new ServerSocket(0)) {
      mailSender.setPort(closed.getLocalPort());
    }

    for (int attempt = 1; attempt <= 8; attempt++) {
      ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(attempt))));
      relay.runOnce();
    }

    assertThat(fixture.statuses()).containsExactly("dead");
    assertThat(fixture.attempts()).containsExactly(8);
    String id = fixture.id(0);
    Task task = taskService.createTaskQuery().taskCandidateGroup("carerelay-hub")
        .taskNameLike("Notification not delivered: %" + fixture.run + "%").singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getDescription()).contains(fixture.recipient(0)).contains("/api/notifications/" + id + "/retry");

    HttpCaller admin = HttpCaller.basic(port, "demo", "demo");
    assertThat(admin.get("/api/notifications?status=dead").body()).contains(id).contains("\"attempts\":8")
        .contains("\"status\":\"dead\"").contains("\"channel\":\"mail\"").contains("\"recipient\":\"" + fixture.recipient(0));
    assertThat(HttpCaller.basic(port, "manager", "demo").get("/api/notifications").statusCode()).isEqualTo(403);
    assertThat(admin.postJson("/api/notifications/" + id + "/retry", "").statusCode()).isEqualTo(204);
    assertThat(admin.postJson("/api/notifications/" + id + "/retry", "").statusCode()).isEqualTo(409);
    mailSender.setPort(smtp.getSmtp().getPort());
    assertThat(relay.runOnce()).isEqualTo(1);
    assertThat(fixture.received(smtp)).hasSize(1);
    assertThat(admin.get("/api/notifications?status=sent").body()).contains(id);
    taskService.deleteTask(task.getId(), true);
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/plain part of a mail (the boundaries between parts differ from one sending to the next). */
  private static String plainText(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
