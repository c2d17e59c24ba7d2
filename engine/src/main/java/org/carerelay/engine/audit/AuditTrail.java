package org.carerelay.engine.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.carerelay.engine.time.PartnershipTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Writes and reads the append-only record of who read or changed which case. */
@Service
public class AuditTrail {

  /** What was done: {@code read} or {@code change}. */
  public enum Operation { READ, CHANGE }

  /** One recorded access to a case. */
  public record Event(long id, OffsetDateTime at, String userId, String caseId, String operation, String method,
      String endpoint, String source, boolean automated) {}

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final JdbcClient jdbc;
  private final PartnershipTime time;
  private final Duration retention;

  AuditTrail(JdbcClient jdbc, PartnershipTime time, @Value("${carerelay.audit.retention:P3650D}") Duration retention) {
    this.jdbc = jdbc;
    this.time = time;
    this.retention = retention;
  }

  /** Records one access to each of these cases. */
  public void record(String userId, Collection<String> caseIds, Operation operation, String method, String endpoint,
      String source, boolean automated) {
    OffsetDateTime at = time.now().atOffset(ZoneOffset.UTC);
    for (String caseId : caseIds) {
      jdbc.sql("""
              insert into audit_event (at, user_id, case_id, operation, method, endpoint, source, automated)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(at, truncate(userId, 64), caseId, operation.name().toLowerCase(), truncate(method, 8),
              truncate(endpoint, 500), truncate(source, 64), automated)
          .update();
    }
  }

  /** Events that match every given criterion (null: any), newest first, at most {@code limit}. */
  public List<Event> find(String caseId, String userId, OffsetDateTime from, OffsetDateTime to, int limit) {
    StringBuilder sql = new StringBuilder("""
        select id, at, user_id, case_id, operation, method, endpoint, source, automated from audit_event where 1 = 1""");
    List<Object> params = new ArrayList<>();
    if (caseId != null) {
      sql.append(" and case_id = ?");
      params.add(caseId);
    }
    if (userId != null) {
      sql.append(" and user_id = ?");
      params.add(userId);
    }
    if (from != null) {
      sql.append(" and at >= ?");
      params.add(from);
    }
    if (to != null) {
      sql.append(" and at < ?");
      params.add(to);
    }
    sql.append(" order by at desc, id desc");
    return jdbc.sql(sql.toString()).params(params).query(Event.class).list().stream().limit(limit).toList();
  }

  /**
   * Removes what is older than the retention period ({@code carerelay.audit.retention}), once a
   * day; where the database keeps the trail append-only (deploy/postgresql/audit-append-only.sql)
   * the table's owner purges instead, and this says so.
   */
  @Scheduled(cron = "${carerelay.audit.purge-cron:0 30 3 * * *}")
  public int purge() {
    try {
      return jdbc.sql("delete from audit_event where at < ?")
          .param(time.now().minus(retention).atOffset(ZoneOffset.UTC)).update();
    } catch (DataAccessException e) {
      LOG.info("The audit trail is append-only for CareRelay here; its owner purges it ({})", e.getMessage());
      return 0;
    }
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
