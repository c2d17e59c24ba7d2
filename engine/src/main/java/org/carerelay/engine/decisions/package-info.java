/** Evaluation of the decision tables that designers own. */
@ApplicationModule(allowedDependencies = {})
package org.carerelay.engine.decisions;

import org.springframework.modulith.ApplicationModule;
