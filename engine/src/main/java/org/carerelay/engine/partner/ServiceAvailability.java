package org.carerelay.engine.partner;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Managers mark a partner's service available or not; every change is recorded with who and when. */
@Service
public class ServiceAvailability {

  private final JdbcClient jdbc;
  private final PartnerDirectory directory;
  private final ApplicationEventPublisher events;

  ServiceAvailability(JdbcClient jdbc, PartnerDirectory directory, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.events = events;
  }

  /** The new state of the service, or empty when the organisation does not offer it. */
  @Transactional
  public Optional<PartnerDirectory.Offer> change(String organisation, String service, boolean available, String reason,
      OffsetDateTime until, String changedBy) {
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    int updated = jdbc.sql("""
            update partner_service set available = ?, availability_reason = ?, available_until = ?
            where organisation_id = ? and service = ?""")
        .params(available, reason, available ? null : until, organisation, service).update();
    if (updated == 0) {
      return Optional.empty();
    }
    jdbc.sql("""
            insert into partner_availability_change
              (organisation_id, service, available, reason, available_until, changed_by, changed_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(organisation, service, available, reason, available ? null : until, changedBy, now).update();
    events.publishEvent(new ServiceAvailabilityChanged(organisation, service, available, reason, until, changedBy));
    return directory.offer(organisation, service);
  }
}
