/**
 * After a death: the {@code after-death} pathway's delegates (open the case and plan the bereavement
 * contact, tell every team involved once, close with the times reached) and its outcome records.
 */
@ApplicationModule(allowedDependencies = {"cases", "decisions", "forms", "handover", "partner", "problem", "time"})
package org.carerelay.engine.death;

import org.springframework.modulith.ApplicationModule;
