package org.carerelay.engine.cases;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carerelay.engine.handover.CaseHandoffs;
import org.carerelay.processes.cases.Case;
import org.springframework.stereotype.Component;

/**
 * What a case is made of beyond its own variables: the partner teams its hand-offs involved, and
 * who may act on it.
 */
@Component
public class CaseRecords {

  private static final Set<String> NOT_INVOLVED = Set.of("declined", "timed-out", "reassigned", "unable");

  private final CaseHandoffs handoffs;
  private final RuntimeService runtime;

  CaseRecords(CaseHandoffs handoffs, RuntimeService runtime) {
    this.handoffs = handoffs;
    this.runtime = runtime;
  }

  /** Teams that took on work for the case (or were still asked when it ended): they must hear of its end. */
  public Set<String> teamsToTell(String caseId) {
    return Set.copyOf(handoffs.requests(caseId).stream()
        .filter(request -> request.result() == null || !NOT_INVOLVED.contains(request.result()))
        .map(CaseHandoffs.Request::team).toList());
  }

  /**
   * Whether a user in these groups may act on the case: its requesting team, or a team any of its
   * hand-offs asked.
   */
  public boolean involves(String caseId, Collection<String> groups) {
    Object requester = runtime.getVariable(caseId, Case.Vars.REQUESTER_TEAM);
    if (requester != null && groups.contains(requester.toString())) {
      return true;
    }
    return handoffs.requests(caseId).stream().anyMatch(request -> groups.contains(request.team()));
  }

  /** The running case (outermost pathway instance) with this reference, if any. */
  public ProcessInstance byReference(String caseReference) {
    return runtime.createProcessInstanceQuery().variableValueEquals(Case.Vars.CASE_REFERENCE, caseReference)
        .list().stream().filter(instance -> instance.getRootProcessInstanceId() == null
            || instance.getRootProcessInstanceId().equals(instance.getId()))
        .findFirst().orElse(null);
  }
}
