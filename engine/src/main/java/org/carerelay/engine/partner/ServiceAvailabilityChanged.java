package org.carerelay.engine.partner;

import java.time.OffsetDateTime;

/**
 * Published, inside the transaction that records it, when a manager marks a partner's service
 * available or unavailable; hand-offs waiting on that service react to it once it is committed.
 */
public record ServiceAvailabilityChanged(String organisation, String service, boolean available, String reason,
    OffsetDateTime until, String changedBy) {}
