/** The demo region's staff accounts, loaded only in the demo profile. */
@ApplicationModule(allowedDependencies = {})
package org.carerelay.engine.demo;

import org.springframework.modulith.ApplicationModule;
