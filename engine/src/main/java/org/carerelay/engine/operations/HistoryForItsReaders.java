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
 * Camunda's full history, less what nobody reads:
 * <ul>
 *   <li>the detail of every change of every variable ({@code ACT_HI_DETAIL}: each value a case's
 *       variables ever had, one row per change, most of them set by CareRelay's own steps);</li>
 *   <li>the job log ({@code ACT_HI_JOB_LOG}: every timer created, fired or cancelled; Camunda's
 *       Community Cockpit does not show it);</li>
 *   <li>the steps that only choose or compute, by their BPMN type
 *       ({@code carerelay.history.steps-left-out}: gateways that choose a way, service and rule
 *       tasks, start events; 16 of a hand-off's 25 steps, each a row with eleven indexes in
 *       {@code ACT_HI_ACTINST});</li>
 *   <li>a step's own variables ({@code carerelay.history.keep-step-variables}, off): a task's display
 *       values such as its form header's due time, a service task's parameters. Every reader of
 *       historic variables (case pages, summaries, the managers' views, FHIR, the death pathway)
 *       reads a case's own, those of its process instance.</li>
 * </ul>
 * What a case is and was stays: the steps it waited in (tasks, sub-processes, timers, messages: when
 * it waited where) and how each part ended (end and boundary events), its tasks and who did them,
 * each of its variables' last value, the decisions taken with their inputs and outputs, the user
 * operation log, incidents (a failed service task's incident names its step); and CareRelay's own
 * records (audit trail, hand-off attempts, escalations). README, "Benchmark", has what each saved.
 * History is written through Camunda's own database handler, first, so CareRelay's history handlers
 * after it see the rows it wrote.
 */
@Component
class HistoryForItsReaders extends AbstractProcessEnginePlugin {

  private final Set<String> stepsLeftOut;
  private final boolean keepStepVariables;

  HistoryForItsReaders(@Value("${carerelay.history.steps-left-out:}") Set<String> stepsLeftOut,
      @Value("${carerelay.history.keep-step-variables:false}") boolean keepStepVariables) {
    this.stepsLeftOut = Set.copyOf(stepsLeftOut);
    this.keepStepVariables = keepStepVariables;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutUnreadRows(stepsLeftOut, keepStepVariables));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database history handler without what the class comment lists. */
  static final class WithoutUnreadRows extends DbHistoryEventHandler {

    private final Set<String> stepsLeftOut;
    private final boolean keepStepVariables;

    WithoutUnreadRows(Set<String> stepsLeftOut, boolean keepStepVariables) {
      this.stepsLeftOut = stepsLeftOut;
      this.keepStepVariables = keepStepVariables;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricJobLogEventEntity || event instanceof HistoricFormPropertyEventEntity
          || event instanceof HistoricActivityInstanceEventEntity step && stepsLeftOut.contains(step.getActivityType())
          || event instanceof HistoricVariableUpdateEventEntity variable && !keepStepVariables && ofAStep(variable)) {
        return;
      }
      super.handleEvent(event);
    }

    /**
     * A variable of a process instance's step, not of the instance itself (nor of a task on its own).
     * The event's own activity instance is the step that set it; its scope is whose it is.
     */
    private static boolean ofAStep(HistoricVariableUpdateEventEntity variable) {
      return variable.getProcessInstanceId() != null && variable.getScopeActivityInstanceId() != null
          && !variable.getProcessInstanceId().equals(variable.getScopeActivityInstanceId());
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
