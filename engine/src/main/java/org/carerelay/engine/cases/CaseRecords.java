package org.carerelay.engine.cases;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a case is made of beyond its own variables: the partner teams its hand-offs involved, and
 * who may act on it.
 */
@Component
public class CaseRecords {

  /** A team a case's hand-off asked, with how that request ended (null: still open). */
  public record Involvement(String partner, String team, String service, String result) {}

  private static final Set<String> NOT_INVOLVED = Set.of("declined", "timed-out", "reassigned", "unable");

  private final JdbcClient jdbc;
  private final RuntimeService runtime;

  CaseRecords(JdbcClient jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  public List<Involvement> involvements(String caseId) {
    return jdbc.sql("select partner, team, service, result from handover_attempt where case_id = ? order by id")
        .param(caseId).query(Involvement.class).list();
  }

  /** Teams that took on work for the case (or were still asked when it ended): they must hear of its end. */
  public Set<String> teamsToTell(String caseId) {
    return Set.copyOf(involvements(caseId).stream()
        .filter(involvement -> involvement.result() == null || !NOT_INVOLVED.contains(involvement.result()))
        .map(Involvement::team).toList());
  }

  /**
   * Whether a user in these groups may act on the case: its requesting team, or a team any of its
   * hand-offs asked.
   */
  public boolean involves(String caseId, Collection<String> groups) {
    Object requester = runtime.getVariable(caseId, "requesterTeam");
    if (requester != null && groups.contains(requester.toString())) {
      return true;
    }
    return involvements(caseId).stream().anyMatch(involvement -> groups.contains(involvement.team()));
  }

  /** The running case (outermost pathway instance) with this reference, if any. */
  public ProcessInstance byReference(String caseReference) {
    return runtime.createProcessInstanceQuery().variableValueEquals("caseReference", caseReference)
        .list().stream().filter(instance -> instance.getRootProcessInstanceId() == null
            || instance.getRootProcessInstanceId().equals(instance.getId()))
        .findFirst().orElse(null);
  }
}
