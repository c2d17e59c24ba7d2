package org.carerelay.engine.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A Camunda Form's id and the keys of its fields: the variables it sets. */
record FormFields(String id, Set<String> keys) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The form in these bytes; empty when they are not a readable form. */
  static Optional<FormFields> read(byte[] content) {
    try {
      JsonNode form = JSON.readTree(content);
      if (form == null || !form.path("id").isTextual()) {
        return Optional.empty();
      }
      Set<String> keys = new HashSet<>();
      collect(form.path("components"), keys);
      return Optional.of(new FormFields(form.path("id").asText(), keys));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.path("key").isTextual()) {
        keys.add(component.path("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }
}
