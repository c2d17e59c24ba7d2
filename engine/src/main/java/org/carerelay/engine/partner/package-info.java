/**
 * The partner directory: the partnership's organisations, their teams (Camunda groups), the
 * services each offers in which localities, and whether each service takes new hand-offs. It is
 * declared in a YAML file, loaded at start-up and kept in sync with Camunda's groups, Tasklist
 * filters and authorizations.
 */
@ApplicationModule(allowedDependencies = {"problem", "security"})
package org.carerelay.engine.partner;

import org.springframework.modulith.ApplicationModule;
