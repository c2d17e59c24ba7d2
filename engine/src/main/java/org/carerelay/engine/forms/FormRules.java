package org.carerelay.engine.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules a Camunda Form (form-js JSON) states for its fields, applied on the server to the
 * values a start or a task completion brings, because REST can be called without the form:
 * required fields, types, lengths, patterns, the options of radio buttons and selects, number
 * ranges, and two CareRelay properties a designer can put on a field:
 * {@code "carerelay:validate": "nhs-number"} and {@code "carerelay:notInFuture": "true"}.
 * A field the form hides ({@code conditional.hide}) is not checked.
 */
public final class FormRules {

  public static final String VALIDATE_PROPERTY = "carerelay:validate";
  public static final String NOT_IN_FUTURE_PROPERTY = "carerelay:notInFuture";

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private FormRules() {}

  /**
   * The problems with {@code values}, each naming its field; empty when the values are acceptable.
   *
   * @param hidden tells whether a {@code conditional.hide} expression holds for the values
   * @param today the date that "not in the future" compares with
   */
  public static List<String> problems(JsonNode form, Map<String, Object> values, Predicate<String> hidden,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    check(form.path("components"), values, hidden, today, problems);
    return problems;
  }

  private static void check(JsonNode components, Map<String, Object> values, Predicate<String> hidden,
      LocalDate today, List<String> problems) {
    for (JsonNode component : components) {
      if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
        continue; // shown, never submitted
      }
      String hide = component.path("conditional").path("hide").asText(null);
      if (hide != null && hidden.test(hide)) {
        continue;
      }
      if (component.has("components")) {
        check(component.path("components"), values, hidden, today, problems);
      }
      String key = component.path("key").asText(null);
      if (key == null) {
        continue;
      }
      String field = component.path("label").asText(key) + " (" + key + ")";
      Object value = values.get(key);
      JsonNode validate = component.path("validate");
      if (value == null || (value instanceof String text && text.isBlank())) {
        if (validate.path("required").asBoolean(false)) {
          problems.add(field + ": is required");
        }
        continue;
      }
      String type = component.path("type").asText();
      switch (type) {
        case "textfield", "textarea" -> text(field, value, validate, component.path("properties"), problems);
        case "number" -> number(field, value, validate, problems);
        case "checkbox" -> {
          if (!(value instanceof Boolean)) {
            problems.add(field + ": must be true or false");
          }
        }
        case "radio", "select" -> option(field, value, component.path("values"), problems);
        case "datetime" -> date(field, value, component.path("properties"), today, problems);
        default -> { }
      }
    }
  }

  private static void text(String field, Object value, JsonNode validate, JsonNode properties, List<String> problems) {
    if (!(value instanceof String text)) {
      problems.add(field + ": must be text");
      return;
    }
    if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
      problems.add(field + ": must be at most " + validate.get("maxLength").asInt() + " characters");
    }
    if (validate.has("minLength") && text.strip().length() < validate.get("minLength").asInt()) {
      problems.add(field + ": must be at least " + validate.get("minLength").asInt() + " characters");
    }
    if (validate.has("pattern")) {
      try {
        if (!Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
          problems.add(field + ": is not in the expected format");
        }
      } catch (PatternSyntaxException e) {
        problems.add(field + ": the form's pattern is broken");
      }
    }
    if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
      problems.add(field + ": is not an email address");
    }
    if ("nhs-number".equals(properties.path(VALIDATE_PROPERTY).asText()) && !NhsNumber.isValid(text)) {
      problems.add(field + ": is not a valid NHS number (10 digits with a correct check digit)");
    }
  }

  private static void number(String field, Object value, JsonNode validate, List<String> problems) {
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      problems.add(field + ": must be a number");
      return;
    }
    if (validate.has("min") && number < validate.get("min").asDouble()) {
      problems.add(field + ": must be at least " + validate.get("min").asText());
    }
    if (validate.has("max") && number > validate.get("max").asDouble()) {
      problems.add(field + ": must be at most " + validate.get("max").asText());
    }
  }

  private static void option(String field, Object value, JsonNode options, List<String> problems) {
    for (JsonNode option : options) {
      if (option.path("value").asText().equals(String.valueOf(value))) {
        return;
      }
    }
    List<String> allowed = new ArrayList<>();
    options.forEach(option -> allowed.add(option.path("value").asText()));
    problems.add(field + ": must be one of " + allowed);
  }

  private static void date(String field, Object value, JsonNode properties, LocalDate today, List<String> problems) {
    LocalDate date;
    try {
      date = toDate(value);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      problems.add(field + ": is not a date (use YYYY-MM-DD)");
      return;
    }
    if (properties.path(NOT_IN_FUTURE_PROPERTY).asBoolean(false) && date.isAfter(today)) {
      problems.add(field + ": must not be in the future");
    }
  }

  private static LocalDate toDate(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }
    String text = value.toString();
    if (text.length() > 10) {
      return OffsetDateTime.parse(text).toLocalDate();
    }
    return LocalDate.parse(text);
  }
}
