package org.carerelay.engine.forms;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives every task the due time its form's shared header shows ({@code taskDue}, a task-local
 * variable), next to the case reference, pathway, patient initials and age and urgency the case
 * already holds.
 */
@Component
class FormHeader implements TaskListener {

  static final String TASK_DUE = "taskDue";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK)
      .withZone(ZoneId.of("Europe/London"));

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(TASK_DUE, task.getDueDate() == null ? "no due time" : DUE.format(task.getDueDate().toInstant()));
  }
}
