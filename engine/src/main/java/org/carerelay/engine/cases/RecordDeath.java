package org.carerelay.engine.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.hospice.HospiceAdmission;
import org.springframework.stereotype.Component;

/**
 * The patient died ({@code diedAt}, {@code placeOfDeath} came with the message). The event that
 * brought us here already closed every open hand-off; this closes the case with date and place of
 * death and tells every team involved once, so that visits, deliveries and equipment are stopped
 * or collected without the family having to phone each one.
 */
@Component("recordDeath")
class RecordDeath implements JavaDelegate {

  private final CaseNotices notices;
  private final PartnershipTime time;

  RecordDeath(CaseNotices notices, PartnershipTime time) {
    this.notices = notices;
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
    String reference = (String) execution.getVariable(Case.Vars.CASE_REFERENCE);
    notices.toInvolvedTeams(execution.getProcessInstanceId(), "death", reference,
        (String) execution.getVariable(Case.Vars.PATHWAY), "The patient has died",
        "The patient of this case has died. Please stop any planned visits or deliveries, arrange the collection "
            + "of equipment and the disposal of medicines, and cancel appointments. No one else will phone you.");
  }
}
