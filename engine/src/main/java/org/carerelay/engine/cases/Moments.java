package org.carerelay.engine.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Dates and times as they arrive in variables: {@link Date} from Java and REST, ISO 8601 text from
 * Camunda Forms ({@code 2026-11-26T14:30+00:00}, {@code 2026-11-26T14:30Z} or {@code 2026-11-26}).
 */
public final class Moments {

  private Moments() {}

  /** The instant a value names; null for null. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
  }

  public static LocalDate date(Object value) {
    if (value instanceof String text && text.strip().length() == 10) {
      return LocalDate.parse(text.strip());
    }
    Instant instant = instant(value);
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneId.systemDefault());
  }
}
