package org.carerelay.engine.handover;

import java.time.OffsetDateTime;
import java.util.List;

/** What the hand-off block tells other features about a case's requests to partners. */
public interface CaseHandoffs {

  /**
   * One request a case's hand-off made to one partner.
   *
   * @param handoffId the hand-off (a process instance) that made the request
   * @param result how the request ended (completed, declined, reassigned, cancelled, ...); null while open
   */
  record Request(String handoffId, String service, String partner, String team, String result, String reason, OffsetDateTime startedAt,
      OffsetDateTime acceptedAt, OffsetDateTime endedAt) {}

  /** Every request the case's hand-offs made, oldest first. */
  List<Request> requests(String caseId);
}
