package org.carerelay.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** A one-task test process whose task is offered to a given team, for platform tests. */
public final class TeamTaskProbe {

  public static final String KEY = "team-task-probe";

  /** A started probe case and its open task. */
  public record Case(ProcessInstance instance, Task task) {}

  private final ProcessEngine engine;

  public TeamTaskProbe(ProcessEngine engine) {
    this.engine = engine;
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name("platform-test")
          .addClasspathResource("org/carerelay/engine/team-task-probe.bpmn")
          .addClasspathResource("org/carerelay/engine/team-task-probe.form").deploy();
    }
  }

  /** Starts a case whose task goes to {@code team}, holding a patient's name as a variable. */
  public Case startFor(String team, String patientName) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY,
        Map.of("team", team, "patientName", patientName));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    return new Case(instance, task);
  }
}
