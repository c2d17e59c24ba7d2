package org.carerelay.engine.demo;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /demo/mailbox}: the mails the demo SMTP server received, for administrators and managers. */
@Controller
@Profile("demo")
@ConditionalOnProperty(name = "carerelay.demo-mail.enabled", havingValue = "true", matchIfMissing = true)
class DemoMailboxController {

  record ReceivedMail(String messageId, String to, String subject, Date sentAt, String text) {}

  private final DemoMailServer server;

  DemoMailboxController(DemoMailServer server) {
    this.server = server;
  }

  @GetMapping("/demo/mailbox")
  @PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_carerelay-managers')")
  String mailbox(Model model) throws MessagingException {
    List<ReceivedMail> mails = new ArrayList<>();
    for (MimeMessage message : server.received()) {
      mails.add(new ReceivedMail(message.getMessageID(), GreenMailUtil.getAddressList(message.getAllRecipients()),
          message.getSubject(), message.getSentDate(), plainText(message)));
    }
    model.addAttribute("mails", mails);
    return "demo-mailbox";
  }

  private static String plainText(MimeMessage message) {
    String body = GreenMailUtil.getBody(message);
    int html = body.indexOf("<!DOCTYPE html>");
    return html > 0 ? body.substring(0, html) : body;
  }
}
