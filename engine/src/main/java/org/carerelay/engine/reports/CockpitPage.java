package org.carerelay.engine.reports;

import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.handover.PartnerHandover;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The managers' page ({@code /cockpit/}): live cases, breaches, targets, where cases wait, and each
 * partner's engagement, drawn in the browser from the {@code /api/reports/...} answers. A partner's
 * own staff get the engagement view of their organisation only.
 */
@Controller
class CockpitPage {

  /** A choice of the page's list: a value the API takes, and the words people see. */
  record Choice(String value, String label) {}

  /** A period people choose instead of typing dates: both days inclusive, ISO for the API. */
  record PeriodChoice(String from, String to, String label) {}

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final IdentityService identity;
  private final RepositoryService repository;
  private final PartnerDirectory directory;
  private final JdbcClient jdbc;
  private final PartnershipTime time;

  CockpitPage(IdentityService identity, RepositoryService repository, PartnerDirectory directory, JdbcClient jdbc,
      PartnershipTime time) {
    this.identity = identity;
    this.repository = repository;
    this.directory = directory;
    this.jdbc = jdbc;
    this.time = time;
  }

  @GetMapping({"/cockpit", "/cockpit/"})
  String cockpit(Principal principal, Model model) {
    List<String> groups = identity.createGroupQuery().groupMember(principal.getName()).list().stream()
        .map(Group::getId).toList();
    boolean partnership = Callers.seesWholePartnership(groups);
    List<String> own = directory.organisationsOfGroups(groups).stream().sorted().toList();
    if (!partnership && own.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "This page is for the partnership's managers, the hub and the partners themselves.");
    }
    model.addAttribute("partnership", partnership);
    model.addAttribute("organisationNames", own.stream().map(id -> directory.organisationName(id).orElse(id)).toList());
    model.addAttribute("periods", periods(time.today()));
    model.addAttribute("pathways", List.of(pathway(RapidDischarge.KEY), pathway(HospiceAdmission.KEY),
        pathway(PartnerHandover.KEY)).stream().filter(choice -> choice != null).toList());
    model.addAttribute("pathwayNames", List.of(RapidDischarge.NAME, HospiceAdmission.NAME));
    model.addAttribute("localities", jdbc.sql("select id, name from partner_locality order by name")
        .query((row, number) -> new Choice(row.getString(1), row.getString(2))).list());
    model.addAttribute("services", jdbc.sql("select id, name from directory_service order by name")
        .query((row, number) -> new Choice(row.getString(1), row.getString(2))).list());
    model.addAttribute("partners", directory.partners().stream()
        .map(partner -> new Choice(partner.id(), partner.name())).sorted((a, b) -> a.label().compareTo(b.label()))
        .toList());
    return "cockpit";
  }

  private Choice pathway(String key) {
    var latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    return latest == null ? null : new Choice(key, latest.getName());
  }

  /** Last 4 weeks, last month, this month, last 12 weeks: what managers ask about. */
  static List<PeriodChoice> periods(LocalDate today) {
    List<PeriodChoice> periods = new ArrayList<>();
    periods.add(new PeriodChoice(today.minusDays(27).toString(), today.toString(), "Last 4 weeks"));
    YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
    periods.add(new PeriodChoice(lastMonth.atDay(1).toString(), lastMonth.atEndOfMonth().toString(),
        "Last month (" + MONTH.format(lastMonth) + ")"));
    periods.add(new PeriodChoice(today.withDayOfMonth(1).toString(), today.toString(),
        "This month (" + MONTH.format(today) + ")"));
    periods.add(new PeriodChoice(today.minusWeeks(12).plusDays(1).toString(), today.toString(), "Last 12 weeks"));
    return periods;
  }
}
