package org.carerelay.engine.cases;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.carerelay.engine.escalation.Escalations;
import org.carerelay.engine.handover.CaseHandoffs;
import org.springframework.stereotype.Component;

/**
 * A case's outcome for reporting, running or ended: its outcome variables, and every hand-off
 * and escalation per partner.
 */
@Component
class CaseSummaries {

  /** The variables a case keeps for reporting, when it has them. */
  private static final Set<String> REPORTED = Set.of("caseReference", "pathway", "caseOutcome", "requesterTeam",
      "decisionAt", "targetAt", "dischargedAt", "discharged", "decisionToDischargeMinutes", "targetMet",
      "targetBreached", "referredAt", "admitted", "admittedAt", "hospice", "diedAt", "placeOfDeath", "linkedCase",
      "closedAt", "linkedReference", "teamsTold", "equipmentAtHome", "medicinesAtHome", "carePackageRunning",
      "hospiceInvolved", "bereavementService", "bereavementDueAt");

  record Handoff(String service, String partner, String result, String reason, OffsetDateTime startedAt,
      OffsetDateTime acceptedAt, OffsetDateTime endedAt) {}

  record PartnerFigures(String partner, int handoffs, int escalations) {}

  /**
   * After a death: how long from the death until every team was told (null while a notice waits in
   * the outbox), the equipment was collected and the family was contacted.
   */
  record AfterDeathFigures(OffsetDateTime diedAt, Integer teamsTold, OffsetDateTime everyoneToldAt,
      Long minutesToEveryoneTold, OffsetDateTime equipmentCollectedAt, Long minutesToEquipmentCollected,
      OffsetDateTime bereavementDueAt, OffsetDateTime bereavementContactAt, Long minutesToBereavementContact) {

    static AfterDeathFigures of(AfterDeathRecords.Moments moments) {
      return new AfterDeathFigures(moments.diedAt(), moments.teamsTold(), moments.everyoneToldAt(),
          minutes(moments.diedAt(), moments.everyoneToldAt()), moments.equipmentCollectedAt(),
          minutes(moments.diedAt(), moments.equipmentCollectedAt()), moments.bereavementDueAt(),
          moments.bereavementContactAt(), minutes(moments.diedAt(), moments.bereavementContactAt()));
    }

    static Long minutes(OffsetDateTime from, OffsetDateTime to) {
      return to == null ? null : java.time.Duration.between(from, to).toMinutes();
    }
  }

  record Summary(String caseId, String processKey, boolean ended, Map<String, Object> outcome,
      List<Handoff> handoffs, List<PartnerFigures> partners, AfterDeathFigures afterDeath) {}

  private final HistoryService history;
  private final CaseHandoffs caseHandoffs;
  private final Escalations escalations;
  private final AfterDeathRecords afterDeaths;

  CaseSummaries(HistoryService history, CaseHandoffs caseHandoffs, Escalations escalations,
      AfterDeathRecords afterDeaths) {
    this.history = history;
    this.caseHandoffs = caseHandoffs;
    this.escalations = escalations;
    this.afterDeaths = afterDeaths;
  }

  Optional<Summary> of(String caseId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId)
        .singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    Map<String, Object> outcome = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(caseId)
        .list()) {
      if (REPORTED.contains(variable.getName()) && caseId.equals(variable.getActivityInstanceId())) {
        outcome.put(variable.getName(), variable.getValue());
      }
    }
    List<CaseHandoffs.Request> requests = caseHandoffs.requests(caseId);
    List<Handoff> handoffs = requests.stream().map(request -> new Handoff(request.service(), request.partner(),
        request.result(), request.reason(), request.startedAt(), request.acceptedAt(), request.endedAt())).toList();
    Map<String, Long> escalated = escalations.ofCase(caseId, null).stream()
        .collect(Collectors.groupingBy(Escalations.Escalation::partner, Collectors.counting()));
    List<PartnerFigures> partners = requests.stream()
        .collect(Collectors.groupingBy(CaseHandoffs.Request::partner, TreeMap::new, Collectors.counting()))
        .entrySet().stream().map(partner -> new PartnerFigures(partner.getKey(), partner.getValue().intValue(),
            escalated.getOrDefault(partner.getKey(), 0L).intValue())).toList();
    return Optional.of(new Summary(caseId, instance.getProcessDefinitionKey(), instance.getEndTime() != null, outcome,
        handoffs, partners, afterDeaths.of(caseId).map(AfterDeathFigures::of).orElse(null)));
  }
}
