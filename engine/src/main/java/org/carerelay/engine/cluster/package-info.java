/**
 * Several CareRelay nodes on one database: start-up work done by one node at a time, sessions any
 * node serves (Spring Session JDBC), and the job executor of every node claiming timers and the
 * outbox relay claiming notifications, each exactly once.
 */
@ApplicationModule(allowedDependencies = {})
package org.carerelay.engine.cluster;

import org.springframework.modulith.ApplicationModule;
