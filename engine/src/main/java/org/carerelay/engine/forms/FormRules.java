package org.carerelay.engine.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.engine.time.UnreadableTime;

/**
 * The rules a Camunda Form (form-js JSON) states for its fields, applied on the server to the
 * values a start or a task completion brings, because REST can be called without the form:
 * required fields, types, lengths, patterns, the options of radio buttons and selects, number
 * ranges, dates and times by the field's subtype, and CareRelay properties a designer can put
 * on a field: {@code "carerelay:validate": "nhs-number"}, {@code "carerelay:notInFuture": "true"} and
 * {@code "carerelay:withinPast": "P120Y"}.
 * A field the form hides ({@code conditional.hide}) is not checked.
 *
 * <p>Dates and times are judged in the partnership's time ({@link PartnershipTime}): a date is not
 * in the future when it is not after today in the partnership's zone; a date-time when it is not
 * later than the engine's clock plus the allowed clock skew. A date-time typed without an offset is
 * read in the partnership's zone.
 */
public final class FormRules {

  public static final String VALIDATE_PROPERTY = "carerelay:validate";
  public static final String NOT_IN_FUTURE_PROPERTY = "carerelay:notInFuture";
  /** A date no further back than this period from today, e.g. {@code P120Y} for a date of birth. */
  public static final String WITHIN_PAST_PROPERTY = "carerelay:withinPast";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private FormRules() {}

  /**
   * The problems with {@code values}, each naming its field; empty when the values are acceptable.
   *
   * @param feel evaluates a form's FEEL expression ({@code conditional.hide}, {@code valuesExpression})
   *     over the case's values
   * @param time what "now" and "today" are, and how typed times are read
   */
  public static List<FieldProblem> problems(JsonNode form, Map<String, Object> values, Function<String, Object> feel,
      PartnershipTime time) {
    List<FieldProblem> problems = new ArrayList<>();
    check(form.path("components"), values, feel, time, problems);
    return problems;
  }

  /** A field being checked, and where its problems go. */
  private record Field(String key, String label, List<FieldProblem> problems) {

    void problem(String message) {
      problems.add(new FieldProblem(key, label, message));
    }
  }

  private static void check(JsonNode components, Map<String, Object> values, Function<String, Object> feel,
      PartnershipTime time, List<FieldProblem> problems) {
    for (JsonNode component : components) {
      if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
        continue; // shown, never submitted
      }
      String hide = component.path("conditional").path("hide").asText(null);
      if (hide != null && Boolean.TRUE.equals(feel.apply(hide))) {
        continue;
      }
      if (component.has("components")) {
        check(component.path("components"), values, feel, time, problems);
      }
      String key = component.path("key").asText(null);
      if (key == null) {
        continue;
      }
      Field field = new Field(key, label(component, key), problems);
      Object value = values.get(key);
      JsonNode validate = component.path("validate");
      if (value == null || (value instanceof String text && text.isBlank())) {
        if (validate.path("required").asBoolean(false)) {
          field.problem("is required");
        }
        continue;
      }
      JsonNode properties = component.path("properties");
      switch (component.path("type").asText()) {
        case "textfield", "textarea" -> text(field, value, validate, properties);
        case "number" -> number(field, value, validate);
        case "checkbox" -> {
          if (!(value instanceof Boolean)) {
            field.problem("must be true or false");
          }
        }
        case "radio", "select" -> option(field, value, component.has("valuesExpression")
            ? JSON.valueToTree(feel.apply(component.path("valuesExpression").asText())) : component.path("values"));
        case "datetime" -> {
          boolean notInFuture = properties.path(NOT_IN_FUTURE_PROPERTY).asBoolean(false);
          switch (component.path("subtype").asText("date")) {
            case "datetime" -> dateTime(field, value, notInFuture, time);
            case "time" -> timeOfDay(field, value);
            default -> date(field, value, notInFuture, properties.path(WITHIN_PAST_PROPERTY).asText(null), time);
          }
        }
        default -> { }
      }
    }
  }

  /** What the person sees the field called: its label (a date's or a time's for date-time fields). */
  private static String label(JsonNode component, String key) {
    for (String name : new String[] {"label", "dateLabel", "timeLabel"}) {
      if (!component.path(name).asText("").isBlank()) {
        return component.path(name).asText();
      }
    }
    return key;
  }

  private static void text(Field field, Object value, JsonNode validate, JsonNode properties) {
    if (!(value instanceof String text)) {
      field.problem("must be text");
      return;
    }
    if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
      field.problem("must be at most " + validate.get("maxLength").asInt() + " characters");
    }
    if (validate.has("minLength") && text.strip().length() < validate.get("minLength").asInt()) {
      field.problem("must be at least " + validate.get("minLength").asInt() + " characters");
    }
    if (validate.has("pattern")) {
      try {
        if (!Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
          field.problem("is not in the expected format");
        }
      } catch (PatternSyntaxException e) {
        field.problem("the form's pattern is broken");
      }
    }
    if ("email".equals(validate.path("validationType").asText()) && !EMAIL.matcher(text).matches()) {
      field.problem("is not an email address");
    }
    if ("nhs-number".equals(properties.path(VALIDATE_PROPERTY).asText()) && !NhsNumber.isValid(text)) {
      field.problem("is not a valid NHS number (10 digits with a correct check digit)");
    }
  }

  private static void number(Field field, Object value, JsonNode validate) {
    if (!(value instanceof Number number)) {
      field.problem("must be a number");
      return;
    }
    if (validate.has("min") && number.doubleValue() < validate.get("min").asDouble()) {
      field.problem("must be at least " + validate.get("min").asText());
    }
    if (validate.has("max") && number.doubleValue() > validate.get("max").asDouble()) {
      field.problem("must be at most " + validate.get("max").asText());
    }
  }

  private static void option(Field field, Object value, JsonNode options) {
    for (JsonNode option : options) {
      if (option.path("value").asText().equals(String.valueOf(value))) {
        return;
      }
    }
    List<String> allowed = new ArrayList<>();
    options.forEach(option -> allowed.add(option.path("value").asText()));
    field.problem("must be one of " + allowed);
  }

  /** A calendar date ({@code 2026-11-28}); "today" is the partnership's. */
  private static void date(Field field, Object value, boolean notInFuture, String withinPast, PartnershipTime time) {
    LocalDate date;
    try {
      date = time.date(value);
    } catch (UnreadableTime e) {
      field.problem(e.getMessage());
      return;
    }
    if (notInFuture && time.isFuture(date)) {
      field.problem("must not be in the future (today is " + time.show(time.today()) + ")");
    }
    if (withinPast != null) {
      java.time.Period period = java.time.Period.parse(withinPast);
      LocalDate earliest = time.today().minus(period);
      if (date.isBefore(earliest)) {
        field.problem("reads as " + time.show(date) + ", more than " + period.getYears()
            + " years ago: check the day, month and year");
      }
    }
  }

  /** A moment ({@code 2026-11-28T19:31+00:00}, or without the offset in the partnership's zone). */
  private static void dateTime(Field field, Object value, boolean notInFuture, PartnershipTime time) {
    Instant instant;
    try {
      instant = value instanceof Date date ? date.toInstant() : time.dateTime(value.toString()).toInstant();
    } catch (UnreadableTime e) {
      field.problem(e.getMessage());
      return;
    }
    if (notInFuture && time.isFuture(instant)) {
      field.problem("must not be in the future (it is now " + time.show(time.now()) + ")");
    }
  }

  private static void timeOfDay(Field field, Object value) {
    try {
      LocalTime.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      field.problem("expected a time of day such as 19:31");
    }
  }
}
