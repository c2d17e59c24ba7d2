package org.carerelay.connectors.mail;

/**
 * A mail ready to send. {@code messageId} is stable for the notification, so a mail sent twice
 * after a crash is recognisably the same message.
 */
public record OutgoingMail(String messageId, String to, String subject, String text, String html) {}
