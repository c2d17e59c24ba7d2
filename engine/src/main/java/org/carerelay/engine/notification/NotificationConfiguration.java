package org.carerelay.engine.notification;

import java.time.Clock;
import java.time.Duration;
import org.carerelay.connectors.mail.SmtpMailSender;
import org.carerelay.connectors.webhook.WebhookSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The transports of the outbox, from the connectors module. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

  @Bean
  SmtpMailSender smtpMailSender(JavaMailSenderImpl mailSender, NotificationProperties properties) {
    return new SmtpMailSender(mailSender, properties.from());
  }

  @Bean
  WebhookSender webhookSender() {
    return new WebhookSender(Duration.ofSeconds(5), Duration.ofSeconds(15), Clock.systemUTC());
  }
}
