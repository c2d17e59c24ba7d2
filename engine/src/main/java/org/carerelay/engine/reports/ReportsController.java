package org.carerelay.engine.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/reports/partners?from=&to=}: each organisation's engagement per service over a
 * period of days in the partnership's zone (both inclusive; the last 28 days by default), as JSON,
 * or as CSV with {@code Accept: text/csv}. The hub, managers and administrators see every
 * organisation; a partner's staff see their own organisation only; others are refused.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

  private static final int LONGEST_PERIOD_DAYS = 366;

  private final PartnerEngagement engagement;
  private final LiveCases live;
  private final Breaches breaches;
  private final Targets targets;
  private final Heatmap heatmap;
  private final PartnerDirectory directory;
  private final PartnershipTime time;

  ReportsController(PartnerEngagement engagement, LiveCases live, Breaches breaches, Targets targets,
      Heatmap heatmap, PartnerDirectory directory, PartnershipTime time) {
    this.engagement = engagement;
    this.live = live;
    this.breaches = breaches;
    this.targets = targets;
    this.heatmap = heatmap;
    this.directory = directory;
    this.time = time;
  }

  @GetMapping(path = "/partners", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> partners(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, defaultValue = "") String accept,
      Authentication caller) {
    Set<String> organisations = null;
    if (!Callers.seesWholePartnership(caller)) {
      organisations = directory.organisationsOfGroups(Callers.groups(caller));
      if (organisations.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN,
            "Partner reports are for the partnership's managers, the hub and the partners themselves.");
      }
    }
    Period period = period(from, to);
    LocalDate first = period.first();
    LocalDate last = period.last();
    PartnerEngagement.Report report = engagement.report(first, last, time.zone(), organisations);
    if (accept.contains("text/csv")) {
      return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"partners-" + first + "-to-" + last + ".csv\"")
          .body(PartnerEngagement.csv(report));
    }
    return ResponseEntity.ok(report);
  }

  /**
   * {@code GET /api/reports/live}: every running case with a request open to a partner, the most
   * urgent first, for the hub, managers and administrators; filtered by {@code pathway} (its name),
   * {@code locality}, {@code partner}, {@code service}, {@code urgency} and {@code status}
   * ({@code on-time}, {@code at-risk}: due within the hour, {@code breached}).
   */
  @GetMapping(path = "/live", produces = MediaType.APPLICATION_JSON_VALUE)
  java.util.Map<String, Object> live(@RequestParam(required = false) String pathway,
      @RequestParam(required = false) String locality, @RequestParam(required = false) String partner,
      @RequestParam(required = false) String service, @RequestParam(required = false) String urgency,
      @RequestParam(required = false) String status, Authentication caller) {
    partnershipOnly(caller, "The live view");
    if (status != null && !LiveCases.STATUSES.contains(status)) {
      throw new InvalidInput("The live view", new FieldProblem("status", "expected one of "
          + String.join(", ", LiveCases.STATUSES) + ", not " + status));
    }
    List<LiveCases.LiveCase> cases = live.cases(new LiveCases.Filter(pathway, locality, partner, service, urgency,
        status));
    java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("asOf", time.show(time.now()));
    answer.put("requestsByStatus", LiveCases.countByStatus(cases));
    answer.put("cases", cases);
    return answer;
  }

  /**
   * {@code GET /api/reports/breaches?from=&to=}: open escalations by partner and level, oldest first,
   * and the targets missed in each week of the period (the last 8 weeks by default).
   */
  @GetMapping(path = "/breaches", produces = MediaType.APPLICATION_JSON_VALUE)
  Breaches.Report breaches(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication caller) {
    partnershipOnly(caller, "Breaches");
    Period period = period(from, to, 55);
    return breaches.report(period.first(), period.last());
  }

  /**
   * {@code GET /api/reports/targets?from=&to=}: rapid discharges within target and hospice referral
   * times, for the cases opened in the period (the last 8 weeks by default), week by week.
   */
  @GetMapping(path = "/targets", produces = MediaType.APPLICATION_JSON_VALUE)
  Targets.Report targets(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication caller) {
    partnershipOnly(caller, "Targets");
    Period period = period(from, to, 55);
    return targets.report(period.first(), period.last());
  }

  /**
   * {@code GET /api/reports/heatmap?pathway=&from=&to=}: for each activity of a pathway (its process
   * key), the cases there now and the median and 90th percentile time spent there by the activities
   * that ended in the period (the last 28 days by default).
   */
  @GetMapping(path = "/heatmap", produces = MediaType.APPLICATION_JSON_VALUE)
  Heatmap.Report heatmap(@RequestParam(required = false) String pathway, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication caller) {
    partnershipOnly(caller, "The heatmap");
    Period period = period(from, to);
    return heatmap.report(pathway(pathway), period.first(), period.last());
  }

  /** {@code GET /api/reports/heatmap/diagram?pathway=}: the BPMN diagram of the pathway's latest version. */
  @GetMapping("/heatmap/diagram")
  ResponseEntity<String> diagram(@RequestParam(required = false) String pathway, Authentication caller) {
    partnershipOnly(caller, "The heatmap");
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(heatmap.diagram(pathway(pathway)));
  }

  private org.camunda.bpm.engine.repository.ProcessDefinition pathway(String pathway) {
    if (pathway == null || pathway.isBlank()) {
      throw new InvalidInput("The heatmap", new FieldProblem("pathway", "is required, e.g. rapid-discharge"));
    }
    var latest = heatmap.latest(pathway.strip());
    if (latest == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No pathway " + pathway + " is deployed.");
    }
    return latest;
  }

  private static void partnershipOnly(Authentication caller, String view) {
    if (!Callers.seesWholePartnership(caller)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          view + " is for the partnership's managers, the hub and administrators.");
    }
  }

  private record Period(LocalDate first, LocalDate last) {}

  private Period period(String from, String to) {
    return period(from, to, 27);
  }

  /** The days from {@code from} to {@code to}, both inclusive; by default, today and {@code days} before it. */
  private Period period(String from, String to, int days) {
    LocalDate last = date("to", to, time.today());
    LocalDate first = date("from", from, last.minusDays(days));
    if (first.isAfter(last)) {
      throw new InvalidInput("The report", new FieldProblem("from", "must not be after to (" + last + ")"));
    }
    if (first.plusDays(LONGEST_PERIOD_DAYS).isBefore(last)) {
      throw new InvalidInput("The report", new FieldProblem("to", "must be at most " + LONGEST_PERIOD_DAYS
          + " days after from"));
    }
    return new Period(first, last);
  }

  private static LocalDate date(String field, String text, LocalDate otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInput("The report", List.of(new FieldProblem(field,
          "expected a date such as 2026-03-28, not " + text)));
    }
  }
}
