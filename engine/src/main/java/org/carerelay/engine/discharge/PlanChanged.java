package org.carerelay.engine.discharge;

import static org.carerelay.processes.discharge.RapidDischarge.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.cases.CaseNotices;
import org.carerelay.processes.discharge.RapidDischarge.Outcome;
import org.springframework.stereotype.Component;

/**
 * The patient became too unwell to travel or changed their mind: the event that brought us here
 * closed every open hand-off; this closes the case and tells every team involved.
 */
@Component("planChanged")
class PlanChanged implements JavaDelegate {

  private final CaseNotices notices;

  PlanChanged(CaseNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Vars.CASE_OUTCOME, Outcome.PLAN_CHANGED);
    execution.setVariable("closedAt", ClockUtil.getCurrentTime());
    notices.toInvolvedTeams(execution.getProcessInstanceId(), "plan-changed",
        (String) execution.getVariable(Vars.CASE_REFERENCE), (String) execution.getVariable(Vars.PATHWAY),
        "Discharge no longer going ahead",
        "This rapid discharge will not go ahead: " + execution.getVariable(Vars.PLAN_CHANGE_REASON)
            + ". Please stop any planned work for it.");
  }
}
