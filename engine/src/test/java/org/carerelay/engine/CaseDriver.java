package org.carerelay.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.demo.DemoPatients;

/**
 * Drives pathway cases and their hand-offs with the engine clock, for tests. The clock starts at a
 * fixed moment, never the machine's: no result may depend on the hour or the date a test runs.
 */
public final class CaseDriver {

  /**
   * 23:30 UTC (and in London) on Saturday 28 March 2026, ninety minutes before the clocks go forward:
   * a case started then crosses midnight and a change of offset within hours, where time bugs hide.
   */
  public static final Instant AWKWARD_MOMENT = Instant.parse("2026-03-28T23:30:00Z");

  public final ProcessEngine engine;
  public final Instant startedAt;

  public CaseDriver(ProcessEngine engine) {
    this(engine, AWKWARD_MOMENT);
  }

  /** A driver whose engine clock starts at {@code startedAt}. */
  public CaseDriver(ProcessEngine engine, Instant startedAt) {
    this.engine = engine;
    this.startedAt = startedAt.truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(this.startedAt));
  }

  /** A valid rapid discharge start form. */
  public static Map<String, Object> startForm(String setting, String locality) {
    return DemoPatients.rapidDischarge("Ada King Lovelace", setting, locality);
  }

  /** A valid hospice referral from a GP practice. */
  public static Map<String, Object> hospiceReferral(String urgency, String locality) {
    return DemoPatients.hospiceReferral("Mary Seacole", urgency, locality);
  }

  /** Starts a rapid discharge as a user of the given team, as Tasklist would. */
  public ProcessInstance start(String user, String team, Map<String, Object> form) {
    return start("rapid-discharge", user, team, form);
  }

  /** Starts a pathway through its start form as a user of the given team, as Tasklist would. */
  public ProcessInstance start(String processKey, String user, String team, Map<String, Object> form) {
    engine.getIdentityService().setAuthentication(user, List.of(team));
    try {
      return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(processKey).latestVersion().singleResult().getId(), form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public ProcessInstance handoff(String caseId, String service) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseId)
        .variableValueEquals("service", service).singleResult();
  }

  public List<ProcessInstance> handoffs(String caseId) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseId).list();
  }

  public Task task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
  }

  public String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).findFirst().orElse(null);
  }

  public void complete(String processInstanceId, String key, Object... keyValues) {
    Task task = task(processInstanceId, key);
    if (task == null) {
      throw new AssertionError("No open task " + key + " in " + processInstanceId);
    }
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    engine.getTaskService().complete(task.getId(), variables);
  }

  /** The partner asked for the service accepts and then delivers. */
  public void deliver(String caseId, String service) {
    String handoff = handoff(caseId, service).getId();
    complete(handoff, "user_respond", "response", "accept");
    complete(handoff, "user_complete", "completion", "done", "completionNote", "Done");
  }

  /** Every partner asked declines, then the hub ends the hand-off without a partner. */
  public void nobodyCan(String caseId, String service) {
    String handoff = handoff(caseId, service).getId();
    while (task(handoff, "user_respond") != null) {
      complete(handoff, "user_respond", "response", "decline", "declineReason", "Cannot");
    }
    complete(handoff, "user_no_partner_available", "hubDecision", "no-partner", "cancelReason", "Nobody can");
  }

  /** A case variable (the process instance's own, not a task's or activity's local one), from history. */
  public Object variable(String processInstanceId, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).list().stream()
        .filter(variable -> processInstanceId.equals(variable.getActivityInstanceId()))
        .map(variable -> variable.getValue()).findFirst().orElse(null);
  }

  public boolean ended(String processInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  /** Moves the clock to {@code startedAt + offset} and fires the case's due timers, earliest first. */
  public void at(Duration offset, String caseId) {
    ClockUtil.setCurrentTime(Date.from(startedAt.plus(offset)));
    for (int fired = 0; fired < 50; fired++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(caseId).timers().executable()
          .orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(due.get(0).getId());
    }
  }

  public static final List<String> ARRANGED = List.of("care-package", "equipment", "anticipatory-medicines",
      "community-nursing", "gp-handover", "ooh-handover", "transport");
}
