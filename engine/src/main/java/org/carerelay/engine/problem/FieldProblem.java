package org.carerelay.engine.problem;

/**
 * One field a caller must correct.
 *
 * @param field the field's key, as the form or the JSON body names it ({@code diedAt})
 * @param label what a person sees the field called ({@code Date and time of death}); the key when
 *     there is no label
 * @param message what was wrong, and what was expected ({@code expected a date and time such as
 *     2026-11-28T19:31+00:00})
 */
public record FieldProblem(String field, String label, String message) {

  public FieldProblem {
    label = label == null || label.isBlank() ? field : label;
  }

  /** A field known only by its key. */
  public FieldProblem(String field, String message) {
    this(field, null, message);
  }

  /** One line for a person: {@code Date and time of death (diedAt): must not be in the future}. */
  public String text() {
    return (label.equals(field) ? field : label + " (" + field + ")") + ": " + message;
  }
}
