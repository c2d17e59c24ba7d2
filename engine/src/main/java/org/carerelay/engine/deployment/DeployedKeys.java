package org.carerelay.engine.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The keys a deployment's resources define: processes, decisions and forms its models may refer to. */
final class DeployedKeys {

  private static final Pattern PROCESS = Pattern.compile("<(?:\\w+:)?process\\b[^>]*?\\sid=\"([^\"]+)\"");
  private static final Pattern DECISION = Pattern.compile("<(?:\\w+:)?decision\\b[^>]*?\\sid=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployedKeys() {}

  static void collect(String name, byte[] content, Set<String> processes, Set<String> decisions, Set<String> forms) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".form")) {
      try {
        String id = JSON.readTree(content).path("id").asText("");
        if (!id.isBlank()) {
          forms.add(id);
        }
      } catch (IOException e) {
        // ModelRules names an unreadable resource; it defines nothing.
      }
      return;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    Matcher matcher = (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml") ? DECISION : PROCESS).matcher(text);
    Set<String> keys = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml") ? decisions : processes;
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
  }
}
