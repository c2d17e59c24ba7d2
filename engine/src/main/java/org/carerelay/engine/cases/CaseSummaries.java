package org.carerelay.engine.cases;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
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
      "closedAt");

  record Handoff(String service, String partner, String result, String reason, OffsetDateTime startedAt,
      OffsetDateTime acceptedAt, OffsetDateTime endedAt) {}

  record PartnerFigures(String partner, int handoffs, int escalations) {}

  record Summary(String caseId, String processKey, boolean ended, Map<String, Object> outcome,
      List<Handoff> handoffs, List<PartnerFigures> partners) {}

  private final HistoryService history;
  private final JdbcClient jdbc;

  CaseSummaries(HistoryService history, JdbcClient jdbc) {
    this.history = history;
    this.jdbc = jdbc;
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
    List<Handoff> handoffs = jdbc.sql("""
            select service, partner, result, reason, started_at, accepted_at, ended_at
            from handover_attempt where case_id = ? order by id""").param(caseId).query(Handoff.class).list();
    List<PartnerFigures> partners = jdbc.sql("""
            select a.partner, count(*) as handoffs,
                   (select count(*) from handover_escalation e where e.case_id = ? and e.partner = a.partner) as escalations
            from handover_attempt a where a.case_id = ? group by a.partner order by a.partner""")
        .params(caseId, caseId).query(PartnerFigures.class).list();
    return Optional.of(new Summary(caseId, instance.getProcessDefinitionKey(), instance.getEndTime() != null, outcome,
        handoffs, partners));
  }
}
