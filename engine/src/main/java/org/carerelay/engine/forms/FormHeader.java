package org.carerelay.engine.forms;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.stereotype.Component;

/**
 * Gives every task the due time its form's shared header shows ({@code taskDue}, a task-local
 * variable), next to the case reference, pathway, patient initials and age and urgency the case
 * already holds. The due time is shown day first in the partnership's zone.
 */
@Component
class FormHeader implements TaskListener {

  static final String TASK_DUE = "taskDue";

  private final PartnershipTime time;

  FormHeader(PartnershipTime time) {
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(TASK_DUE, time.show(task.getDueDate(), "no due time"));
  }
}
