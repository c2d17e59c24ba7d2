/** The hospice admission pathway's delegates. */
@ApplicationModule(allowedDependencies = {"cases", "decisions", "partner", "time"})
package org.carerelay.engine.hospice;

import org.springframework.modulith.ApplicationModule;
