package org.carerelay.engine.discharge;

import static org.carerelay.processes.discharge.RapidDischarge.Vars;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.cases.CaseNotices;
import org.carerelay.engine.cases.CaseOutcomes;
import org.springframework.stereotype.Component;

/**
 * The patient is not home within the target: names the hand-offs still open (the ones holding the
 * discharge up) for the hub's task, and tells the hub and the partnership managers.
 */
@Component("dischargeTargetBreached")
class DischargeTargetBreached implements JavaDelegate {

  private final RuntimeService runtime;
  private final CaseNotices notices;
  private final CaseOutcomes outcomes;

  DischargeTargetBreached(RuntimeService runtime, CaseNotices notices, CaseOutcomes outcomes) {
    this.runtime = runtime;
    this.notices = notices;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessInstanceId();
    List<ProcessInstance> open = runtime.createProcessInstanceQuery().superProcessInstanceId(caseId).list();
    StringBuilder holdingUp = new StringBuilder();
    List<String> services = new java.util.ArrayList<>();
    for (ProcessInstance handoff : open) {
      Object partner = runtime.getVariable(handoff.getId(), "partnerName");
      String service = (String) runtime.getVariable(handoff.getId(), "service");
      services.add(service);
      holdingUp.append("- ").append(service).append(": ")
          .append(partner == null ? "no partner found yet (with the hub)" : partner).append('\n');
    }
    if (holdingUp.length() == 0) {
      holdingUp.append("- every partner is ready; the ward has not yet confirmed the discharge\n");
    }
    execution.setVariable(Vars.HOLDING_UP, holdingUp.toString());
    outcomes.heldUpBy(caseId, services);
    execution.setVariable(Vars.TARGET_BREACHED, true);
    notices.toHubAndManagers(caseId, "discharge-target", (String) execution.getVariable(Vars.CASE_REFERENCE),
        (String) execution.getVariable(Vars.PATHWAY), "Discharge target missed",
        "The patient is not home within " + execution.getVariable(Vars.DISCHARGE_TARGET) + " of the decision. "
            + "Holding it up:\n" + holdingUp);
  }
}
