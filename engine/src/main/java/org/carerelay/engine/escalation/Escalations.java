package org.carerelay.engine.escalation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The record of every breach of a hand-off's service level: raised when a stage runs late,
 * resolved when the stage completes, moves on or is cancelled.
 */
@Component
public class Escalations {

  /** One escalation, as {@code /api/escalations} shows it. */
  public record Escalation(long id, String caseId, String handoffId, String partner, String service, String stage,
      int level, OffsetDateTime raisedAt, OffsetDateTime resolvedAt, String resolution) {}

  /** Which escalations to list. */
  public enum Status { OPEN, RESOLVED, ALL }

  private static final String COLUMNS =
      "id, case_id, handoff_id, partner, service, stage, level, raised_at, resolved_at, resolution";

  private final JdbcClient jdbc;

  Escalations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a breach; returns its id. */
  public long raise(String caseId, String handoffId, String partner, String service, String stage, int level) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into handover_escalation (case_id, handoff_id, partner, service, stage, level, raised_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(caseId, handoffId, partner, service, stage, level, now()).update(key, "id");
    return key.getKey().longValue();
  }

  /** Resolves every open escalation of a hand-off; returns how many. */
  public int resolveOpen(String handoffId, String resolution) {
    return jdbc.sql("""
            update handover_escalation set resolved_at = ?, resolution = ?
            where handoff_id = ? and resolved_at is null""")
        .params(now(), resolution, handoffId).update();
  }

  /** Escalations with the given status; all partners when {@code partners} is null. */
  public List<Escalation> list(Status status, Collection<String> partners) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from handover_escalation where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (status == Status.OPEN) {
      sql.append(" and resolved_at is null");
    } else if (status == Status.RESOLVED) {
      sql.append(" and resolved_at is not null");
    }
    return query(sql, params, partners);
  }

  /** Escalations of a case: its own instance and every hand-off it called. */
  public List<Escalation> ofCase(String caseId, Collection<String> partners) {
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    return query(new StringBuilder("select " + COLUMNS + " from handover_escalation where case_id = ?"), params,
        partners);
  }

  private List<Escalation> query(StringBuilder sql, List<Object> params, Collection<String> partners) {
    if (partners != null) {
      if (partners.isEmpty()) {
        return List.of();
      }
      sql.append(" and partner in (").append(String.join(", ", partners.stream().map(p -> "?").toList())).append(")");
      params.addAll(partners);
    }
    sql.append(" order by raised_at, id");
    return jdbc.sql(sql.toString()).params(params).query((rs, row) -> new Escalation(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class), rs.getString(10))).list();
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }
}
