package org.carerelay.engine.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open escalations, oldest first, counted by partner and level; and the targets missed each week:
 * rapid discharges not home within their target (which the {@code rapid-discharge-targets} table
 * sets by setting: a ward or the emergency department) and funding decisions later than the
 * service level the {@code handover-service-levels} table gives them.
 */
@Component
class Breaches {

  /** The service whose late decision counts as a funding target missed. */
  static final String FUNDING_SERVICE = "chc-fast-track";

  record Open(String caseId, String reference, String service, String serviceName, String partner,
      String partnerName, String stage, int level, OffsetDateTime raisedAt, String raised, long openMinutes) {}

  record PartnerLevels(String partner, String partnerName, Map<Integer, Integer> byLevel, int total) {}

  record MissedWeek(LocalDate week, String weekOf, Map<String, Integer> missed) {}

  record Report(String asOf, List<Open> open, List<PartnerLevels> byPartner, List<String> targets,
      List<MissedWeek> targetsMissed) {}

  private record Escalation(String caseId, String handoffId, String partner, String service, String stage, int level,
      OffsetDateTime raisedAt) {}

  private record Missed(String kind, OffsetDateTime at) {}

  private final JdbcClient jdbc;
  private final PartnerDirectory directory;
  private final PartnershipTime time;
  private final CaseReferences references;

  Breaches(JdbcClient jdbc, PartnerDirectory directory, PartnershipTime time, CaseReferences references) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.time = time;
    this.references = references;
  }

  Report report(LocalDate first, LocalDate last) {
    ZoneId zone = time.zone();
    Instant now = time.now();
    List<Escalation> escalations = jdbc.sql("""
        select case_id, handoff_id, partner, service, stage, level, raised_at from handover_escalation
        where resolved_at is null order by raised_at, level desc""")
        .query((row, number) -> new Escalation(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5), row.getInt(6), PartnerEngagement.at(row, 7))).list();
    Map<String, String> refs = references.of(escalations.stream().map(Escalation::caseId).distinct().toList());
    List<Open> open = new ArrayList<>();
    Map<String, Map<Integer, Integer>> levels = new TreeMap<>();
    Map<String, String> serviceNames = new java.util.HashMap<>();
    Map<String, String> partnerNames = new java.util.HashMap<>();
    for (Escalation escalation : escalations) {
      Instant raised = escalation.raisedAt().toInstant();
      open.add(new Open(escalation.caseId(), refs.getOrDefault(escalation.caseId(), ""), escalation.service(),
          serviceNames.computeIfAbsent(escalation.service(), directory::serviceName), escalation.partner(),
          partnerNames.computeIfAbsent(escalation.partner(), this::partnerName),
          escalation.stage(), escalation.level(), escalation.raisedAt(), time.show(raised),
          Duration.between(raised, now).toMinutes()));
      levels.computeIfAbsent(escalation.partner(), partner -> new TreeMap<>()).merge(escalation.level(), 1, Integer::sum);
    }
    List<PartnerLevels> byPartner = new ArrayList<>();
    levels.forEach((partner, counts) -> byPartner.add(new PartnerLevels(partner, partnerNames.get(partner), counts,
        counts.values().stream().mapToInt(Integer::intValue).sum())));
    byPartner.sort((a, b) -> Integer.compare(b.total(), a.total()));
    return new Report(time.show(now), open, byPartner, List.copyOf(TARGETS.values()),
        missedPerWeek(first, last, zone));
  }

  /** What each kind of missed target is called on the page, in the order it shows them. */
  private static final Map<String, String> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("ward", "Discharge from a ward");
    TARGETS.put("emergency-department", "Discharge from the emergency department");
    TARGETS.put("funding", "Fast-track funding decision");
  }

  private List<MissedWeek> missedPerWeek(LocalDate first, LocalDate last, ZoneId zone) {
    OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    List<Missed> missed = new ArrayList<>(jdbc.sql("""
        select setting as kind, target_at as at from case_outcome
        where pathway = 'rapid-discharge' and held_up_by is not null and target_at >= ? and target_at < ?""")
        .params(from, to).query(Breaches::missed).list());
    missed.addAll(jdbc.sql("""
        select 'funding' as kind, raised_at as at from handover_escalation
        where service = ? and stage = 'complete' and level = 1 and raised_at >= ? and raised_at < ?""")
        .params(FUNDING_SERVICE, from, to).query(Breaches::missed).list());
    Map<LocalDate, Map<String, Integer>> weeks = new TreeMap<>();
    for (LocalDate week = monday(first); !week.isAfter(last); week = week.plusWeeks(1)) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      TARGETS.values().forEach(name -> counts.put(name, 0));
      weeks.put(week, counts);
    }
    for (Missed miss : missed) {
      LocalDate week = monday(miss.at().atZoneSameInstant(zone).toLocalDate());
      weeks.get(week).merge(TARGETS.getOrDefault(miss.kind(), miss.kind()), 1, Integer::sum);
    }
    List<MissedWeek> answer = new ArrayList<>();
    weeks.forEach((week, counts) -> answer.add(new MissedWeek(week, time.show(week), counts)));
    return answer;
  }

  private static Missed missed(java.sql.ResultSet row, int number) throws java.sql.SQLException {
    return new Missed(row.getString(1), PartnerEngagement.at(row, 2));
  }

  static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private String partnerName(String partner) {
    return directory.organisationName(partner).orElse(partner);
  }
}
