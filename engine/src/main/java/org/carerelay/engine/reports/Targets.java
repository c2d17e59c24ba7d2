package org.carerelay.engine.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.carerelay.engine.cases.AfterDeathRecords;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the pathways meet their aims over a period (cases by the week they were opened): for rapid
 * discharge, the share home within target, the median time from decision to discharge and which
 * services held the late ones up; for hospice admission, the time from referral to the triage
 * decision and to admission, and how many wait for a bed now.
 */
@Component
class Targets {

  /** Held up though every partner was ready: the ward had not confirmed the discharge. */
  static final String WARD_CONFIRMATION = "The ward's confirmation of the discharge";

  record DischargeWeek(LocalDate week, String weekOf, int decisions, int withinTarget, int late, int notYetHome,
      Integer sharePercent, Long medianMinutes) {}

  record HeldUp(String service, int cases) {}

  record RapidDischargeTargets(int decisions, int withinTarget, int late, Integer sharePercent,
      Long medianDecisionToDischargeMinutes, String medianDecisionToDischarge, List<HeldUp> heldUpBy,
      List<DischargeWeek> weeks) {}

  record AdmissionWeek(LocalDate week, String weekOf, int referrals, int triaged, int admitted,
      Long medianToTriageMinutes, Long medianToAdmissionMinutes) {}

  record HospiceAdmissionTargets(int referrals, Long medianToTriageMinutes, Long p90ToTriageMinutes,
      String medianToTriage, Long medianToAdmissionMinutes, Long p90ToAdmissionMinutes, String medianToAdmission,
      long waitingListNow, List<AdmissionWeek> weeks) {}

  /**
   * After a death (deaths in the period): how long until every team was told, the equipment was
   * collected and the family was contacted, and how many families due a contact had one.
   */
  record AfterDeathTargets(int deaths, int everyoneTold, Long medianToEveryoneToldMinutes, String medianToEveryoneTold,
      int equipmentCollected, Long medianToEquipmentCollectedMinutes, String medianToEquipmentCollected,
      int contactsDue, int contactsMade, Integer contactSharePercent, Long medianToBereavementContactMinutes,
      String medianToBereavementContact) {}

  record Report(LocalDate from, LocalDate to, RapidDischargeTargets rapidDischarge,
      HospiceAdmissionTargets hospiceAdmission, AfterDeathTargets afterDeath) {}

  private record Outcome(String caseId, OffsetDateTime openedAt, OffsetDateTime targetAt, OffsetDateTime achievedAt,
      Boolean targetMet, String heldUpBy, OffsetDateTime triagedAt) {}

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final PartnerDirectory directory;
  private final PartnershipTime time;
  private final AfterDeathRecords afterDeaths;

  Targets(JdbcClient jdbc, RuntimeService runtime, PartnerDirectory directory, PartnershipTime time,
      AfterDeathRecords afterDeaths) {
    this.afterDeaths = afterDeaths;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.directory = directory;
    this.time = time;
  }

  Report report(LocalDate first, LocalDate last) {
    return new Report(first, last, rapidDischarge(first, last), hospiceAdmission(first, last), afterDeath(first, last));
  }

  private RapidDischargeTargets rapidDischarge(LocalDate first, LocalDate last) {
    List<Outcome> cases = outcomes(RapidDischarge.KEY, first, last, null);
    OffsetDateTime now = time.now().atOffset(java.time.ZoneOffset.UTC);
    Map<LocalDate, List<Outcome>> weeks = weeks(first, last, cases);
    List<DischargeWeek> rows = new ArrayList<>();
    weeks.forEach((week, inWeek) -> {
      int within = (int) inWeek.stream().filter(c -> Boolean.TRUE.equals(c.targetMet())).count();
      int late = (int) inWeek.stream().filter(c -> Boolean.FALSE.equals(c.targetMet())).count();
      int overdue = (int) inWeek.stream().filter(c -> c.achievedAt() == null && c.heldUpBy() != null
          && c.targetAt() != null && c.targetAt().isBefore(now)).count();
      rows.add(new DischargeWeek(week, time.show(week), inWeek.size(), within, late, overdue,
          share(within, within + late + overdue), PartnerEngagement.percentile(minutesToAim(inWeek), 50)));
    });
    int within = rows.stream().mapToInt(DischargeWeek::withinTarget).sum();
    int late = rows.stream().mapToInt(DischargeWeek::late).sum();
    int overdue = rows.stream().mapToInt(DischargeWeek::notYetHome).sum();
    Map<String, Integer> heldUp = new TreeMap<>();
    Map<String, String> names = new java.util.HashMap<>();
    for (Outcome missed : cases) {
      if (missed.heldUpBy() == null) {
        continue;
      }
      if (missed.heldUpBy().isBlank()) {
        heldUp.merge(WARD_CONFIRMATION, 1, Integer::sum);
      }
      for (String service : missed.heldUpBy().split(",")) {
        if (!service.isBlank()) {
          heldUp.merge(names.computeIfAbsent(service.strip(), directory::serviceName), 1, Integer::sum);
        }
      }
    }
    List<HeldUp> heldUpBy = new ArrayList<>();
    heldUp.forEach((service, count) -> heldUpBy.add(new HeldUp(service, count)));
    heldUpBy.sort((a, b) -> Integer.compare(b.cases(), a.cases()));
    Long median = PartnerEngagement.percentile(minutesToAim(cases), 50);
    return new RapidDischargeTargets(cases.size(), within, late, share(within, within + late + overdue), median,
        shown(median), heldUpBy, rows);
  }

  private HospiceAdmissionTargets hospiceAdmission(LocalDate first, LocalDate last) {
    List<Outcome> cases = outcomes(HospiceAdmission.KEY, first, last, "hospice-inpatient");
    List<AdmissionWeek> rows = new ArrayList<>();
    weeks(first, last, cases).forEach((week, inWeek) -> rows.add(new AdmissionWeek(week, time.show(week),
        inWeek.size(), (int) inWeek.stream().filter(c -> c.triagedAt() != null).count(),
        (int) inWeek.stream().filter(c -> c.achievedAt() != null).count(),
        PartnerEngagement.percentile(minutesToTriage(inWeek), 50),
        PartnerEngagement.percentile(minutesToAim(inWeek), 50))));
    Long toTriage = PartnerEngagement.percentile(minutesToTriage(cases), 50);
    Long toAdmission = PartnerEngagement.percentile(minutesToAim(cases), 50);
    long waiting = runtime.createProcessInstanceQuery().processDefinitionKey(HospiceAdmission.KEY)
        .activityIdIn(HospiceAdmission.Elements.REVIEW_WAITING, HospiceAdmission.Elements.NEXT_REVIEW,
            HospiceAdmission.Elements.WAITING_TOO_LONG).count();
    return new HospiceAdmissionTargets(cases.size(), toTriage, PartnerEngagement.percentile(minutesToTriage(cases), 90),
        shown(toTriage), toAdmission, PartnerEngagement.percentile(minutesToAim(cases), 90), shown(toAdmission),
        waiting, rows);
  }

  private AfterDeathTargets afterDeath(LocalDate first, LocalDate last) {
    ZoneId zone = time.zone();
    List<AfterDeathRecords.Moments> deaths = afterDeaths.diedBetween(first.atStartOfDay(zone).toOffsetDateTime(),
        last.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    List<Long> told = sinceDeath(deaths, AfterDeathRecords.Moments::everyoneToldAt);
    List<Long> equipment = sinceDeath(deaths, AfterDeathRecords.Moments::equipmentCollectedAt);
    List<Long> contact = sinceDeath(deaths, AfterDeathRecords.Moments::bereavementContactAt);
    OffsetDateTime now = time.now().atOffset(java.time.ZoneOffset.UTC);
    int due = (int) deaths.stream().filter(d -> d.bereavementDueAt() != null && !d.bereavementDueAt().isAfter(now)).count();
    int made = (int) deaths.stream().filter(d -> d.bereavementContactAt() != null).count();
    Long toTold = PartnerEngagement.percentile(told, 50);
    Long toEquipment = PartnerEngagement.percentile(equipment, 50);
    Long toContact = PartnerEngagement.percentile(contact, 50);
    return new AfterDeathTargets(deaths.size(), told.size(), toTold, shown(toTold), equipment.size(), toEquipment,
        shown(toEquipment), due, made, share(made, due), toContact, shown(toContact));
  }

  private static List<Long> sinceDeath(List<AfterDeathRecords.Moments> deaths,
      java.util.function.Function<AfterDeathRecords.Moments, OffsetDateTime> moment) {
    return deaths.stream().filter(d -> moment.apply(d) != null)
        .map(d -> Duration.between(d.diedAt(), moment.apply(d)).toMinutes()).sorted().toList();
  }

  /** The cases of a pathway opened in the period, with when their first request for {@code decidingService} completed. */
  private List<Outcome> outcomes(String pathway, LocalDate first, LocalDate last, String decidingService) {
    ZoneId zone = time.zone();
    return jdbc.sql("""
        select o.case_id, o.opened_at, o.target_at, o.achieved_at, o.target_met, o.held_up_by, d.triaged_at
        from case_outcome o left join (
          select case_id, min(ended_at) as triaged_at from handover_attempt
          where service = :service and result = 'completed' and started_at >= :from group by case_id) d
        on d.case_id = o.case_id
        where o.pathway = :pathway and o.opened_at >= :from and o.opened_at < :to""")
        .param("service", decidingService == null ? "" : decidingService).param("pathway", pathway)
        .param("from", first.atStartOfDay(zone).toOffsetDateTime())
        .param("to", last.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .query((row, number) -> new Outcome(row.getString(1), PartnerEngagement.at(row, 2), PartnerEngagement.at(row, 3),
            PartnerEngagement.at(row, 4), (Boolean) row.getObject(5), row.getString(6), PartnerEngagement.at(row, 7)))
        .list();
  }

  private Map<LocalDate, List<Outcome>> weeks(LocalDate first, LocalDate last, List<Outcome> cases) {
    Map<LocalDate, List<Outcome>> weeks = new LinkedHashMap<>();
    for (LocalDate week = Breaches.monday(first); !week.isAfter(last); week = week.plusWeeks(1)) {
      weeks.put(week, new ArrayList<>());
    }
    for (Outcome outcome : cases) {
      weeks.get(Breaches.monday(outcome.openedAt().atZoneSameInstant(time.zone()).toLocalDate())).add(outcome);
    }
    return weeks;
  }

  private static List<Long> minutesToAim(List<Outcome> cases) {
    return cases.stream().filter(c -> c.achievedAt() != null)
        .map(c -> Duration.between(c.openedAt(), c.achievedAt()).toMinutes()).toList();
  }

  private static List<Long> minutesToTriage(List<Outcome> cases) {
    return cases.stream().filter(c -> c.triagedAt() != null)
        .map(c -> Duration.between(c.openedAt(), c.triagedAt()).toMinutes()).toList();
  }

  private static Integer share(int part, int whole) {
    return whole == 0 ? null : Math.round(100f * part / whole);
  }

  /** A duration for people: "3 h 05 min", "2 days 4 h". */
  static String shown(Long minutes) {
    return PartnershipTime.showMinutes(minutes);
  }

}
