package org.carerelay.engine.cases;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.stereotype.Component;

/**
 * The plan changed (a rapid discharge's patient became too unwell to travel or changed their
 * mind; a hospice referral was withdrawn). The event that brought us here closed every open
 * hand-off; this closes the case and tells every team involved. A rapid discharge whose next step
 * is a hospice admission starts that referral with the patient's data carried over, and the two
 * cases name each other ({@code linkedCase}).
 */
@Component("planChanged")
class PlanChanged implements JavaDelegate {

  /** What a hospice referral takes over from the rapid discharge it came from. */
  private static final String[] CARRIED = {Case.Vars.PATIENT_NAME, Case.Vars.DATE_OF_BIRTH, Case.Vars.NHS_NUMBER,
      Case.Vars.HOSPITAL_NUMBER, Case.Vars.ADDRESS, Case.Vars.LOCALITY, Case.Vars.GP_PRACTICE, Case.Vars.CONSENT,
      Case.Vars.BEST_INTERESTS_BY, Case.Vars.CPR_DECISION, Case.Vars.CPR_FORM_LOCATION, Case.Vars.REQUESTER_TEAM};

  private final CaseNotices notices;

  PlanChanged(CaseNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean hospiceReferral = execution.getProcessDefinitionId().startsWith(HospiceAdmission.KEY + ":");
    String reason = String.valueOf(execution.getVariable(Case.Vars.PLAN_CHANGE_REASON));
    execution.setVariable(Case.Vars.CASE_OUTCOME, hospiceReferral ? HospiceAdmission.Outcome.WITHDRAWN
        : RapidDischarge.Outcome.PLAN_CHANGED);
    execution.setVariable(Case.Vars.CLOSED_AT, ClockUtil.getCurrentTime());
    notices.toInvolvedTeams(execution.getProcessInstanceId(), "plan-changed",
        (String) execution.getVariable(Case.Vars.CASE_REFERENCE), (String) execution.getVariable(Case.Vars.PATHWAY),
        hospiceReferral ? "Referral withdrawn" : "Discharge no longer going ahead",
        "This case will not go ahead: " + reason + ". Please stop any planned work for it.");
    if (!hospiceReferral && RapidDischarge.Vars.NEXT_STEP_HOSPICE.equals(execution.getVariable(RapidDischarge.Vars.NEXT_STEP))) {
      execution.setVariable(Case.Vars.LINKED_CASE, referToHospice(execution, reason));
    }
  }

  private static String referToHospice(DelegateExecution execution, String reason) {
    Map<String, Object> referral = new HashMap<>();
    for (String name : CARRIED) {
      Object value = execution.getVariable(name);
      if (value != null) {
        referral.put(name, value);
      }
    }
    String reference = (String) execution.getVariable(Case.Vars.CASE_REFERENCE);
    referral.put(HospiceAdmission.Vars.REASON, "last-days-of-life");
    referral.put(HospiceAdmission.Vars.URGENCY, "urgent");
    referral.put(HospiceAdmission.Vars.CURRENT_LOCATION, "in-hospital");
    referral.put(HospiceAdmission.Vars.PATIENT_WISHES, "From rapid discharge " + reference + ": " + reason
        + ". Preferred place of death was " + execution.getVariable(RapidDischarge.Vars.PREFERRED_PLACE_OF_DEATH) + ".");
    referral.put(HospiceAdmission.Vars.MEDICATION_LIST, "As on the hospital drug chart (rapid discharge " + reference + ")");
    referral.put(HospiceAdmission.Vars.SUPPORTING_LETTERS, "Diagnosis: " + execution.getVariable(RapidDischarge.Vars.DIAGNOSIS));
    referral.put(HospiceAdmission.Vars.LINKED_CASE, execution.getProcessInstanceId());
    return Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().startProcessInstanceByKey(HospiceAdmission.KEY, referral).getId());
  }
}
