package org.carerelay.engine.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.time.PartnershipTime;
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
    if (execution.getProcessDefinitionId().startsWith("hospice-admission:")) {
      boolean admitted = Boolean.TRUE.equals(execution.getVariable("admitted"));
      execution.setVariable("caseOutcome", admitted ? "died-after-admission" : "died-while-waiting");
    } else {
      boolean discharged = Boolean.TRUE.equals(execution.getVariable("discharged"));
      execution.setVariable("caseOutcome", discharged ? "died-after-discharge" : "died-before-discharge");
      execution.setVariable("discharged", discharged);
    }
    execution.setVariable("closedAt", java.util.Date.from(time.now()));
    // From Tasklist's form the time of death arrives as text; keep it as a date for reporting.
    execution.setVariable("diedAt", java.util.Date.from(time.instant(execution.getVariable("diedAt"))));
    String reference = (String) execution.getVariable("caseReference");
    notices.toInvolvedTeams(execution.getProcessInstanceId(), "death", reference,
        (String) execution.getVariable("pathway"), "The patient has died",
        "The patient of this case has died. Please stop any planned visits or deliveries, arrange the collection "
            + "of equipment and the disposal of medicines, and cancel appointments. No one else will phone you.");
  }
}
