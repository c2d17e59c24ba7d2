package org.carerelay.engine.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job executor finds due jobs through an index instead of reading every job. Every open hand-off
 * keeps four timers (three escalation steps and a hard deadline), so at 100,000 open hand-offs
 * {@code ACT_RU_JOB} holds 400,000 jobs, almost none of them due; Camunda's acquisition query, asked
 * for the first three due jobs in no order, read all of them on each look (every 1 to 2 s on every
 * node): 190 to 670 ms of PostgreSQL each time. Here every job gets a due date (a job that has none,
 * an asynchronous step, is due when it is created: {@code ensureJobDueDateNotNull}), acquisition
 * takes due jobs earliest first ({@code jobExecutorAcquireByDueDate}), and an index on
 * {@code DUEDATE_} lets it read only those: under a millisecond when nothing is due.
 *
 * <p>At start (under the start-up lock, after Camunda has created or updated its schema) the index
 * is created if it is missing, and a job left without a due date by an earlier version is given its
 * creation time, so none waits unseen.
 */
@Component
class JobAcquisitionByDueDate extends AbstractProcessEnginePlugin {

  static final String INDEX = "CARERELAY_JOB_BY_DUE_DATE";
  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionByDueDate.class);

  private final JdbcClient jdbc;

  JobAcquisitionByDueDate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    String createIndex = "create index if not exists " + INDEX + " on " + prefix + "ACT_RU_JOB (DUEDATE_)";
    try {
      jdbc.sql(createIndex).update();
    } catch (DataAccessException e) {
      // Acquisition still works without it, only slower: say what a database administrator should run.
      LOG.warn("Could not create the job executor's index ({}); please run: {}", e.getMostSpecificCause().getMessage(),
          createIndex);
    }
    int dated = jdbc.sql("update " + prefix + "ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp)"
        + " where DUEDATE_ is null").update();
    if (dated > 0) {
      LOG.info("{} jobs without a due date are now due from their creation", dated);
    }
  }
}
