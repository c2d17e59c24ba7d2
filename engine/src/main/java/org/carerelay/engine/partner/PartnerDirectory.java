package org.carerelay.engine.partner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the partner directory as loaded into the database. */
@Component
public class PartnerDirectory {

  /** A member of the partnership, as {@code GET /api/partners} shows it. */
  public record Partner(String id, String name, String kind, List<String> teams, List<PartnerService> services) {}

  /**
   * A service a partner offers, where, and whether it takes new hand-offs now; when it does not,
   * why and until when ({@code until} null: until a manager changes it back).
   */
  public record PartnerService(String service, List<String> localities, boolean available, String reason,
      OffsetDateTime until) {}

  /** What routing needs to know of one organisation's offer of one service. */
  public record Offer(String organisation, String organisationName, String service, String team,
      List<String> localities, boolean available, String unavailableReason) {

    public boolean covers(String locality) {
      return localities.contains(locality);
    }
  }

  /**
   * Where to write to a team or its organisation; {@code secureMail} says whether its mail may
   * carry patient details, {@code webhookUrl} is the organisation's own system, if any.
   */
  public record Contacts(String organisation, String teamMailbox, String organisationMailbox,
      String escalationMailbox, boolean secureMail, String webhookUrl, boolean mailOffers) {

    /** The team's mailbox, or its organisation's when the team has none. */
    public String mailbox() {
      return teamMailbox != null ? teamMailbox : organisationMailbox;
    }
  }

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
    Instant now = ClockUtil.getCurrentTime().toInstant();
    jdbc.sql("""
            select organisation_id, service, available, availability_reason, available_until
            from partner_service order by service""").query(rs -> {
      String organisation = rs.getString(1);
      String service = rs.getString(2);
      OffsetDateTime until = rs.getObject(5, OffsetDateTime.class);
      boolean available = isAvailable(rs.getBoolean(3), until, now);
      services.computeIfAbsent(organisation, id -> new ArrayList<>()).add(new PartnerService(
          service, localities.getOrDefault(organisation + "/" + service, List.of()), available,
          available ? null : rs.getString(4), available ? null : until));
    });
    return jdbc.sql("select id, name, kind from partner_organisation order by name")
        .query((rs, row) -> {
          String id = rs.getString(1);
          return new Partner(id, rs.getString(2), rs.getString(3),
              teams.getOrDefault(id, List.of()), services.getOrDefault(id, List.of()));
        })
        .list();
  }

  /** An organisation's offer of a service, if it makes one. */
  public Optional<Offer> offer(String organisation, String service) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> localities = jdbc.sql("""
            select locality_id from partner_service_locality
            where organisation_id = ? and service = ? order by locality_id""")
        .params(organisation, service).query(String.class).list();
    return jdbc.sql("""
            select o.name, s.team_id, s.available, s.availability_reason, s.available_until
            from partner_service s join partner_organisation o on o.id = s.organisation_id
            where s.organisation_id = ? and s.service = ?""")
        .params(organisation, service)
        .query((rs, row) -> {
          boolean available = isAvailable(rs.getBoolean(3), rs.getObject(5, OffsetDateTime.class), now);
          return new Offer(organisation, rs.getString(1), service, rs.getString(2), localities, available,
              available ? null : rs.getString(4));
        })
        .optional();
  }

  public Optional<String> organisationName(String organisation) {
    return jdbc.sql("select name from partner_organisation where id = ?").param(organisation).query(String.class).optional();
  }

  /** Mailboxes of a team (and its organisation); empty if the team is not in the directory. */
  public Optional<Contacts> contacts(String team) {
    return jdbc.sql("""
            select o.id, t.mailbox, o.mailbox, o.escalation_mailbox, o.secure_mail, o.webhook_url, t.mail_offers
            from partner_team t join partner_organisation o on o.id = t.organisation_id
            where t.group_id = ?""")
        .param(team)
        .query((rs, row) -> new Contacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getString(6), rs.getBoolean(7)))
        .optional();
  }

  /** A service as people name it ("Care package"); its id when the directory does not list it. */
  public String serviceName(String service) {
    return jdbc.sql("select name from directory_service where id = ?").param(service).query(String.class).optional()
        .orElse(service);
  }

  /** The facts of a case the service's request needs, in the directory's order. */
  public List<String> serviceNeeds(String service) {
    return jdbc.sql("select needs from directory_service where id = ?").param(service).query(String.class).optional()
        .filter(needs -> !needs.isBlank()).map(needs -> List.of(needs.split(","))).orElse(List.of());
  }

  /** A team as people name it: "Ashdown Hospice: Hospice at home". */
  public Optional<String> teamName(String team) {
    return jdbc.sql("""
            select o.name, t.name from partner_team t join partner_organisation o on o.id = t.organisation_id
            where t.group_id = ?""")
        .param(team).query((rs, row) -> rs.getString(1) + ": " + rs.getString(2)).optional();
  }

  /** Every organisation that offers the service in the locality, available or not, by name. */
  public List<Offer> offersIn(String service, String locality) {
    return jdbc.sql("""
            select s.organisation_id from partner_service s
            join partner_organisation o on o.id = s.organisation_id
            join partner_service_locality l on l.organisation_id = s.organisation_id and l.service = s.service
            where s.service = ? and l.locality_id = ? order by o.name""")
        .params(service, locality).query(String.class).list().stream()
        .flatMap(organisation -> offer(organisation, service).stream()).toList();
  }

  /** The organisations whose teams are among the given Camunda groups. */
  public Set<String> organisationsOfGroups(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(jdbc.sql("select distinct organisation_id from partner_team where group_id in (:groups)")
        .param("groups", groupIds).query(String.class).list());
  }

  /** A service marked unavailable with an {@code until} in the past is available again. */
  static boolean isAvailable(boolean available, OffsetDateTime until, Instant now) {
    return available || (until != null && !until.toInstant().isAfter(now));
  }

  /** The teams that offer a service in a locality. */
  public List<String> teamsOffering(String service, String locality) {
    return jdbc.sql("""
            select s.team_id from partner_service s
            join partner_service_locality l on l.organisation_id = s.organisation_id and l.service = s.service
            where s.service = ? and l.locality_id = ? order by s.team_id""")
        .params(service, locality).query(String.class).list();
  }
}
