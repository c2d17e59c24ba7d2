package org.carerelay.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpMailSenderTests {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void sendsTextAndHtmlWithTheNotificationsOwnMessageId() throws Exception {
    SmtpMailSender sender = new SmtpMailSender(mailSender(smtp.getSmtp().getPort()), "carerelay@partnership.example");

    sender.send(MailTemplate.render("n-42@carerelay", "team@partner.example", "Reminder: <b>care-package</b> overdue",
        "Case CR-1 is overdue.\n\nPlease act.", "http://localhost:8080/camunda/app/tasklist/default/"));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getMessageID()).isEqualTo("<n-42@carerelay>");
    assertThat(received[0].getSubject()).isEqualTo("Reminder: <b>care-package</b> overdue");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("team@partner.example");
    String raw = GreenMailUtil.getWholeMessage(received[0]);
    assertThat(raw).contains("text/plain").contains("text/html");
    assertThat(raw).contains("&lt;b&gt;care-package&lt;/b&gt;").doesNotContain("<h2 style=\"color: #005eb8;\">Reminder: <b>");
  }

  @Test
  void anUnreachableServerIsAFailureTheCallerSees() {
    SmtpMailSender sender = new SmtpMailSender(mailSender(1), "carerelay@partnership.example");

    assertThatThrownBy(() -> sender.send(MailTemplate.render("n-1@carerelay", "a@b.example", "s", "b", "l")))
        .isInstanceOf(MailException.class);
  }

  private static JavaMailSenderImpl mailSender(int port) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(port);
    mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    mail.getJavaMailProperties().put("mail.smtp.timeout", "2000");
    return mail;
  }
}
