package org.carerelay.engine.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carerelay.notification.*}.
 *
 * @param hubMailbox the coordination hub's mailbox (chases, hand-offs nobody could take)
 * @param managersMailbox the partnership managers' mailbox (level 3 escalations)
 * @param baseUrl how users reach CareRelay, for links in messages
 */
@ConfigurationProperties("carerelay.notification")
public record NotificationProperties(String hubMailbox, String managersMailbox, String baseUrl) {}
