/**
 * Deploys the models of processes/ and forms/ (and the region's routing table) at start-up,
 * changed resources only, and guards every deployment, whatever its path: a model may read and
 * compare variables and name CareRelay's own delegates, never run code ({@link
 * org.carerelay.engine.deployment.ModelRules}).
 */
@ApplicationModule(allowedDependencies = {"partner", "problem", "security", "time"})
package org.carerelay.engine.deployment;

import org.springframework.modulith.ApplicationModule;
