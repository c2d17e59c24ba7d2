/**
 * The forms people fill in: every start and task completion is held on the server to the rules of
 * its Camunda Form, whoever calls, and every task form opens with the same header.
 */
@ApplicationModule(allowedDependencies = {"problem", "time"})
package org.carerelay.engine.forms;

import org.springframework.modulith.ApplicationModule;
