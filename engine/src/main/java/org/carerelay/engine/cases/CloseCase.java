package org.carerelay.engine.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.processes.cases.Case;
import org.springframework.stereotype.Component;

/** Records how a case ended (input parameter {@code outcome}) and when. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Case.Vars.CASE_OUTCOME, execution.getVariableLocal("outcome"));
    execution.setVariable(Case.Vars.CLOSED_AT, ClockUtil.getCurrentTime());
  }
}
