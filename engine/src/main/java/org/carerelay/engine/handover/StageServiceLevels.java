package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carerelay.engine.decisions.DecisionTables;
import org.carerelay.processes.handover.PartnerHandover;
import org.carerelay.processes.handover.PartnerHandover.Stage;
import org.carerelay.processes.SetsVariables;
import org.springframework.stereotype.Component;

/**
 * Looks up a stage's service level and escalation ladder in the {@code handover-service-levels}
 * table (input parameter {@code stage}) and sets the durations its timers read and the due date
 * its task shows.
 */
@SetsVariables({"respondDueIn", "respondChaseIn", "respondManagersIn", "respondMoveOnIn", "respondDueAt",
    "completeDueIn", "completeChaseIn", "completeManagersIn", "completeMoveOnIn", "completeDueAt", Vars.COMPLETE_STAGE})
@Component("stageServiceLevels")
class StageServiceLevels implements JavaDelegate {

  private final DecisionTables decisions;

  StageServiceLevels(DecisionTables decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Stage stage = Stage.of((String) execution.getVariableLocal("stage"));
    Handoff handoff = new Handoff(execution);
    Map<String, Object> levels = decisions.firstRow(PartnerHandover.SERVICE_LEVEL_DECISION,
        Map.of(Vars.SERVICE, handoff.service(), Vars.URGENCY, handoff.text(Vars.URGENCY), "stage", stage.id));
    Duration due = duration(levels, "dueIn");
    duration(levels, "chaseIn");
    duration(levels, "managersIn");
    duration(levels, "moveOnIn");
    execution.setVariable(Vars.dueIn(stage), levels.get("dueIn"));
    execution.setVariable(Vars.chaseIn(stage), levels.get("chaseIn"));
    execution.setVariable(Vars.managersIn(stage), levels.get("managersIn"));
    execution.setVariable(Vars.moveOnIn(stage), levels.get("moveOnIn"));
    execution.setVariable(Vars.dueAt(stage), Date.from(HandoverAttempts.now().toInstant().plus(due)));
    if (stage == Stage.RESPOND) {
      execution.setVariable(Vars.COMPLETE_STAGE, !Boolean.FALSE.equals(levels.get("completeStage")));
    }
  }

  private static Duration duration(Map<String, Object> levels, String name) {
    Object value = levels.get(name);
    try {
      return Duration.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("handover-service-levels: " + name + " '" + value
          + "' is not an ISO 8601 duration such as PT4H or P2D", e);
    }
  }
}
