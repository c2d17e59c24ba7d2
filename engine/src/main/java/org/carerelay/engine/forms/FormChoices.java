package org.carerelay.engine.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The words behind a form's choices: the label people picked ("DNACPR in place") for the value a
 * case stores ({@code dnacpr}), so that messages and requests show what was chosen, never a code.
 * Read once from the product's forms ({@code forms/**}{@code /*.form}); a field key means the same
 * in every form.
 */
@Component
public class FormChoices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> labels = new HashMap<>();

  FormChoices() throws IOException {
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
      try (InputStream in = form.getInputStream()) {
        collect(JSON.readTree(in).path("components"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the form " + form, e);
      }
    }
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      for (JsonNode choice : component.path("values")) {
        if (key != null) {
          labels.putIfAbsent(key + "=" + choice.path("value").asText(), choice.path("label").asText());
        }
      }
      collect(component.path("components"));
    }
  }

  /** The label of the choice {@code value} of the field {@code key}, or the value itself. */
  public String label(String key, Object value) {
    String text = String.valueOf(value);
    return labels.getOrDefault(key + "=" + text, text);
  }
}
