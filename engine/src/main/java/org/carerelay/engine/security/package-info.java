/**
 * One login for CareRelay's pages, Camunda's webapps and both REST APIs, checked against
 * Camunda's identity service; the partnership's roles and what each may do.
 */
@ApplicationModule(allowedDependencies = {"problem"})
package org.carerelay.engine.security;

import org.springframework.modulith.ApplicationModule;
