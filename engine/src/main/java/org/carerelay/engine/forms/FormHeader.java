package org.carerelay.engine.forms;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.stereotype.Component;

/**
 * What every task shows before its form is filled in:
 * <ul>
 *   <li>a title in words: the model's plain name, then the service as the directory names it, the
 *       case reference and the urgency ("New request: Care package at home for RD-2026-0001
 *       (urgent)"), so models never need expressions in their names;
 *   <li>the due time its form's shared header shows ({@code taskDue}, a task-local variable), day
 *       first in the partnership's zone;
 *   <li>empty answer fields: a field the form asks for starts empty, not with what an earlier task
 *       of the case answered, unless the form marks it {@code carerelay:keep} (a date to
 *       re-confirm, information to add to).
 * </ul>
 */
@Component
class FormHeader implements TaskListener {

  static final String TASK_DUE = "taskDue";
  private static final String KEEP = "carerelay:keep";

  private final PartnershipTime time;

  FormHeader(PartnershipTime time) {
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setName(title(task));
    task.setVariableLocal(TASK_DUE, time.show(task.getDueDate(), "no due time"));
    JsonNode form = FormValidation.read(() -> task.getProcessEngineServices().getFormService()
        .getDeployedTaskForm(task.getId()));
    emptyAnswers(task, form.path("components"));
  }

  private static String title(DelegateTask task) {
    String name = task.getName();
    Object reference = task.getVariable("caseReference");
    Object service = task.getVariable("serviceName");
    if (reference == null) {
      return name;
    }
    if (service == null) {
      return name + " (" + reference + ")";
    }
    Object urgency = task.getVariable("urgency");
    return name + ": " + service + " for " + reference + (urgency == null ? "" : " (" + urgency + ")");
  }

  private static void emptyAnswers(DelegateTask task, JsonNode components) {
    for (JsonNode field : components) {
      String key = field.path("key").asText(null);
      boolean answer = key != null && !field.path("readonly").asBoolean(false)
          && !field.path("disabled").asBoolean(false) && !field.path("properties").has(KEEP);
      if (answer && task.hasVariable(key)) {
        task.removeVariable(key);
      }
      emptyAnswers(task, field.path("components"));
    }
  }
}
