package org.carerelay.engine.discharge;

import static org.carerelay.processes.discharge.RapidDischarge.Vars;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.cases.CaseOutcomes;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.stereotype.Component;

/** Keeps the discharge with the case for reporting: when, how long after the decision, target met. */
@Component("recordDischarge")
class RecordDischarge implements JavaDelegate {

  private final PartnershipTime time;
  private final CaseOutcomes outcomes;

  RecordDischarge(PartnershipTime time, CaseOutcomes outcomes) {
    this.time = time;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant decision = time.instant(execution.getVariable(Vars.DECISION_AT));
    Instant discharged = time.instant(execution.getVariable(Vars.DISCHARGED_AT));
    Instant target = time.instant(execution.getVariable(Vars.TARGET_AT));
    execution.setVariable(Vars.DISCHARGED, true);
    execution.setVariable(Vars.DISCHARGED_AT, Date.from(discharged));
    execution.setVariable(Vars.DECISION_TO_DISCHARGE_MINUTES, Duration.between(decision, discharged).toMinutes());
    execution.setVariable(Vars.TARGET_MET, !discharged.isAfter(target));
    outcomes.achieved(execution.getProcessInstanceId(), discharged, !discharged.isAfter(target));
  }
}
