package org.carerelay.engine.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The demo profile's SMTP server (GreenMail, on {@code carerelay.demo-mail.port}; 0 picks a free
 * port): every notification CareRelay sends lands here and shows on {@code /demo/mailbox}. Off with
 * {@code carerelay.demo-mail.enabled=false}, when the demo region mails through {@code spring.mail}
 * (several demo nodes share one mail server).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "carerelay.demo-mail.enabled", havingValue = "true", matchIfMissing = true)
public class DemoMailServer implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

  private final GreenMail server;

  DemoMailServer(@Value("${carerelay.demo-mail.port}") int port, JavaMailSenderImpl mailSender) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(port());
    LOG.info("Demo SMTP server on 127.0.0.1:{}; sent notifications show on /demo/mailbox", port());
  }

  public int port() {
    return server.getSmtp().getPort();
  }

  /** Everything received, newest first. */
  public List<MimeMessage> received() {
    List<MimeMessage> messages = Arrays.asList(server.getReceivedMessages());
    java.util.Collections.reverse(messages);
    return messages;
  }

  @Override
  public void destroy() {
    server.stop();
  }
}
