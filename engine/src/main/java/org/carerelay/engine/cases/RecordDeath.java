package org.carerelay.engine.cases;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.forms.StartedByCase;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.cases.RequestFacts;
import org.carerelay.processes.death.AfterDeath;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.stereotype.Component;

/**
 * The patient died ({@code diedAt}, {@code placeOfDeath} came with the message). The event that
 * brought us here already closed every open hand-off, without a "no longer needed" to anyone; this
 * closes the case with date and place of death and starts its {@code after-death} case, which tells
 * every team involved once and arranges what must happen next.
 */
@Component("recordDeath")
class RecordDeath implements JavaDelegate {

  private static final java.util.Set<String> PAST = java.util.Set.of(RapidDischarge.Vars.TARGET_AT,
      HospiceAdmission.Vars.BED_DATE);

  private final PartnershipTime time;

  RecordDeath(PartnershipTime time) {
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessDefinitionId().startsWith(HospiceAdmission.KEY + ":")) {
      boolean admitted = Boolean.TRUE.equals(execution.getVariable(HospiceAdmission.Vars.ADMITTED));
      execution.setVariable(Case.Vars.CASE_OUTCOME, admitted ? HospiceAdmission.Outcome.DIED_AFTER_ADMISSION
          : HospiceAdmission.Outcome.DIED_WHILE_WAITING);
    } else {
      boolean discharged = Boolean.TRUE.equals(execution.getVariable(RapidDischarge.Vars.DISCHARGED));
      execution.setVariable(Case.Vars.CASE_OUTCOME, discharged ? RapidDischarge.Outcome.DIED_AFTER_DISCHARGE
          : RapidDischarge.Outcome.DIED_BEFORE_DISCHARGE);
      execution.setVariable(RapidDischarge.Vars.DISCHARGED, discharged);
    }
    execution.setVariable(Case.Vars.CLOSED_AT, java.util.Date.from(time.now()));
    // From Tasklist's form the time of death arrives as text; keep it as a date for reporting.
    execution.setVariable(Case.Vars.DIED_AT, java.util.Date.from(time.instant(execution.getVariable(Case.Vars.DIED_AT))));
    StartedByCase.start(() -> execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(AfterDeath.KEY, afterDeathStart(execution)));
  }

  /** What the after-death case starts with: the patient, the death, and the case it came from. */
  private static Map<String, Object> afterDeathStart(DelegateExecution execution) {
    Map<String, Object> start = new HashMap<>();
    for (String name : new String[] {Case.Vars.PATIENT_NAME, Case.Vars.DATE_OF_BIRTH, Case.Vars.NHS_NUMBER,
        Case.Vars.HOSPITAL_NUMBER, Case.Vars.ADDRESS, Case.Vars.LOCALITY, Case.Vars.GP_PRACTICE,
        Case.Vars.REQUESTER_TEAM, Case.Vars.DIED_AT, Case.Vars.PLACE_OF_DEATH}) {
      start.put(name, execution.getVariable(name));
    }
    // The case's facts partners may need after the death; its target and bed date are over.
    for (String fact : RequestFacts.LABELS.keySet()) {
      if (!start.containsKey(fact) && !PAST.contains(fact) && execution.getVariable(fact) != null) {
        start.put(fact, execution.getVariable(fact));
      }
    }
    start.put(AfterDeath.Vars.LINKED_CASE, execution.getProcessInstanceId());
    start.put(AfterDeath.Vars.LINKED_REFERENCE, execution.getVariable(Case.Vars.CASE_REFERENCE));
    return start;
  }
}
