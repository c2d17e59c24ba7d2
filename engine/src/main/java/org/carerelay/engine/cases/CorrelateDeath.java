package org.carerelay.engine.cases;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.time.PartnershipTime;
import org.carerelay.processes.cases.RecordDeath;
import org.springframework.stereotype.Component;

/**
 * The "Record a death" form from Tasklist: finds the open case by its reference and, if the user
 * who filled in the form is involved in it, gives it the death. A stranger learns nothing.
 */
@Component("correlateDeath")
class CorrelateDeath implements JavaDelegate {

  private final CaseRecords records;
  private final DeathRequests deaths;
  private final PartnershipTime time;

  CorrelateDeath(CaseRecords records, DeathRequests deaths, PartnershipTime time) {
    this.records = records;
    this.deaths = deaths;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(RecordDeath.Vars.CASE_REFERENCE);
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstance instance = records.byReference(reference);
      boolean allowed = instance != null && (user == null || Callers.seesWholePartnership(groups)
          || records.involves(instance.getId(), groups));
      if (!allowed) {
        throw notAccepted(reference, "no open case " + reference + " that you are involved in");
      }
      if (deaths.record(instance.getId(), time.instant(execution.getVariable(RecordDeath.Vars.DIED_AT)),
          (String) execution.getVariable(RecordDeath.Vars.PLACE_OF_DEATH)) == DeathRequests.Result.NOT_OPEN) {
        throw notAccepted(reference, "case " + reference + " does not take a death now");
      }
      return null;
    });
  }

  private static InvalidInput notAccepted(String reference, String why) {
    return new InvalidInput("The death", new FieldProblem(RecordDeath.Vars.CASE_REFERENCE, "Case reference", why));
  }
}
