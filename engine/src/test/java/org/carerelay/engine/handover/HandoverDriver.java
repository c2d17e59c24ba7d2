package org.carerelay.engine.handover;

import static org.carerelay.processes.handover.PartnerHandover.Vars;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.processes.handover.PartnerHandover;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starts hand-offs, acts on their tasks and moves the engine clock, for tests. */
final class HandoverDriver {

  final ProcessEngine engine;
  final JdbcClient jdbc;
  final Instant startedAt;
  private final List<String> watched = new java.util.ArrayList<>();

  HandoverDriver(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.startedAt = org.carerelay.engine.CaseDriver.AWKWARD_MOMENT;
    ClockUtil.setCurrentTime(Date.from(startedAt));
  }

  static Map<String, Object> request(String service, String urgency, String locality) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.CASE_REFERENCE, "CR-" + UUID.randomUUID().toString().substring(0, 8));
    variables.put(Vars.SERVICE, service);
    variables.put(Vars.URGENCY, urgency);
    variables.put(Vars.LOCALITY, locality);
    variables.put(Vars.REQUEST_SUMMARY, "Test request");
    return variables;
  }

  ProcessInstance start(String service, String urgency, String locality) {
    return start(request(service, urgency, locality));
  }

  ProcessInstance start(Map<String, Object> request) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PartnerHandover.KEY, request);
    watched.add(instance.getId());
    return instance;
  }

  /** Timers of these process instances run when the clock moves. */
  void watch(String processInstanceId) {
    watched.add(processInstanceId);
  }

  /** The one open task of the hand-off with this definition key, or null. */
  Task task(String processInstanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).singleResult();
  }

  List<Task> tasks(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
  }

  String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).findFirst().orElse(null);
  }

  void complete(String processInstanceId, String taskKey, Object... keyValues) {
    Task task = task(processInstanceId, taskKey);
    if (task == null) {
      throw new AssertionError("No open task " + taskKey + "; open: "
          + tasks(processInstanceId).stream().map(Task::getTaskDefinitionKey).toList());
    }
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    engine.getTaskService().complete(task.getId(), variables);
  }

  void accept(String id) {
    complete(id, PartnerHandover.Elements.RESPOND, Vars.RESPONSE, "accept");
  }

  void decline(String id, String reason) {
    complete(id, PartnerHandover.Elements.RESPOND, Vars.RESPONSE, "decline", Vars.DECLINE_REASON, reason);
  }

  /**
   * Moves the engine clock to {@code startedAt + offset} and runs the watched instances' timers
   * then due, earliest first, as the job executor would.
   */
  void at(Duration offset) {
    ClockUtil.setCurrentTime(Date.from(startedAt.plus(offset)));
    for (int fired = 0; fired < 50; fired++) {
      Job next = null;
      for (String instance : watched) {
        List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance).timers()
            .executable().orderByJobDuedate().asc().listPage(0, 1);
        if (!due.isEmpty() && (next == null || due.get(0).getDuedate().before(next.getDuedate()))) {
          next = due.get(0);
        }
      }
      if (next == null) {
        return;
      }
      engine.getManagementService().executeJob(next.getId());
    }
    throw new AssertionError("Timers keep falling due");
  }

  boolean ended(String processInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  Object historicVariable(String processInstanceId, String name) {
    HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  record AttemptRow(String partner, String result, String reason) {}

  List<AttemptRow> attempts(String handoffId) {
    return jdbc.sql("select partner, result, reason from handover_attempt where handoff_id = ? order by id")
        .param(handoffId).query(AttemptRow.class).list();
  }

  record EscalationRow(String partner, String stage, int level, java.time.OffsetDateTime raisedAt, String resolution) {}

  List<EscalationRow> escalations(String handoffId) {
    return jdbc.sql("""
            select partner, stage, level, raised_at, resolution from handover_escalation
            where handoff_id = ? order by id""")
        .param(handoffId).query(EscalationRow.class).list();
  }

  /** Subjects of the mails the hand-off's case put in the outbox, with their recipients. */
  List<String> mails(String caseId) {
    return jdbc.sql("select recipient || ' | ' || subject from notification where case_id = ? order by created_at, subject")
        .param(caseId).query(String.class).list();
  }
}
