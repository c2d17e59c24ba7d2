package org.carerelay.engine.cases;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

  private static final String[] CARRIED = {"patientName", "dateOfBirth", "nhsNumber", "hospitalNumber", "address",
      "locality", "gpPractice", "consent", "bestInterestsBy", "cprDecision", "cprFormLocation", "requesterTeam"};

  private final CaseNotices notices;

  PlanChanged(CaseNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean hospiceReferral = execution.getProcessDefinitionId().startsWith(HospiceAdmission.KEY + ":");
    String reason = String.valueOf(execution.getVariable("planChangeReason"));
    execution.setVariable("caseOutcome", hospiceReferral ? HospiceAdmission.Outcome.WITHDRAWN
        : RapidDischarge.Outcome.PLAN_CHANGED);
    execution.setVariable("closedAt", ClockUtil.getCurrentTime());
    notices.toInvolvedTeams(execution.getProcessInstanceId(), "plan-changed",
        (String) execution.getVariable("caseReference"), (String) execution.getVariable("pathway"),
        hospiceReferral ? "Referral withdrawn" : "Discharge no longer going ahead",
        "This case will not go ahead: " + reason + ". Please stop any planned work for it.");
    if (!hospiceReferral && "hospice-admission".equals(execution.getVariable("nextStep"))) {
      execution.setVariable("linkedCase", referToHospice(execution, reason));
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
    String reference = (String) execution.getVariable("caseReference");
    referral.put(HospiceAdmission.Vars.REASON, "last-days-of-life");
    referral.put(HospiceAdmission.Vars.URGENCY, "urgent");
    referral.put(HospiceAdmission.Vars.CURRENT_LOCATION, "in-hospital");
    referral.put(HospiceAdmission.Vars.PATIENT_WISHES, "From rapid discharge " + reference + ": " + reason
        + ". Preferred place of death was " + execution.getVariable("preferredPlaceOfDeath") + ".");
    referral.put(HospiceAdmission.Vars.MEDICATION_LIST, "As on the hospital drug chart (rapid discharge " + reference + ")");
    referral.put(HospiceAdmission.Vars.SUPPORTING_LETTERS, "Diagnosis: " + execution.getVariable("diagnosis"));
    referral.put(HospiceAdmission.Vars.LINKED_CASE, execution.getProcessInstanceId());
    return Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getRuntimeService().startProcessInstanceByKey(HospiceAdmission.KEY, referral).getId());
  }
}
