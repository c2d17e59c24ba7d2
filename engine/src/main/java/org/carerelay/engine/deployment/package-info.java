/** Deployment of the BPMN, DMN and form models at start-up, changed resources only. */
@ApplicationModule(allowedDependencies = {"partner"})
package org.carerelay.engine.deployment;

import org.springframework.modulith.ApplicationModule;
