package org.carerelay.engine.discharge;

import static org.carerelay.processes.discharge.RapidDischarge.Vars;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.discharge.RapidDischarge;
import org.carerelay.processes.handover.PartnerHandover;
import org.springframework.stereotype.Component;

/**
 * Every hand-off has ended; before the ward is asked to discharge, this says what is not in place
 * ({@code missingArrangements}, {@code everythingArranged}: a hand-off that ended without a partner
 * or was cancelled) so that the hub decides, and who records the first visit: the community nursing
 * team only if it accepted, else the hub.
 */
@Component("checkArrangements")
class CheckArrangements implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    StringBuilder missing = new StringBuilder();
    for (Map.Entry<String, String> arrangement : RapidDischarge.ARRANGEMENTS.entrySet()) {
      Object outcome = execution.getVariable(arrangement.getKey());
      boolean arranged = PartnerHandover.Outcome.COMPLETED.equals(outcome)
          || (arrangement.getKey().equals(Vars.CARE_OUTCOME)
              && PartnerHandover.Outcome.COMPLETED.equals(execution.getVariable(Vars.HOSPICE_AT_HOME_OUTCOME)));
      if (!arranged) {
        missing.append("- ").append(arrangement.getValue()).append(": ")
            .append(PartnerHandover.Outcome.CANCELLED.equals(outcome) ? "cancelled by the hub" : "no partner could take it")
            .append('\n');
      }
    }
    execution.setVariable(Vars.MISSING_ARRANGEMENTS, missing.toString());
    execution.setVariable(Vars.EVERYTHING_ARRANGED, missing.isEmpty());
    boolean nursing = PartnerHandover.Outcome.COMPLETED.equals(execution.getVariable(Vars.NURSING_OUTCOME));
    execution.setVariable(Vars.FIRST_VISIT_TEAM, nursing ? execution.getVariable(Vars.COMMUNITY_NURSING_TEAM)
        : Case.HUB_GROUP);
  }
}
