package org.carerelay.engine.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.cases.RequestFacts;
import org.springframework.stereotype.Component;

/**
 * What every partner hand-off is told about its case ({@link Case#HANDOFF_INPUTS}, and the facts of
 * {@link RequestFacts} the case has, from which the hand-off shows what its service needs), named once
 * instead of in each call activity: {@code camunda:variableMappingDelegateExpression="${handoffCaseInputs}"}.
 * Each call activity still maps its own service, request and results with {@code camunda:in} and
 * {@code camunda:out}.
 */
@Component("handoffCaseInputs")
class HandoffCaseInputs implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution caseExecution, VariableMap handoffVariables) {
    for (String name : Case.HANDOFF_INPUTS) {
      handoffVariables.putValueTyped(name, caseExecution.getVariableTyped(name));
    }
    for (String fact : RequestFacts.LABELS.keySet()) {
      if (caseExecution.getVariable(fact) != null) {
        handoffVariables.putValueTyped(fact, caseExecution.getVariableTyped(fact));
      }
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution caseExecution, VariableScope handoff) {
    // Each call activity names the results it wants with camunda:out.
  }
}
