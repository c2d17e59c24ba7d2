/**
 * Escalations: the record of every breach of a hand-off's service level, the basis of the
 * managers' view of each partner's responsiveness.
 */
@ApplicationModule(allowedDependencies = {"partner", "problem", "security"})
package org.carerelay.engine.escalation;

import org.springframework.modulith.ApplicationModule;
