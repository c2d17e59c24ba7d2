package org.carerelay.engine.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history, less two kinds of rows that nobody reads: the detail of every change of
 * every variable ({@code ACT_HI_DETAIL}: each value a case's variables ever had, one row per change,
 * most of them set by CareRelay's own steps) and the job log ({@code ACT_HI_JOB_LOG}: every timer
 * created, fired or cancelled; Camunda's Community Cockpit does not show it); and the steps that only
 * choose or compute, by their BPMN type ({@code carerelay.history.steps-left-out}: gateways that
 * choose a way, service and rule tasks, start events; each a row with eleven indexes in
 * {@code ACT_HI_ACTINST}, 16 of a hand-off's 25 steps). What a case is and was stays: the steps it
 * waited in (tasks, sub-processes, timers, messages: when it waited where) and how each part ended
 * (end and boundary events), its tasks and who did them, each variable's last value, the decisions
 * taken with their inputs and outputs, the user operation log, incidents (a failed service task's
 * incident names its step); and CareRelay's own records (audit trail, hand-off attempts,
 * escalations). README, "Benchmark", has what each left-out kind saved. History is written through
 * Camunda's own database handler, first, so CareRelay's history handlers after it see the rows it
 * wrote.
 */
@Component
class HistoryForItsReaders extends AbstractProcessEnginePlugin {

  private final Set<String> stepsLeftOut;

  HistoryForItsReaders(@Value("${carerelay.history.steps-left-out:}") Set<String> stepsLeftOut) {
    this.stepsLeftOut = Set.copyOf(stepsLeftOut);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutUnreadRows(stepsLeftOut));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database history handler without variable details, job log and the steps left out. */
  static final class WithoutUnreadRows extends DbHistoryEventHandler {

    private final Set<String> stepsLeftOut;

    WithoutUnreadRows(Set<String> stepsLeftOut) {
      this.stepsLeftOut = stepsLeftOut;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricJobLogEventEntity || event instanceof HistoricFormPropertyEventEntity
          || event instanceof HistoricActivityInstanceEventEntity step && stepsLeftOut.contains(step.getActivityType())) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
