package org.carerelay.engine.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.carerelay.engine.partner.PartnerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How each organisation answers the partnership, per service, over a period: requests offered,
 * accepted, declined (by the reason the partner gave), not possible after accepting, moved on at
 * the hard deadline, done; median and 90th percentile time to respond and to complete; breaches of
 * service levels by level; hours marked unavailable; and a weekly trend. Read from CareRelay's own
 * tables ({@code handover_attempt}, {@code handover_escalation}, {@code partner_availability_change}),
 * each by an index on partner and time.
 */
@Component
class PartnerEngagement {

  record Row(String organisation, String organisationName, String service, String serviceName, int offered,
      int accepted, int declined, Map<String, Integer> declinedByReason, int unable, int movedOn, int completed,
      Long respondMedianMinutes, Long respond90Minutes, Long completeMedianMinutes, Long complete90Minutes,
      Map<Integer, Integer> breachesByLevel, double unavailableHours) {}

  record Week(LocalDate week, String organisation, String organisationName, int offered, int accepted, int declined,
      int breaches) {}

  record Report(LocalDate from, LocalDate to, List<Row> rows, List<Week> weeks) {}

  private record Attempt(String partner, String service, OffsetDateTime startedAt, OffsetDateTime acceptedAt,
      OffsetDateTime endedAt, String result, String reason) {}

  private record Breach(String partner, String service, int level, OffsetDateTime raisedAt) {}

  private record Change(String organisationId, String service, boolean available, OffsetDateTime availableUntil,
      OffsetDateTime changedAt) {}

  private final JdbcClient jdbc;
  private final PartnerDirectory directory;

  PartnerEngagement(JdbcClient jdbc, PartnerDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /**
   * @param organisations the organisations to report on; null for all
   */
  Report report(LocalDate from, LocalDate to, ZoneId zone, Collection<String> organisations) {
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    // A partner's staff ask about their own organisation: only its rows are read.
    String attemptsOf = organisations == null ? "" : " and partner in (:organisations)";
    String changesOf = organisations == null ? "" : " and organisation_id in (:organisations)";
    Map<String, Object> period = new java.util.HashMap<>(Map.of("start", start.atOffset(java.time.ZoneOffset.UTC),
        "end", end.atOffset(java.time.ZoneOffset.UTC)));
    if (organisations != null) {
      period.put("organisations", organisations);
    }
    List<Attempt> attempts = jdbc.sql("select partner, service, started_at, accepted_at, ended_at, result, reason"
            + " from handover_attempt where started_at >= :start and started_at < :end" + attemptsOf)
        .params(period).query((row, number) -> new Attempt(row.getString(1), row.getString(2), at(row, 3), at(row, 4),
            at(row, 5), row.getString(6), row.getString(7))).list();
    List<Breach> breaches = jdbc.sql("select partner, service, level, raised_at from handover_escalation"
            + " where raised_at >= :start and raised_at < :end" + attemptsOf)
        .params(period).query((row, number) -> new Breach(row.getString(1), row.getString(2), row.getInt(3),
            at(row, 4))).list();
    List<Change> changes = jdbc.sql("select organisation_id, service, available, available_until, changed_at"
            + " from partner_availability_change where changed_at < :end" + changesOf + " order by changed_at, id")
        .params(period).query((row, number) -> new Change(row.getString(1), row.getString(2), row.getBoolean(3),
            at(row, 4), at(row, 5))).list();

    Map<String, List<Attempt>> attemptsByKey = attempts.stream()
        .collect(Collectors.groupingBy(attempt -> attempt.partner() + "\n" + attempt.service(), TreeMap::new,
            Collectors.toList()));
    Map<String, List<Breach>> breachesByKey = breaches.stream()
        .collect(Collectors.groupingBy(breach -> breach.partner() + "\n" + breach.service()));
    Map<String, List<Change>> changesByKey = changes.stream()
        .collect(Collectors.groupingBy(change -> change.organisationId() + "\n" + change.service()));
    java.util.SortedSet<String> keys = new java.util.TreeSet<>(attemptsByKey.keySet());
    keys.addAll(breachesByKey.keySet());
    keys.addAll(changesByKey.keySet());

    List<Row> rows = new ArrayList<>();
    for (String key : keys) {
      String organisation = key.substring(0, key.indexOf('\n'));
      String service = key.substring(key.indexOf('\n') + 1);
      List<Attempt> asked = attemptsByKey.getOrDefault(key, List.of());
      Map<String, Integer> reasons = new TreeMap<>();
      asked.stream().filter(attempt -> "declined".equals(attempt.result())).forEach(attempt ->
          reasons.merge(attempt.reason() == null || attempt.reason().isBlank() ? "(no reason given)"
              : attempt.reason().strip(), 1, Integer::sum));
      List<Long> respond = asked.stream().filter(attempt -> respondedAt(attempt) != null)
          .map(attempt -> Duration.between(attempt.startedAt(), respondedAt(attempt)).toMinutes()).toList();
      List<Long> complete = asked.stream().filter(attempt -> "completed".equals(attempt.result())
              && attempt.acceptedAt() != null && attempt.endedAt() != null)
          .map(attempt -> Duration.between(attempt.acceptedAt(), attempt.endedAt()).toMinutes()).toList();
      Map<Integer, Integer> byLevel = new TreeMap<>();
      for (int level = 1; level <= 3; level++) {
        int wanted = level;
        byLevel.put(level, (int) breachesByKey.getOrDefault(key, List.of()).stream()
            .filter(breach -> breach.level() == wanted).count());
      }
      rows.add(new Row(organisation, directory.organisationName(organisation).orElse(organisation), service,
          directory.serviceName(service), asked.size(),
          (int) asked.stream().filter(attempt -> attempt.acceptedAt() != null).count(),
          count(asked, "declined"), reasons, count(asked, "unable"), count(asked, "timed-out"),
          count(asked, "completed"), percentile(respond, 50), percentile(respond, 90), percentile(complete, 50),
          percentile(complete, 90), byLevel, unavailableHours(changesByKey.getOrDefault(key, List.of()), start, end)));
    }
    rows.sort(Comparator.comparing(Row::organisationName).thenComparing(Row::serviceName));
    return new Report(from, to, rows, weeks(attempts, breaches, zone));
  }

  private List<Week> weeks(List<Attempt> attempts, List<Breach> breaches, ZoneId zone) {
    Map<String, int[]> figures = new TreeMap<>();
    for (Attempt attempt : attempts) {
      int[] week = figures.computeIfAbsent(monday(attempt.startedAt(), zone) + "\n" + attempt.partner(), k -> new int[4]);
      week[0]++;
      week[1] += attempt.acceptedAt() != null ? 1 : 0;
      week[2] += "declined".equals(attempt.result()) ? 1 : 0;
    }
    for (Breach breach : breaches) {
      figures.computeIfAbsent(monday(breach.raisedAt(), zone) + "\n" + breach.partner(), k -> new int[4])[3]++;
    }
    List<Week> weeks = new ArrayList<>();
    figures.forEach((key, week) -> {
      String organisation = key.substring(key.indexOf('\n') + 1);
      weeks.add(new Week(LocalDate.parse(key.substring(0, key.indexOf('\n'))), organisation,
          directory.organisationName(organisation).orElse(organisation), week[0], week[1], week[2], week[3]));
    });
    return weeks;
  }

  private static LocalDate monday(OffsetDateTime at, ZoneId zone) {
    return at.atZoneSameInstant(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
  }

  /** When the partner answered the offer: accepted, or declined without accepting. */
  private static OffsetDateTime respondedAt(Attempt attempt) {
    if (attempt.acceptedAt() != null) {
      return attempt.acceptedAt();
    }
    return "declined".equals(attempt.result()) ? attempt.endedAt() : null;
  }

  private static int count(List<Attempt> attempts, String result) {
    return (int) attempts.stream().filter(attempt -> result.equals(attempt.result())).count();
  }

  /**
   * A moment read from a result set. Rows are mapped by hand: Spring's record mapper converts each
   * value by reflection, which took most of a second for the hand-offs of 10,000 cases.
   */
  static OffsetDateTime at(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    return row.getObject(column, OffsetDateTime.class);
  }

  /** The nearest-rank percentile, or null when there is nothing to rank. */
  static Long percentile(List<Long> values, int percent) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** Hours within [start, end) that the organisation's service was marked unavailable. */
  private static double unavailableHours(List<Change> changes, Instant start, Instant end) {
    long minutes = 0;
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      if (change.available()) {
        continue;
      }
      Instant from = change.changedAt().toInstant();
      Instant until = i + 1 < changes.size() ? changes.get(i + 1).changedAt().toInstant() : end;
      if (change.availableUntil() != null && change.availableUntil().toInstant().isBefore(until)) {
        until = change.availableUntil().toInstant();
      }
      Instant a = from.isAfter(start) ? from : start;
      Instant b = until.isBefore(end) ? until : end;
      if (b.isAfter(a)) {
        minutes += ChronoUnit.MINUTES.between(a, b);
      }
    }
    return Math.round(minutes / 6.0) / 10.0;
  }

  /** The report as CSV, a line per organisation and service. */
  static String csv(Report report) {
    StringBuilder csv = new StringBuilder("organisation,service,offered,accepted,declined,unable,moved_on,completed,"
        + "respond_median_minutes,respond_p90_minutes,complete_median_minutes,complete_p90_minutes,"
        + "breaches_level_1,breaches_level_2,breaches_level_3,unavailable_hours\n");
    for (Row row : report.rows()) {
      csv.append(String.join(",", quote(row.organisationName()), quote(row.serviceName()),
          String.valueOf(row.offered()), String.valueOf(row.accepted()), String.valueOf(row.declined()),
          String.valueOf(row.unable()), String.valueOf(row.movedOn()), String.valueOf(row.completed()),
          text(row.respondMedianMinutes()), text(row.respond90Minutes()), text(row.completeMedianMinutes()),
          text(row.complete90Minutes()), String.valueOf(row.breachesByLevel().get(1)),
          String.valueOf(row.breachesByLevel().get(2)), String.valueOf(row.breachesByLevel().get(3)),
          String.valueOf(row.unavailableHours()))).append('\n');
    }
    return csv.toString();
  }

  private static String text(Long value) {
    return value == null ? "" : value.toString();
  }

  /** A CSV field, quoted, and never read as a formula by a spreadsheet. */
  private static String quote(String value) {
    String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
