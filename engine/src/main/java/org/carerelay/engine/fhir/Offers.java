package org.carerelay.engine.fhir;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each offer of a hand-off to a partner (a row of {@code handover_attempt}), as a FHIR Task reads
 * it: read, never copied, so a Task is always what Tasklist shows.
 */
@Component
class Offers {

  /** One offer; {@code result} null while it is open. */
  record Offer(long id, String handoffId, String caseId, String partner, String team, String service,
      OffsetDateTime startedAt, OffsetDateTime acceptedAt, OffsetDateTime endedAt, String result, String reason) {

    OffsetDateTime lastModified() {
      return endedAt != null ? endedAt : acceptedAt != null ? acceptedAt : startedAt;
    }

    /** The Task's version: 1 offered, 2 accepted, 3 ended. */
    String version() {
      return result != null ? "3" : acceptedAt != null ? "2" : "1";
    }

    /** The Task's status (FHIR Task.status code). */
    String status() {
      if (result == null) {
        return acceptedAt == null ? "requested" : "in-progress";
      }
      return switch (result) {
        case "completed" -> "completed";
        case "declined" -> "rejected";
        case "timed-out", "unable" -> "failed";
        default -> "cancelled";
      };
    }
  }

  /** What a search asks for; null fields ask nothing. */
  record Search(Collection<String> teams, String partner, String status, String handoffId, String caseId,
      OffsetDateTime updatedAfter) {}

  private static final String COLUMNS = "id, handoff_id, case_id, partner, team, service, started_at, accepted_at,"
      + " ended_at, result, reason";

  private final JdbcClient jdbc;

  Offers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Offer> byId(long id) {
    return jdbc.sql("select " + COLUMNS + " from handover_attempt where id = ?").param(id).query(Offers::offer)
        .optional();
  }

  List<Offer> search(Search search) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from handover_attempt where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (search.teams() != null) {
      if (search.teams().isEmpty()) {
        return List.of();
      }
      sql.append(" and team in (").append(String.join(", ", search.teams().stream().map(team -> "?").toList()))
          .append(')');
      params.addAll(search.teams());
    }
    if (search.partner() != null) {
      sql.append(" and partner = ?");
      params.add(search.partner());
    }
    if (search.handoffId() != null) {
      sql.append(" and handoff_id = ?");
      params.add(search.handoffId());
    }
    if (search.caseId() != null) {
      sql.append(" and case_id = ?");
      params.add(search.caseId());
    }
    if (search.updatedAfter() != null) {
      sql.append(" and coalesce(ended_at, accepted_at, started_at) > ?");
      params.add(search.updatedAfter());
    }
    if (search.status() != null) {
      sql.append(switch (search.status()) {
        case "requested" -> " and result is null and accepted_at is null";
        case "in-progress", "accepted" -> " and result is null and accepted_at is not null";
        case "completed" -> " and result = 'completed'";
        case "rejected" -> " and result = 'declined'";
        case "failed" -> " and result in ('timed-out', 'unable')";
        case "cancelled" -> " and result in ('cancelled', 'reassigned')";
        default -> " and 1 = 0";
      });
    }
    sql.append(" order by id");
    return jdbc.sql(sql.toString()).params(params).query(Offers::offer).list();
  }

  private static Offer offer(java.sql.ResultSet row, int number) throws java.sql.SQLException {
    return new Offer(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
        row.getString(6), row.getObject(7, OffsetDateTime.class), row.getObject(8, OffsetDateTime.class),
        row.getObject(9, OffsetDateTime.class), row.getString(10), row.getString(11));
  }
}
