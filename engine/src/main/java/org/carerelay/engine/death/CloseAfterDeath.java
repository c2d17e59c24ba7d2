package org.carerelay.engine.death;

import static org.carerelay.processes.death.AfterDeath.Vars;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.cases.AfterDeathRecords;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.death.AfterDeath;
import org.springframework.stereotype.Component;

/** Everything after the death is done: the case closes. */
@Component("closeAfterDeath")
class CloseAfterDeath implements JavaDelegate {

  private final AfterDeathRecords records;
  private final PartnershipTime time;

  CloseAfterDeath(AfterDeathRecords records, PartnershipTime time) {
    this.records = records;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = time.now();
    execution.setVariable(Vars.CASE_OUTCOME, AfterDeath.Outcome.ALL_DONE);
    execution.setVariable(Vars.CLOSED_AT, Date.from(now));
    records.closed(execution.getProcessInstanceId(), now);
  }
}
