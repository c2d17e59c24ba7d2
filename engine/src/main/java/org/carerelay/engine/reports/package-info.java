/**
 * Reports for the partnership's managers and for partners about themselves ({@code /api/reports/...}):
 * figures computed from CareRelay's own records of hand-offs, escalations and availability.
 */
@ApplicationModule(allowedDependencies = {"cases", "partner", "problem", "security", "time"})
package org.carerelay.engine.reports;

import org.springframework.modulith.ApplicationModule;
