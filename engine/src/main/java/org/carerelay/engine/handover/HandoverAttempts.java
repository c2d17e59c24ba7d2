package org.carerelay.engine.handover;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which partners a hand-off asked, when, and what came of each request. */
@Component
class HandoverAttempts implements CaseHandoffs {

  /** One request to one partner; {@code result} null while it is open. */
  record Attempt(long id, String partner, String team, int round, OffsetDateTime startedAt,
      OffsetDateTime acceptedAt, OffsetDateTime endedAt, String result, String reason) {}

  private static final String COLUMNS = "id, partner, team, round, started_at, accepted_at, ended_at, result, reason";

  private final JdbcClient jdbc;

  HandoverAttempts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String handoffId, String caseId, int round, String partner, String team, String service) {
    jdbc.sql("""
            insert into handover_attempt (handoff_id, case_id, round, partner, team, service, started_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(handoffId, caseId, round, partner, team, service, now()).update();
  }

  Optional<Attempt> current(String handoffId) {
    return jdbc.sql("select " + COLUMNS + " from handover_attempt where handoff_id = ? and result is null")
        .param(handoffId).query(HandoverAttempts::attempt).optional();
  }

  Optional<Attempt> accepted(String handoffId) {
    Optional<Attempt> current = current(handoffId);
    jdbc.sql("update handover_attempt set accepted_at = ? where handoff_id = ? and result is null")
        .params(now(), handoffId).update();
    return current;
  }

  /** Ends the open attempt, if any; returns it as it was. */
  Optional<Attempt> end(String handoffId, String result, String reason) {
    Optional<Attempt> current = current(handoffId);
    current.ifPresent(attempt -> jdbc.sql("update handover_attempt set ended_at = ?, result = ?, reason = ? where id = ?")
        .params(now(), result, truncate(reason), attempt.id()).update());
    return current;
  }

  /** Partners already asked in this routing round; the hub's "ask everyone again" starts a new round. */
  Set<String> asked(String handoffId, int round) {
    return Set.copyOf(jdbc.sql("select partner from handover_attempt where handoff_id = ? and round = ?")
        .params(handoffId, round).query(String.class).list());
  }

  @Override
  public List<Request> requests(String caseId) {
    return jdbc.sql("""
            select handoff_id, service, partner, team, result, reason, started_at, accepted_at, ended_at
            from handover_attempt where case_id = ? order by id""").param(caseId).query(Request.class).list();
  }

  List<Attempt> all(String handoffId) {
    return jdbc.sql("select " + COLUMNS + " from handover_attempt where handoff_id = ? order by id")
        .param(handoffId).query(HandoverAttempts::attempt).list();
  }

  private static Attempt attempt(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Attempt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
        rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9));
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }
}
