package org.carerelay.engine.partner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the partner directory as loaded into the database. */
@Component
public class PartnerDirectory {

  /** A member of the partnership, as {@code GET /api/partners} shows it. */
  public record Partner(String id, String name, String kind, List<String> teams, List<PartnerService> services) {}

  /** A service a partner offers, where, and whether it takes new hand-offs now. */
  public record PartnerService(String service, List<String> localities, boolean available) {}

  private final JdbcClient jdbc;

  PartnerDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Partner> partners() {
    Map<String, List<String>> teams = new LinkedHashMap<>();
    jdbc.sql("select organisation_id, group_id from partner_team order by group_id").query(rs -> {
      teams.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
    });
    Map<String, List<String>> localities = new LinkedHashMap<>();
    jdbc.sql("select organisation_id, service, locality_id from partner_service_locality order by locality_id")
        .query(rs -> {
          localities.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), key -> new ArrayList<>())
              .add(rs.getString(3));
        });
    Map<String, List<PartnerService>> services = new LinkedHashMap<>();
    jdbc.sql("select organisation_id, service, available from partner_service order by service").query(rs -> {
      String organisation = rs.getString(1);
      String service = rs.getString(2);
      services.computeIfAbsent(organisation, id -> new ArrayList<>()).add(new PartnerService(
          service, localities.getOrDefault(organisation + "/" + service, List.of()), rs.getBoolean(3)));
    });
    return jdbc.sql("select id, name, kind from partner_organisation order by name")
        .query((rs, row) -> {
          String id = rs.getString(1);
          return new Partner(id, rs.getString(2), rs.getString(3),
              teams.getOrDefault(id, List.of()), services.getOrDefault(id, List.of()));
        })
        .list();
  }
}
