/** The rapid discharge home to die pathway's delegates and its plan-change API. */
@ApplicationModule(allowedDependencies = {"cases", "decisions", "time"})
package org.carerelay.engine.discharge;

import org.springframework.modulith.ApplicationModule;
