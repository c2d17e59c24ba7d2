package org.carerelay.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.carerelay.engine.CaseDriver;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator of CareRelay relies on: probes a load balancer or Kubernetes may call without
 * signing in, metrics in Prometheus's format for administrators and the operations group only, with
 * CareRelay's own figures, and Camunda's history cleanup scheduled in its nightly window.
 */
@DemoRegionTest
class OperationsTests {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void probesAnswerWithoutSigningIn() {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> answer = HttpCaller.browser(port).get(probe);
      assertThat(answer.statusCode()).as(probe).isEqualTo(200);
      assertThat(answer.body()).as(probe).contains("\"UP\"");
    }
  }

  @Test
  void metricsCarryCareRelaysOwnFiguresForOperatorsOnly() {
    new CaseDriver(engine).start("ward-nurse", "wdh-ward", CaseDriver.startForm("ward", "high-weald"));

    HttpResponse<String> metrics = HttpCaller.basic(port, "demo", "demo").get("/actuator/prometheus", "text/plain");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("carerelay_outbox_notifications{application=\"carerelay\",status=\"pending\"}",
        "carerelay_escalations_open{application=\"carerelay\",level=\"1\"}", "carerelay_jobs_due", "carerelay_jobs_failed",
        "jvm_memory_used_bytes", "hikaricp_connections_active");
    assertThat(gauge(metrics.body(), "carerelay_tasks_open")).as("open tasks, as the engine counts them")
        .isEqualTo(engine.getTaskService().createTaskQuery().count());
    assertThat(HttpCaller.basic(port, "ward-nurse", "demo").get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(403);
    assertThat(HttpCaller.basic(port, "manager", "demo").get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(403);
    assertThat(HttpCaller.browser(port).get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
  }

  @Test
  void timersReadTheirDurationsWithTheJdksOwnFactoryNamedNotSearchedFor() throws Exception {
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .as("named, so the JDK does not look through every jar for one at every timer")
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(DatatypeFactory.newInstance().newDuration("PT4H").getHours()).isEqualTo(4);
  }

  @Test
  void historyCleanupIsScheduledInItsNightlyWindow() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getHistoryService().findHistoryCleanupJobs()).as("the cleanup job exists").isNotEmpty();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
        .as("every pathway says how long its history is kept")
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isNotNull().isPositive());
  }

  @Test
  void aFinishedHandOffKeepsItsHistoryButNotTheDetailOfEveryChangeTheJobLogNorStepsThatOnlyChoose() throws Exception {
    String handoff = finishedHandoff("HIST-1", null);
    var history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(handoff).singleResult().getEndTime())
        .as("the hand-off ended").isNotNull();

    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(handoff).list())
        .extracting(task -> task.getTaskDefinitionKey()).containsExactlyInAnyOrder("user_respond", "user_complete");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(handoff).activityId("user_complete").count())
        .isOne();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(handoff).list())
        .as("the steps the hand-off waited in and how its parts ended")
        .extracting(step -> step.getActivityType()).contains("userTask", "subProcess", "noneEndEvent")
        .as("no gateway that chose a way, no service task, no start event")
        .doesNotContain("exclusiveGateway", "serviceTask", "businessRuleTask", "startEvent");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(handoff).variableName("response")
        .singleResult().getValue()).as("each variable's last value").isEqualTo("accept");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(handoff).list())
        .as("the hand-off's own variables, not its steps' (the form header's due time, a service task's parameters)")
        .allSatisfy(variable -> assertThat(variable.getActivityInstanceId()).isEqualTo(handoff))
        .extracting(variable -> variable.getName()).contains("caseReference", "partner", "completionNote")
        .doesNotContain("taskDue", "stage", "result");
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(handoff).count())
        .as("the routing and service level decisions").isPositive();
    assertThat(history.createUserOperationLogQuery().processInstanceId(handoff).operationType("Complete").list())
        .as("who completed each task").extracting(entry -> entry.getUserId()).containsOnly("bluebell-coordinator");

    assertThat(history.createHistoricDetailQuery().processInstanceId(handoff).count())
        .as("no row for every change of every variable").isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(handoff).count())
        .as("no job log: timers created and cancelled").isZero();
  }

  @Test
  void aFinishedHandOffsHistoryIsKeptForItsTimeToLiveFromItsStartThenCleanedUp() throws Exception {
    // Long before any other test's cases, so the cleanup below can only remove this one.
    Instant started = Instant.parse("1980-01-07T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(started));
    String handoff = finishedHandoff("HIST-2", started.plus(Duration.ofDays(3)));
    var history = engine.getHistoryService();
    Instant removal = started.plus(Duration.ofDays(365));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(handoff).singleResult().getRemovalTime())
        .as("P365D from the hand-off's start, written with its history, not rewritten when it ended")
        .isEqualTo(Date.from(removal));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(handoff).list())
        .extracting(variable -> variable.getRemovalTime()).containsOnly(Date.from(removal));

    runHistoryCleanupAt(removal.minus(Duration.ofDays(1)));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(handoff).count())
        .as("kept the day before").isOne();

    runHistoryCleanupAt(removal.plus(Duration.ofDays(1)));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(handoff).count())
        .as("removed the day after").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(handoff).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(handoff).count()).isZero();
  }

  private void runHistoryCleanupAt(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());
  }

  /** A stand-alone hand-off the hub starts and Bluebell accepts and completes, over REST; {@code endAt} moves the clock first. */
  private String finishedHandoff(String reference, Instant endAt) throws Exception {
    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");
    HttpCaller bluebell = HttpCaller.basic(port, "bluebell-coordinator", "demo");
    HttpResponse<String> started = hub.postJson(RestCaseSteps.START_HANDOFF,
        RestCaseSteps.handoffStart(reference, "care-package", "urgent", "downs-coast", "Carers twice a day"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String handoff = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).get("id").asText();
    if (endAt != null) {
      ClockUtil.setCurrentTime(Date.from(endAt));
    }
    for (String[] step : new String[][] {{"user_respond", "{\"response\": {\"value\": \"accept\"}}"},
        {"user_complete", "{\"completion\": {\"value\": \"done\"}, \"completionNote\": {\"value\": \"Starts at 9\"}}"}}) {
      String task = engine.getTaskService().createTaskQuery().processInstanceId(handoff).taskDefinitionKey(step[0])
          .singleResult().getId();
      HttpResponse<String> done = bluebell.postJson("/engine-rest/task/" + task + "/submit-form", "{\"variables\": " + step[1] + "}");
      assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }
    return handoff;
  }

  private static long gauge(String metrics, String name) {
    Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E+]+)$").matcher(metrics);
    assertThat(value.find()).as(name + " in\n" + metrics).isTrue();
    return (long) Double.parseDouble(value.group(1));
  }
}
