package org.carerelay.engine.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The partnership's clock and calendar. "Now" is the engine's clock (so tests move it), "today" is
 * the date in the partnership's zone, and never the server's own zone.
 *
 * <p>Dates and times arrive as {@link Date} (Java, Camunda REST) or as ISO 8601 text (Camunda Forms,
 * JSON). A date-time without an offset ({@code 2026-11-28T19:31}) is read in the partnership's
 * zone, as a clinician there means it; one that does not exist there (the hour skipped when the
 * clocks go forward) or that happens twice (when they go back) is refused, asking for the offset.
 */
public class PartnershipTime {

  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter EXAMPLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx", Locale.ROOT);
  private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);
  private static final DateTimeFormatter SHOWN_DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.UK);

  private final ZoneId zone;
  private final Duration clockSkew;

  /** A partnership in {@code zone}, allowing {@code clockSkew} between its computers' clocks. */
  public PartnershipTime(ZoneId zone, Duration clockSkew) {
    this.zone = zone;
    this.clockSkew = clockSkew;
  }

  /** The partnership's zone. */
  public ZoneId zone() {
    return zone;
  }

  /** Now, by the engine's clock. */
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today's date in the partnership's zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  /** Whether {@code instant} is later than now, beyond the allowed clock skew. */
  public boolean isFuture(Instant instant) {
    return instant.isAfter(now().plus(clockSkew));
  }

  /** Whether {@code date} is after today in the partnership's zone. */
  public boolean isFuture(LocalDate date) {
    return date.isAfter(today());
  }

  /**
   * The instant a value names: a {@link Date}, an {@link Instant}, ISO 8601 date-time text with or
   * without an offset, or a date alone (its start in the partnership's zone); null for null.
   *
   * @throws UnreadableTime saying what was expected
   */
  public Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    String text = value.toString().strip();
    if (text.length() == 10) {
      return date(text).atStartOfDay(zone).toInstant();
    }
    return dateTime(text).toInstant();
  }

  /**
   * A date-time typed by a person or sent by a system, with its offset; without one, in the
   * partnership's zone.
   *
   * @throws UnreadableTime saying what was expected
   */
  public OffsetDateTime dateTime(String text) {
    TemporalAccessor parsed;
    try {
      parsed = DATE_TIME.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
    } catch (DateTimeParseException e) {
      throw new UnreadableTime("expected a date and time such as " + dateTimeExample());
    }
    if (parsed instanceof OffsetDateTime dateTime) {
      return dateTime;
    }
    LocalDateTime local = (LocalDateTime) parsed;
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    if (offsets.size() == 1) {
      return local.atOffset(offsets.get(0));
    }
    String typed = local.truncatedTo(ChronoUnit.MINUTES).toString();
    if (offsets.isEmpty()) {
      throw new UnreadableTime(typed + " does not exist in " + zone + " (the clocks went forward); give the offset,"
          + " such as " + typed + zone.getRules().getOffset(local.atZone(zone).toInstant()));
    }
    throw new UnreadableTime(typed + " happened twice in " + zone + " (the clocks went back); give the offset: "
        + typed + offsets.get(0) + " or " + typed + offsets.get(1));
  }

  /**
   * The date a value names: a date ({@code 2026-11-28}), or the date in the partnership's zone of
   * an instant; null for null.
   *
   * @throws UnreadableTime saying what was expected
   */
  public LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof String text && text.strip().length() == 10) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new UnreadableTime("expected a date such as " + today());
      }
    }
    try {
      return LocalDate.ofInstant(instant(value), zone);
    } catch (UnreadableTime e) {
      throw new UnreadableTime("expected a date such as " + today());
    }
  }

  /** Now in the partnership's zone, as a date-time to type: {@code 2026-11-28T19:31+00:00}. */
  public String dateTimeExample() {
    return EXAMPLE.format(now().atZone(zone));
  }

  /** A date for people, day first: {@code 28 Nov 2026}. */
  public String show(LocalDate date) {
    return SHOWN_DATE.format(date);
  }

  /** A moment for people, day first in the partnership's zone: {@code Sat 28 Nov 2026, 19:31}. */
  public String show(Instant instant) {
    return SHOWN_DATE_TIME.format(instant.atZone(zone));
  }

  /** A moment for people, or {@code otherwise} when there is none. */
  public String show(Date date, String otherwise) {
    return date == null ? otherwise : show(date.toInstant());
  }

  /** A length of time for people: "45 min", "3 h 05 min", "2 days 4 h"; empty for none. */
  public static String showMinutes(Long minutes) {
    if (minutes == null) {
      return "";
    }
    long days = minutes / (24 * 60);
    long hours = minutes % (24 * 60) / 60;
    long rest = minutes % 60;
    if (days > 0) {
      return days + (days == 1 ? " day " : " days ") + hours + " h";
    }
    return hours > 0 ? hours + " h " + String.format("%02d", rest) + " min" : rest + " min";
  }
}
