package org.carerelay.connectors.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends mails over SMTP with Jakarta Mail, keeping each mail's own Message-ID. */
public final class SmtpMailSender {

  private final JavaMailSenderImpl sender;
  private final String from;

  public SmtpMailSender(JavaMailSenderImpl sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  /** Sends the mail; throws {@link MailException} when the SMTP server refuses it or cannot be reached. */
  public void send(OutgoingMail mail) {
    MimeMessage message = new MimeMessage(sender.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + mail.messageId() + ">");
      }
    };
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.to());
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot build the mail to " + mail.to(), e);
    }
    sender.send(message);
  }
}
