package org.carerelay.engine.decisions;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The designers' decision tables (routing, service levels, targets, waiting limits), evaluated
 * from delegates. They are the process's own rules, so they are read without the authorizations
 * of the user whose action is moving the process on: partner staff may not evaluate decisions.
 */
@Component
public class DecisionTables {

  private final DecisionService decisions;

  DecisionTables(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** Every matching row (for tables that collect). */
  public List<Map<String, Object>> rows(String table, Map<String, Object> inputs) {
    return evaluate(table, inputs).getResultList();
  }

  /** The first matching row; a table with no row for these inputs is a modelling mistake. */
  public Map<String, Object> firstRow(String table, Map<String, Object> inputs) {
    DmnDecisionTableResult result = evaluate(table, inputs);
    if (result.isEmpty()) {
      throw new ProcessEngineException("Decision table " + table + " has no rule for " + inputs);
    }
    return result.getFirstResult().getEntryMap();
  }

  private DmnDecisionTableResult evaluate(String table, Map<String, Object> inputs) {
    return Context.getCommandContext().runWithoutAuthorization(
        () -> decisions.evaluateDecisionTableByKey(table).variables(inputs).evaluate());
  }
}
