package org.carerelay.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.carerelay.engine.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job executor finds due jobs through CareRelay's index on {@code ACT_RU_JOB.DUEDATE_}, earliest
 * first, and no job waits unseen for want of a due date ({@link JobAcquisitionByDueDate}). The hand-off
 * here runs in 1990 on the engine clock, so no other test's jobs are due before its own.
 */
@PostgresTest
class JobAcquisitionPostgresTests {

  private static final Instant STARTED = Instant.parse("1990-03-05T09:00:00Z");

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  JobAcquisitionByDueDate acquisition;

  private final List<String> handoffs = new ArrayList<>();
  private String handoff;

  @BeforeEach
  void startAHandoffIn1990() {
    handoff = start("ACQ-1", STARTED);
  }

  @AfterEach
  void removeThem() {
    ClockUtil.reset();
    handoffs.forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "test over"));
  }

  @Test
  void theExecutorTakesDueJobsEarliestFirstAndNoneThatIsNotDue() {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(handoff).orderByJobDuedate().asc().list();
    assertThat(timers).as("the respond stage's escalation steps and deadline").hasSizeGreaterThanOrEqualTo(2);
    assertThat(jdbc.sql("select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = lower(?)")
        .param(JobAcquisitionByDueDate.INDEX).query(String.class).list())
        .as("Camunda's table has CareRelay's index").singleElement().asString().endsWith("(duedate_)");

    assertThat(nextDueJobs(STARTED.plusSeconds(60), 10)).as("a minute in, nothing is due").isEmpty();

    Instant secondDue = timers.get(1).getDuedate().toInstant();
    assertThat(nextDueJobs(secondDue, 10)).as("the two earliest, earliest first")
        .containsExactly(timers.get(0).getId(), timers.get(1).getId());

    // Written after the first hand-off's, due an hour before them: taken first.
    String earlier = start("ACQ-2", STARTED.minus(Duration.ofHours(1)));
    Job earliest = engine.getManagementService().createJobQuery().processInstanceId(earlier).orderByJobDuedate().asc()
        .listPage(0, 1).get(0);
    assertThat(nextDueJobs(secondDue, 1)).containsExactly(earliest.getId());
  }

  @Test
  void aJobLeftWithoutADueDateIsDueFromItsCreationAfterAStart() {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(handoff).orderByJobDuedate().desc()
        .listPage(0, 1).get(0);
    jdbc.sql("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?").param(timer.getId()).update();

    acquisition.postProcessEngineBuild(engine); // what a start does

    Job dated = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(dated.getDuedate()).isEqualTo(dated.getCreateTime());
    assertThat(nextDueJobs(STARTED.plus(Duration.ofMinutes(1)), 10)).as("due, so the executor takes it")
        .containsExactly(timer.getId());
  }

  private String start(String reference, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    String id = engine.getRuntimeService().startProcessInstanceByKey("partner-handover", reference, Map.of(
        "caseReference", reference, "service", "care-package", "urgency", "routine", "locality", "high-weald",
        "requestSummary", "Carers twice a day")).getId();
    handoffs.add(id);
    return id;
  }

  /**
   * The ids of the first jobs (at most {@code size}) the job executor's acquisition query returns at that
   * time, in its order: this test's hand-offs' only (no other test's are due in 1990).
   */
  private List<String> nextDueJobs(Instant now, int size) {
    ClockUtil.setCurrentTime(Date.from(now));
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<AcquirableJobEntity> due = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getJobManager().findNextJobsToExecute(new Page(0, size)));
    return due.stream().filter(job -> handoffs.contains(job.getProcessInstanceId())).map(AcquirableJobEntity::getId).toList();
  }
}
