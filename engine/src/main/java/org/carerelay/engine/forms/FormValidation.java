package org.carerelay.engine.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.stereotype.Component;

/**
 * Checks every task completion and every process start against the Camunda Form it uses (see
 * {@link FormRules}), whether it came from Tasklist or straight over REST. A bad submission fails
 * with {@link InvalidInput} (HTTP 400, and Tasklist shows its message) naming each bad field; the
 * transaction rolls
 * back, so nothing is stored and the task stays open. Added to every user task and start event by
 * {@link FormValidationPlugin}.
 */
@Component
class FormValidation implements TaskListener, ExecutionListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PartnershipTime time;

  FormValidation(PartnershipTime time) {
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    JsonNode form = read(() -> task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId()));
    // Only what this completion sent answers the form; the case's other values still decide what it hides.
    Map<String, Object> scope = task.getVariables();
    check(form, SubmittedValues.current().orElse(scope), scope, "Task '" + task.getName() + "'");
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getProcessInstance().getSuperExecution() != null) {
      return; // called by a pathway: its values come from the case, whose own start form was checked
    }
    if (StartedByCase.starting()) {
      return; // started by a case's own step (after a death): its values come from that case
    }
    JsonNode form = read(() -> execution.getProcessEngineServices().getFormService()
        .getDeployedStartForm(execution.getProcessDefinitionId()));
    Map<String, Object> values = execution.getVariables();
    check(form, values, values, "The start of this case");
  }

  private void check(JsonNode form, Map<String, Object> values, Map<String, Object> scope, String what) {
    FeelEngine feel = ((DefaultDmnEngineConfiguration) Context.getProcessEngineConfiguration()
        .getDmnEngineConfiguration()).getFeelEngine();
    var context = Variables.fromMap(scope).asVariableContext();
    List<FieldProblem> problems = FormRules.problems(form, values, expression -> feel.evaluateSimpleExpression(
        expression.startsWith("=") ? expression.substring(1) : expression, context), time);
    if (!problems.isEmpty()) {
      throw new InvalidInput(what, problems);
    }
  }

  static JsonNode read(Supplier<InputStream> form) {
    try (InputStream in = Context.getCommandContext().runWithoutAuthorization(form::get)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
