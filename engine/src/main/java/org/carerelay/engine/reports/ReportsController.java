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
  private final PartnerDirectory directory;
  private final PartnershipTime time;

  ReportsController(PartnerEngagement engagement, LiveCases live, PartnerDirectory directory, PartnershipTime time) {
    this.engagement = engagement;
    this.live = live;
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
    LocalDate last = date("to", to, time.today());
    LocalDate first = date("from", from, last.minusDays(27));
    if (first.isAfter(last)) {
      throw new InvalidInput("The report", new FieldProblem("from", "must not be after to (" + last + ")"));
    }
    if (first.plusDays(LONGEST_PERIOD_DAYS).isBefore(last)) {
      throw new InvalidInput("The report", new FieldProblem("to", "must be at most " + LONGEST_PERIOD_DAYS
          + " days after from"));
    }
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
    if (!Callers.seesWholePartnership(caller)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "The live view is for the partnership's managers, the hub and administrators.");
    }
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
