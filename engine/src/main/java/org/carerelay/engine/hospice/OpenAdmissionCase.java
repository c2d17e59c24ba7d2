package org.carerelay.engine.hospice;

import static org.carerelay.processes.hospice.HospiceAdmission.Vars;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.cases.CaseOpening;
import org.carerelay.engine.cases.CaseOutcomes;
import org.carerelay.engine.decisions.DecisionTables;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.carerelay.processes.SetsVariables;
import org.springframework.stereotype.Component;

/**
 * Opens a hospice referral: reference, header, the referring team, the waiting limits from the
 * {@code hospice-waiting-limits} table, and what the hospice is asked to triage.
 */
@SetsVariables({Vars.REFERRED_AT, Vars.REVIEW_EVERY, Vars.TRIAGE_REQUEST, Vars.WAITING_LIMIT})
@Component("openAdmissionCase")
class OpenAdmissionCase implements JavaDelegate {

  private final DecisionTables decisions;
  private final CaseOpening opening;
  private final CaseOutcomes outcomes;

  OpenAdmissionCase(DecisionTables decisions, CaseOpening opening, CaseOutcomes outcomes) {
    this.decisions = decisions;
    this.opening = opening;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = opening.open(execution, "HA", HospiceAdmission.NAME, HospiceAdmission.KEY);
    execution.setVariable(Vars.REFERRED_AT, Date.from(now));
    String urgency = (String) execution.getVariable(Vars.URGENCY);
    outcomes.target(execution.getProcessInstanceId(), urgency, null);
    Map<String, Object> limits = decisions.firstRow(HospiceAdmission.WAITING_DECISION, Map.of(Vars.URGENCY, urgency));
    execution.setVariable(Vars.WAITING_LIMIT, limits.get("waitLimit"));
    execution.setVariable(Vars.REVIEW_EVERY, limits.get("reviewEvery"));
    execution.setVariable(Vars.TRIAGE_REQUEST, "Referral for " + execution.getVariable(Vars.REASON) + " (" + urgency
        + "). The patient is " + execution.getVariable(Vars.CURRENT_LOCATION) + ". What the patient and family know and"
        + " want: " + execution.getVariable(Vars.PATIENT_WISHES) + ". CPR decision: "
        + execution.getVariable(Vars.CPR_DECISION) + ". Medication: " + execution.getVariable(Vars.MEDICATION_LIST)
        + ". Letters: " + execution.getVariable(Vars.SUPPORTING_LETTERS) + ".");
  }
}
