package org.carerelay.engine.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code carerelay.notification.*}.
 *
 * @param from the sender address of every mail
 * @param hubMailbox the coordination hub's mailbox (chases, hand-offs nobody could take)
 * @param managersMailbox the partnership managers' mailbox (level 3 escalations)
 * @param baseUrl how users reach CareRelay, for links in messages
 * @param webhookSecrets the shared secret of each organisation with a webhook, by organisation id
 * @param relay how the outbox is sent
 */
@ConfigurationProperties("carerelay.notification")
public record NotificationProperties(String from, String hubMailbox, String managersMailbox, String baseUrl,
    Map<String, String> webhookSecrets, @DefaultValue Relay relay) {

  public NotificationProperties {
    webhookSecrets = webhookSecrets == null ? Map.of() : Map.copyOf(webhookSecrets);
  }

  /**
   * @param enabled whether this node sends the outbox (every node may)
   * @param interval pause after a run that claimed less than a full batch (a full one is followed at once)
   * @param batchSize rows claimed per run
   * @param lease how long a claim lasts before another node may take the row over
   * @param firstRetry delay before the first retry; each further retry waits twice as long
   * @param maxRetryDelay the longest delay between two tries
   * @param maxAttempts tries before a notification is dead and the hub is asked to act
   */
  public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("PT5S") Duration interval,
      @DefaultValue("50") int batchSize, @DefaultValue("PT2M") Duration lease,
      @DefaultValue("PT30S") Duration firstRetry, @DefaultValue("PT30M") Duration maxRetryDelay,
      @DefaultValue("8") int maxAttempts) {}
}
