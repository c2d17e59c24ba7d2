package org.carerelay.engine.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The after-death cases' moments (table {@code after_death}, with when the notices went out from the
 * outbox and when the equipment was collected and the family contacted from the case's hand-offs),
 * for the case's summary and the managers' reports.
 */
@Component
public class AfterDeathRecords {

  /**
   * One after-death case's moments; {@code everyoneToldAt} is when the last death notice went out,
   * null while any is still waiting in the outbox.
   */
  public record Moments(String caseId, String reference, OffsetDateTime diedAt, OffsetDateTime openedAt,
      Integer teamsTold, int noticesWaiting, OffsetDateTime everyoneToldAt, OffsetDateTime equipmentCollectedAt,
      OffsetDateTime bereavementDueAt, OffsetDateTime bereavementContactAt, OffsetDateTime closedAt) {}

  private static final String SELECT = """
      select a.case_id, a.reference, a.died_at, a.opened_at, a.teams_told,
        (select count(*) from notification n where n.event_key = a.notice_key and n.sent_at is null) as waiting,
        (select max(n.sent_at) from notification n where n.event_key = a.notice_key) as last_sent,
        (select min(h.ended_at) from handover_attempt h where h.case_id = a.case_id
          and h.service = 'equipment-collection' and h.result = 'completed') as equipment_collected_at,
        a.bereavement_due_at,
        (select min(h.ended_at) from handover_attempt h where h.case_id = a.case_id
          and h.service in ('bereavement-hospice', 'bereavement-gp') and h.result = 'completed') as bereavement_contact_at,
        a.closed_at
      from after_death a""";

  private final JdbcClient jdbc;

  AfterDeathRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void opened(String caseId, String reference, String linkedCaseId, String locality, Instant diedAt, Instant openedAt,
      Instant bereavementDueAt) {
    jdbc.sql("""
            insert into after_death (case_id, reference, linked_case_id, locality, died_at, opened_at, bereavement_due_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(caseId, reference, linkedCaseId, locality, utc(diedAt), utc(openedAt), utc(bereavementDueAt)).update();
  }

  public void told(String caseId, String noticeKey, int teams) {
    jdbc.sql("update after_death set notice_key = ?, teams_told = ? where case_id = ?")
        .params(noticeKey, teams, caseId).update();
  }

  public void closed(String caseId, Instant closedAt) {
    jdbc.sql("update after_death set closed_at = ? where case_id = ?").params(utc(closedAt), caseId).update();
  }

  /** The moments of one after-death case. */
  public Optional<Moments> of(String caseId) {
    return jdbc.sql(SELECT + " where a.case_id = ?").param(caseId).query(AfterDeathRecords::moments).optional();
  }

  /** The after-death cases of deaths in [from, to). */
  public java.util.List<Moments> diedBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql(SELECT + " where a.died_at >= ? and a.died_at < ?").params(from, to)
        .query(AfterDeathRecords::moments).list();
  }

  private static Moments moments(java.sql.ResultSet row, int number) throws java.sql.SQLException {
    int waiting = row.getInt(6);
    Integer teams = (Integer) row.getObject(5);
    OffsetDateTime opened = at(row, 4);
    OffsetDateTime everyoneTold = teams == null ? null : teams == 0 ? opened : waiting > 0 ? null : at(row, 7);
    return new Moments(row.getString(1), row.getString(2), at(row, 3), opened, teams, waiting, everyoneTold,
        at(row, 8), at(row, 9), at(row, 10), at(row, 11));
  }

  private static OffsetDateTime at(java.sql.ResultSet row, int column) throws java.sql.SQLException {
    return row.getObject(column, OffsetDateTime.class);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
