package org.carerelay.engine.reports;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the heatmap's read model ({@code activity_time}): when a case leaves a step where cases wait,
 * the step's pathway, id, end and duration, written beside Camunda's own history in the same
 * transaction. Steps that take no time (gateways that only choose, service tasks, events other than
 * timers) are left out: they would only make the table longer.
 */
@Component
class ActivityTimes extends AbstractProcessEnginePlugin {

  /** Camunda's activity types where a case can wait. */
  static final Set<String> WAITING = Set.of("userTask", "callActivity", "subProcess", "intermediateTimer",
      "receiveTask", "intermediateMessageCatch", "intermediateSignalCatch", "eventBasedGateway", "parallelGateway",
      "inclusiveGateway");

  private final JdbcClient jdbc;

  /**
   * Refuses to start when history is told to leave out a step where cases wait
   * ({@code carerelay.history.steps-left-out}): the heatmap reads when a case began waiting there
   * from Camunda's history.
   */
  ActivityTimes(JdbcClient jdbc, @Value("${carerelay.history.steps-left-out:}") Set<String> stepsLeftOut) {
    List<String> waiting = stepsLeftOut.stream().filter(WAITING::contains).sorted().toList();
    if (!waiting.isEmpty()) {
      throw new IllegalStateException("carerelay.history.steps-left-out names " + String.join(", ", waiting)
          + ", where cases wait: the managers' heatmap needs their history. Leave out only steps that choose or"
          + " compute (e.g. exclusiveGateway, serviceTask, businessRuleTask, scriptTask, startEvent).");
    }
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    // Not a bean of its own: Camunda's starter adds any HistoryEventHandler bean a second time.
    handlers.add(new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        record(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
      }
    });
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  private void record(HistoryEvent event) {
    if (event instanceof HistoricActivityInstanceEventEntity activity
        && HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())
        && WAITING.contains(activity.getActivityType()) && activity.getEndTime() != null) {
      Long millis = activity.getDurationInMillis();
      if (millis == null) {
        // Camunda gives no start with the end of a step that began in an earlier transaction (a
        // case waited there): its start is in Camunda's history already. One that began in this
        // transaction took no time a person would notice.
        millis = jdbc.sql("select START_TIME_ from ACT_HI_ACTINST where ID_ = ?").param(activity.getId())
            .query(java.sql.Timestamp.class).optional()
            .map(start -> activity.getEndTime().getTime() - start.getTime()).orElse(0L);
      }
      jdbc.sql("insert into activity_time (pathway, activity_id, ended_at, millis) values (?, ?, ?, ?)")
          .params(activity.getProcessDefinitionKey(), activity.getActivityId(),
              activity.getEndTime().toInstant().atOffset(ZoneOffset.UTC), millis)
          .update();
    }
  }
}
