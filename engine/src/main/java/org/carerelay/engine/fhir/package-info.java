/**
 * FHIR R4 for partners' own systems ({@code /fhir/r4}, HAPI's plain server): each offer to a
 * partner as a {@code Task} pointing at its hand-off's {@code ServiceRequest}, the partners as
 * {@code Organization}s and the case's patient as a {@code Patient}, read from CareRelay's own
 * records; a partner system accepts, declines and completes its Tasks, which completes the same
 * Tasklist task with the same validation. Partner isolation as in Tasklist.
 */
@ApplicationModule(allowedDependencies = {"partner", "problem", "security"})
package org.carerelay.engine.fhir;

import org.springframework.modulith.ApplicationModule;
