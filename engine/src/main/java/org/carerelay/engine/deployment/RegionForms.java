package org.carerelay.engine.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.carerelay.engine.partner.DirectorySource.Locality;

/**
 * Forms name their region's choices instead of listing them: a field with the property
 * {@code "carerelay:options": "localities"} gets the partner directory's localities as its options
 * when CareRelay deploys it, so the same form serves any partnership, and the server checks a
 * submitted locality against the directory (the deployed form's options).
 */
final class RegionForms {

  static final String OPTIONS_PROPERTY = "carerelay:options";
  static final String LOCALITIES = "localities";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RegionForms() {}

  /** The form with its locality options filled in; unchanged when it asks for none. */
  static byte[] withLocalities(byte[] form, List<Locality> localities) {
    try {
      JsonNode root = JSON.readTree(form);
      if (!fill(root.path("components"), localities)) {
        return form;
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("A form is not valid JSON", e);
    }
  }

  private static boolean fill(JsonNode components, List<Locality> localities) {
    boolean filled = false;
    for (JsonNode component : components) {
      if (LOCALITIES.equals(component.path("properties").path(OPTIONS_PROPERTY).asText())) {
        ArrayNode values = ((ObjectNode) component).putArray("values");
        localities.forEach(locality -> values.addObject().put("label", locality.name()).put("value", locality.id()));
        filled = true;
      }
      filled |= fill(component.path("components"), localities);
    }
    return filled;
  }
}
