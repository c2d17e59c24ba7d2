package org.carerelay.engine.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * CareRelay's own gauges, read from the database when they are scraped, so every node of a cluster
 * reports the same partnership-wide figures (tag them by instance in Prometheus, not sum them):
 * <ul>
 *   <li>{@code carerelay_outbox_notifications{status}}: notifications waiting to be sent, and dead
 *       ones (the hub has a task for each)
 *   <li>{@code carerelay_escalations_open{level}}: breaches of a service level not yet resolved
 *   <li>{@code carerelay_tasks_open}: user tasks waiting in Tasklist
 *   <li>{@code carerelay_jobs_due}: timers and other jobs due and not yet taken by a job executor
 *       (a growing figure means the executors do not keep up)
 *   <li>{@code carerelay_jobs_failed}: jobs out of retries, each an incident in Cockpit
 * </ul>
 */
@Component
class OperationsMetrics implements MeterBinder {

  private final JdbcClient jdbc;

  OperationsMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : new String[] {"pending", "dead"}) {
      Gauge.builder("carerelay.outbox.notifications", () -> count(
              "select count(*) from notification where status = ?", status))
          .tag("status", status).description("Notifications in the outbox by status").register(registry);
    }
    for (int level = 1; level <= 3; level++) {
      int escalationLevel = level;
      Gauge.builder("carerelay.escalations.open", () -> count(
              "select count(*) from handover_escalation where resolved_at is null and level = ?", escalationLevel))
          .tag("level", String.valueOf(level)).description("Open escalations by level").register(registry);
    }
    Gauge.builder("carerelay.tasks.open", () -> count("select count(*) from ACT_RU_TASK"))
        .description("User tasks waiting in Tasklist").register(registry);
    // Every job has a due date (JobAcquisitionByDueDate), so this reads the due ones through its index.
    Gauge.builder("carerelay.jobs.due", () -> count("select count(*) from ACT_RU_JOB where RETRIES_ > 0"
            + " and SUSPENSION_STATE_ = 1 and DUEDATE_ <= ? and LOCK_OWNER_ is null",
            Timestamp.from(Instant.now())))
        .description("Jobs due and not yet taken by a job executor").register(registry);
    Gauge.builder("carerelay.jobs.failed", () -> count("select count(*) from ACT_RU_JOB where RETRIES_ = 0"))
        .description("Jobs out of retries (incidents)").register(registry);
  }

  private double count(String sql, Object... parameters) {
    var statement = jdbc.sql(sql);
    for (Object parameter : parameters) {
      statement = statement.param(parameter);
    }
    return statement.query(Long.class).single();
  }
}
