package org.carerelay.connectors.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The plain-text and HTML layouts every notification mail uses ({@code connectors/mail/notification.*}).
 * Values are inserted as text: in the HTML part they are escaped, so nothing a user typed runs.
 */
public final class MailTemplate {

  private static final String TEXT = load("notification.txt");
  private static final String HTML = load("notification.html");
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{\\{(\\w+)}}");

  private MailTemplate() {}

  /** A mail with both parts filled in. */
  public static OutgoingMail render(String messageId, String to, String subject, String body, String link) {
    Map<String, String> text = Map.of("subject", subject, "body", body, "link", link);
    Map<String, String> html = Map.of("subject", escape(subject),
        "body", "<p>" + escape(body).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>",
        "link", escape(link));
    return new OutgoingMail(messageId, to, subject, fill(TEXT, text), fill(HTML, html));
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Fills each placeholder of the template in one pass, so a value that contains one stays as it is. */
  private static String fill(String template, Map<String, String> values) {
    return PLACEHOLDER.matcher(template).replaceAll(placeholder -> java.util.regex.Matcher.quoteReplacement(
        values.getOrDefault(placeholder.group(1), placeholder.group())));
  }

  private static String load(String name) {
    try (InputStream in = MailTemplate.class.getResourceAsStream("/connectors/mail/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
