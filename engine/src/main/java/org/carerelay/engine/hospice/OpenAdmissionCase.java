package org.carerelay.engine.hospice;

import static org.carerelay.processes.hospice.HospiceAdmission.Vars;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.carerelay.engine.cases.CaseOpening;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.stereotype.Component;

/**
 * Opens a hospice referral: reference, header, the referring team, the waiting limits from the
 * {@code hospice-waiting-limits} table, and what the hospice is asked to triage.
 */
@Component("openAdmissionCase")
class OpenAdmissionCase implements JavaDelegate {

  private final DecisionService decisions;
  private final CaseOpening opening;

  OpenAdmissionCase(DecisionService decisions, CaseOpening opening) {
    this.decisions = decisions;
    this.opening = opening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = opening.open(execution, "HA", HospiceAdmission.NAME, HospiceAdmission.KEY);
    execution.setVariable(Vars.REFERRED_AT, Date.from(now));
    String urgency = (String) execution.getVariable(Vars.URGENCY);
    DmnDecisionRuleResult limits = Context.getCommandContext().runWithoutAuthorization(() -> decisions
        .evaluateDecisionTableByKey(HospiceAdmission.WAITING_DECISION)
        .variables(Map.of(Vars.URGENCY, urgency)).evaluate().getSingleResult());
    if (limits == null) {
      throw new ProcessEngineException("hospice-waiting-limits has no rule for urgency " + urgency);
    }
    execution.setVariable(Vars.WAITING_LIMIT, limits.getEntry("waitLimit"));
    execution.setVariable(Vars.REVIEW_EVERY, limits.getEntry("reviewEvery"));
    execution.setVariable(Vars.TRIAGE_REQUEST, "Referral for " + execution.getVariable(Vars.REASON) + " (" + urgency
        + "). The patient is " + execution.getVariable(Vars.CURRENT_LOCATION) + ". What the patient and family know and"
        + " want: " + execution.getVariable(Vars.PATIENT_WISHES) + ". CPR decision: "
        + execution.getVariable(Vars.CPR_DECISION) + ". Medication: " + execution.getVariable(Vars.MEDICATION_LIST)
        + ". Letters: " + execution.getVariable(Vars.SUPPORTING_LETTERS) + ".");
  }
}
