/**
 * The audit trail of patient data: every read and change of a case, through Camunda's REST API,
 * the webapps or CareRelay's API, and every read by an automated relay, recorded append-only with
 * who, when, which case, what and from where; queried by administrators and information governance.
 */
@ApplicationModule(allowedDependencies = {"problem", "security", "time"})
package org.carerelay.engine.audit;

import org.springframework.modulith.ApplicationModule;
