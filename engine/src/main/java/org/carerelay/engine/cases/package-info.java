/**
 * What every pathway's case shares: its involved teams, closing it, and the death of its patient
 * recorded over REST or from Tasklist, with every partner told once.
 */
@ApplicationModule(allowedDependencies = {"audit", "escalation", "forms", "handover", "notification", "partner", "problem", "security", "time"})
package org.carerelay.engine.cases;

import org.springframework.modulith.ApplicationModule;
