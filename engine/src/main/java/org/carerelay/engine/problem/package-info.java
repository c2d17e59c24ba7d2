/**
 * What CareRelay answers when a caller sent something it cannot take: one JSON shape (RFC 9457
 * problem details, with a list of the fields to correct) on CareRelay's API, Camunda's REST API and
 * the API Tasklist calls, in words a person can act on, never engine codes, class names, ids of
 * definitions or stack traces.
 */
@ApplicationModule(allowedDependencies = {})
package org.carerelay.engine.problem;

import org.springframework.modulith.ApplicationModule;
