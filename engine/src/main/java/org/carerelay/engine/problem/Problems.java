package org.carerelay.engine.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The body of every refusal, as RFC 9457 problem details: {@code type}, {@code title},
 * {@code status}, {@code detail}, plus {@code errors} (each field to correct: {@code field},
 * {@code label}, {@code message}) and {@code message}, the detail again, which Camunda's webapps
 * show to the user.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Camunda's message codes ({@code ENGINE-03051 }). */
  private static final Pattern ENGINE_CODE = Pattern.compile("\\b[A-Z]+-\\d{5}\\s+");
  /** Camunda REST's prefixes naming the operation and an id ({@code Cannot complete task 1a2b: }). */
  private static final Pattern OPERATION_PREFIX = Pattern.compile(
      "^(Cannot|Could not) [a-zA-Z ]+? [\\w:.-]*\\d[\\w:.-]*: ");
  private static final Pattern LISTENER_WRAPPER = Pattern.compile(
      "There was an exception while invoking the \\w+\\. Message: '(.*)'", Pattern.DOTALL);
  /** Camunda REST's refusal of a typed variable's value, which names a Java class but not the variable. */
  private static final Pattern UNCONVERTIBLE = Pattern.compile(
      "Cannot convert value '(.*)' of type '(\\w+)' to java type [\\w.$]+", Pattern.DOTALL);
  /** How Camunda REST expects each type of variable. */
  private static final Map<String, String> EXPECTED = Map.of(
      "Date", "a date and time such as 2026-11-28T19:31:00.000+0000",
      "Boolean", "true or false",
      "Integer", "a whole number", "Long", "a whole number", "Short", "a whole number",
      "Double", "a number");

  private Problems() {}

  public static Map<String, Object> body(HttpStatus status, String detail, List<FieldProblem> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("errors", errors(errors));
    body.put("message", detail);
    return body;
  }

  static List<Map<String, String>> errors(List<FieldProblem> problems) {
    return problems.stream().map(Problems::error).toList();
  }

  private static Map<String, String> error(FieldProblem problem) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", problem.field());
    error.put("label", problem.label());
    error.put("message", problem.message());
    return error;
  }

  /** An engine's message in a person's words: without codes, operation prefixes or listener wrappers. */
  static String plain(String message) {
    if (message == null || message.isBlank()) {
      return "The request was not accepted";
    }
    String plain = ENGINE_CODE.matcher(message).replaceAll("");
    var wrapped = LISTENER_WRAPPER.matcher(plain);
    if (wrapped.find()) {
      plain = wrapped.group(1);
    }
    var unconvertible = UNCONVERTIBLE.matcher(plain);
    if (unconvertible.find()) {
      plain = unconvertible.replaceFirst("'" + unconvertible.group(1).replace("$", "\\$") + "' is not a valid "
          + unconvertible.group(2) + ": expected " + EXPECTED.getOrDefault(unconvertible.group(2), "a "
          + unconvertible.group(2)));
    }
    String before;
    do {
      before = plain;
      plain = OPERATION_PREFIX.matcher(plain).replaceFirst("");
    } while (!plain.equals(before));
    return plain.strip();
  }
}
