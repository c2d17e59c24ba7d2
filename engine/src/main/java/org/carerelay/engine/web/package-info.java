/** CareRelay's own pages: login and the start page leading to the webapps. */
@ApplicationModule(allowedDependencies = {"partner", "security"})
package org.carerelay.engine.web;

import org.springframework.modulith.ApplicationModule;
