package org.carerelay.engine.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.discharge.RapidDischarge;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's exits over REST, for any user involved in it. {@code POST .../death}: the patient
 * died; every open hand-off is cancelled, every partner involved is told, and the case closes with
 * the date and place of death. {@code POST .../plan-change}: the patient became too unwell to
 * travel or changed their mind. A time of death is read as forms read it: without an offset in the
 * partnership's zone, and not later than now (allowing the configured clock skew).
 */
@RestController
class CaseController {

  /** @param placeOfDeath hospital, home, care-home, hospice, in-transit or other */
  record DeathReport(@NotNull OffsetDateTime diedAt,
      @NotBlank @Pattern(regexp = "hospital|home|care-home|hospice|in-transit|other",
          message = "must be one of hospital, home, care-home, hospice, in-transit, other") String placeOfDeath) {}

  /**
   * @param reason why the discharge will not go ahead (too unwell to travel, changed their mind)
   * @param nextStep close the case, or refer to a hospice with the data carried over
   */
  record PlanChange(@NotBlank @jakarta.validation.constraints.Size(max = 2000) String reason,
      @NotBlank @Pattern(regexp = "close|hospice-admission", message = "must be close or hospice-admission")
      String nextStep) {}

  private final RuntimeService runtime;
  private final CaseRecords records;
  private final DeathRequests deaths;
  private final CaseSummaries summaries;
  private final PartnershipTime time;

  CaseController(RuntimeService runtime, CaseRecords records, DeathRequests deaths, CaseSummaries summaries,
      PartnershipTime time) {
    this.runtime = runtime;
    this.records = records;
    this.deaths = deaths;
    this.summaries = summaries;
    this.time = time;
  }

  /**
   * The case's outcome for reporting: its outcome variables and every hand-off and escalation per
   * partner. For the hub, managers, administrators and the team that asked.
   */
  @GetMapping("/api/cases/{processInstanceId}")
  CaseSummaries.Summary summary(@PathVariable String processInstanceId, Authentication caller) {
    CaseSummaries.Summary summary = summaries.of(processInstanceId).orElse(null);
    boolean allowed = summary != null && (Callers.seesWholePartnership(caller)
        || Callers.groups(caller).contains(String.valueOf(summary.outcome().get("requesterTeam"))));
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + processInstanceId + " of yours");
    }
    return summary;
  }

  @PostMapping("/api/cases/{processInstanceId}/plan-change")
  ResponseEntity<Void> planChange(@PathVariable String processInstanceId, @Valid @RequestBody PlanChange change,
      Authentication caller) {
    requireInvolved(processInstanceId, caller);
    try {
      runtime.createMessageCorrelation("plan-changed").processInstanceId(processInstanceId)
          .setVariable(Case.Vars.PLAN_CHANGE_REASON, change.reason().strip())
          .setVariable(RapidDischarge.Vars.NEXT_STEP, change.nextStep())
          .correlate();
    } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Case " + processInstanceId + " does not take a change of plan");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/cases/{processInstanceId}/death")
  ResponseEntity<Void> death(@PathVariable String processInstanceId, @Valid @RequestBody DeathReport report,
      Authentication caller) {
    requireInvolved(processInstanceId, caller);
    if (time.isFuture(report.diedAt().toInstant())) {
      throw new InvalidInput("The death", new FieldProblem("diedAt",
          "must not be in the future (it is now " + time.show(time.now()) + ")"));
    }
    if (deaths.record(processInstanceId, report.diedAt().toInstant(), report.placeOfDeath())
        == DeathRequests.Result.NOT_OPEN) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Case " + processInstanceId + " does not take a death now");
    }
    return ResponseEntity.noContent().build();
  }

  private void requireInvolved(String processInstanceId, Authentication caller) {
    boolean running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
    if (!running || !(Callers.seesWholePartnership(caller) || records.involves(processInstanceId, Callers.groups(caller)))) {
      // Not telling a stranger whether the case exists.
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No open case " + processInstanceId + " of yours");
    }
  }
}
