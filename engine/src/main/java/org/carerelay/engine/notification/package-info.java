/**
 * Notifications that are never lost: an outbox written in the same transaction as the process
 * step that causes it, sent afterwards.
 */
@ApplicationModule(allowedDependencies = {"audit", "problem"})
package org.carerelay.engine.notification;

import org.springframework.modulith.ApplicationModule;
