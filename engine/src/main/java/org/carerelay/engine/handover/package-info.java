/**
 * The partner hand-off block's delegates and the hub's actions on running hand-offs: routing,
 * service levels, escalations, fallback to the next partner, cancellation.
 */
@ApplicationModule(allowedDependencies = {"decisions", "escalation", "forms", "notification", "partner", "problem", "time"})
package org.carerelay.engine.handover;

import org.springframework.modulith.ApplicationModule;
