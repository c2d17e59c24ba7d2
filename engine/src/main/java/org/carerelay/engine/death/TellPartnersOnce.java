package org.carerelay.engine.death;

import static org.carerelay.processes.death.AfterDeath.Vars;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.carerelay.engine.cases.AfterDeathRecords;
import org.carerelay.engine.cases.CaseNotices;
import org.carerelay.engine.cases.CaseRecords;
import org.carerelay.processes.death.AfterDeath;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.stereotype.Component;

/**
 * "Tell us once", the one place a death is told: every team that had a part in the patient's care
 * hears it once, whichever pathway recorded it. That is the team that asked and every team that took
 * on work (or was still asked) in the case that recorded the death and in the case it was linked to;
 * for a death recorded from Tasklist, in the patient's earlier cases found by NHS number. A team
 * never gets the same death twice.
 */
@Component("tellPartnersOnce")
class TellPartnersOnce implements JavaDelegate {

  private final CaseRecords cases;
  private final CaseNotices notices;
  private final AfterDeathRecords records;

  TellPartnersOnce(CaseRecords cases, CaseNotices notices, AfterDeathRecords records) {
    this.cases = cases;
    this.notices = notices;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    Set<String> patientCases = new TreeSet<>();
    String linked = (String) execution.getVariable(Vars.LINKED_CASE);
    if (linked != null) {
      patientCases.add(linked);
      Object further = variable(history, linked, Vars.LINKED_CASE);
      if (further != null) {
        patientCases.add(further.toString());
      }
    }
    // Recorded from Tasklist with no open case: the patient's earlier cases, by NHS number.
    String nhsNumber = (String) execution.getVariable(Vars.NHS_NUMBER);
    if (linked == null && nhsNumber != null && !nhsNumber.isBlank()) {
      for (HistoricProcessInstance earlier : history.createHistoricProcessInstanceQuery()
          .processDefinitionKeyIn(RapidDischarge.KEY, HospiceAdmission.KEY)
          .variableValueEquals(Vars.NHS_NUMBER, nhsNumber).list()) {
        patientCases.add(earlier.getId());
      }
    }
    Set<String> teams = new TreeSet<>();
    teams.add((String) execution.getVariable(Vars.REQUESTER_TEAM));
    for (String caseId : patientCases) {
      teams.addAll(cases.teamsToTell(caseId));
      Object requester = variable(history, caseId, Vars.REQUESTER_TEAM);
      if (requester != null) {
        teams.add(requester.toString());
      }
    }
    String reference = (String) execution.getVariable(Vars.CASE_REFERENCE);
    notices.toTeams(teams, execution.getProcessInstanceId(), "death", reference, AfterDeath.NAME,
        "The patient has died",
        "A patient your team cared for has died. Please stop any planned visits, deliveries and appointments."
            + " Where your team supplied equipment, medicines or a care package, you will be asked to collect, deal"
            + " with or stop it as a request in CareRelay. The family should not need to phone you."
            + (linked == null ? "" : "\nThe death was recorded in case " + execution.getVariable(Vars.LINKED_REFERENCE)
                + "."));
    execution.setVariable(Vars.TEAMS_TOLD, teams.size());
    records.told(execution.getProcessInstanceId(), "death:" + execution.getProcessInstanceId(), teams.size());
  }

  private static Object variable(HistoryService history, String caseId, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(caseId)
        .variableName(name).list().stream().filter(v -> caseId.equals(v.getActivityInstanceId())).findFirst()
        .orElse(null);
    return variable == null ? null : variable.getValue();
  }
}
