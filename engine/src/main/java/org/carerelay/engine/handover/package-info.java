/**
 * The partner hand-off block's delegates and the hub's actions on running hand-offs: routing,
 * service levels, escalations, fallback to the next partner, cancellation.
 */
package org.carerelay.engine.handover;
