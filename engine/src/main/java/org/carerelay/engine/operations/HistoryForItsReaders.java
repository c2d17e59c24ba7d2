package org.carerelay.engine.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history, less two kinds of rows that nobody reads: the detail of every change of
 * every variable ({@code ACT_HI_DETAIL}: each value a case's variables ever had, one row per change,
 * most of them set by CareRelay's own steps) and the job log ({@code ACT_HI_JOB_LOG}: every timer
 * created, fired or cancelled; Camunda's Community Cockpit does not show it). What a case is and was
 * stays: its steps, tasks and who did them, each variable's last value, the decisions taken, the
 * user operation log, incidents; and CareRelay's own records (audit trail, hand-off attempts,
 * escalations). Leaving them out took a finished hand-off's database growth from 230 to 162 KB
 * (README, "Benchmark"). History is written through Camunda's own database handler, first,
 * so CareRelay's history handlers after it see the rows it wrote.
 */
@Component
class HistoryForItsReaders extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutUnreadRows());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database history handler without variable details and job log. */
  static final class WithoutUnreadRows extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricJobLogEventEntity) && !(event instanceof HistoricFormPropertyEventEntity)) {
        super.handleEvent(event);
      }
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
