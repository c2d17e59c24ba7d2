package org.carerelay.engine.fhir;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * A case's or hand-off's own variables, running or ended (from history), for the resources that
 * show them. Read without the caller's engine authorizations: {@link FhirAccess} decides first.
 */
@Component
class HandoffFacts {

  private final HistoryService history;

  HandoffFacts(HistoryService history) {
    this.history = history;
  }

  Map<String, Object> of(String processInstanceId, Collection<String> names) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableNameIn(names.toArray(String[]::new)).list()) {
      if (processInstanceId.equals(variable.getActivityInstanceId())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  boolean ended(String processInstanceId) {
    var instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null || instance.getEndTime() != null;
  }
}
