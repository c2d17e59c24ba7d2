/**
 * What those who run CareRelay watch: its health and probes, and metrics in Prometheus's format at
 * {@code /actuator/prometheus} (the outbox's backlog, open escalations, open tasks, the job
 * executor's due and failed jobs, beside the JVM's and the database pool's own).
 */
@ApplicationModule(allowedDependencies = {})
package org.carerelay.engine.operations;

import org.springframework.modulith.ApplicationModule;
