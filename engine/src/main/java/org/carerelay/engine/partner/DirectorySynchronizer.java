package org.carerelay.engine.partner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carerelay.engine.partner.DirectoryFile.Locality;
import org.carerelay.engine.partner.DirectoryFile.Organisation;
import org.carerelay.engine.partner.DirectoryFile.Service;
import org.carerelay.engine.partner.DirectoryFile.ServiceKind;
import org.carerelay.engine.partner.DirectoryFile.Team;
import org.carerelay.engine.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the database match a directory file: CareRelay's partner tables and, for every team,
 * Camunda's group, filter and grants. Only differences are written, so loading the same file
 * again changes nothing; an entry that left the file is removed. Availability is run-time state
 * owned by managers and is never overwritten; a new service starts available.
 */
@Component
class DirectorySynchronizer {

  private final JdbcClient jdbc;
  private final TeamAccess teamAccess;

  DirectorySynchronizer(JdbcClient jdbc, TeamAccess teamAccess) {
    this.jdbc = jdbc;
    this.teamAccess = teamAccess;
  }

  /** Applies the file in one transaction; returns how many rows, groups, filters or grants changed. */
  @Transactional
  public int synchronise(DirectoryFile file) {
    int changes = 0;
    changes += localities(file.localities());
    changes += serviceKinds(file.services());
    Map<String, String> filterIds = new HashMap<>();
    jdbc.sql("select group_id, filter_id from partner_team")
        .query(rs -> {
          filterIds.put(rs.getString(1), rs.getString(2));
        });
    for (Organisation organisation : file.organisations()) {
      changes += organisation(organisation);
      for (Team team : organisation.teams()) {
        changes += team(organisation, team, filterIds.get(team.id()));
      }
      for (Service service : organisation.services()) {
        changes += service(organisation.id(), service);
      }
    }
    changes += removeWhatLeft(file, filterIds);
    changes += teamAccess.synchroniseRoleFilter(Roles.HUB, "Coordination hub");
    return changes;
  }

  private int localities(List<Locality> localities) {
    Map<String, String> existing = jdbc.sql("select id, name from partner_locality")
        .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    int changes = 0;
    for (Locality locality : localities) {
      if (!existing.containsKey(locality.id())) {
        changes += jdbc.sql("insert into partner_locality (id, name) values (?, ?)")
            .params(locality.id(), locality.name()).update();
      } else if (!existing.get(locality.id()).equals(locality.name())) {
        changes += jdbc.sql("update partner_locality set name = ? where id = ?")
            .params(locality.name(), locality.id()).update();
      }
    }
    return changes;
  }

  private record ServiceRow(String id, String name, String needs) {}

  private int serviceKinds(List<ServiceKind> services) {
    Map<String, ServiceRow> existing = jdbc.sql("select id, name, needs from directory_service")
        .query(ServiceRow.class).list().stream().collect(Collectors.toMap(ServiceRow::id, row -> row));
    int changes = 0;
    for (ServiceKind service : services) {
      ServiceRow wanted = new ServiceRow(service.id(), service.name(),
          service.needs().isEmpty() ? null : String.join(",", service.needs()));
      ServiceRow found = existing.remove(service.id());
      if (found == null) {
        changes += jdbc.sql("insert into directory_service (id, name, needs) values (?, ?, ?)")
            .params(wanted.id(), wanted.name(), wanted.needs()).update();
      } else if (!found.equals(wanted)) {
        changes += jdbc.sql("update directory_service set name = ?, needs = ? where id = ?")
            .params(wanted.name(), wanted.needs(), wanted.id()).update();
      }
    }
    for (String gone : existing.keySet()) {
      changes += jdbc.sql("delete from directory_service where id = ?").param(gone).update();
    }
    return changes;
  }

  private record OrganisationRow(String name, String kind, String mailbox, String escalationMailbox,
      boolean secureMail, String webhookUrl) {}

  private int organisation(Organisation organisation) {
    OrganisationRow wanted = new OrganisationRow(organisation.name(), organisation.kind(),
        blankToNull(organisation.mailbox()), blankToNull(organisation.escalationMailbox()),
        organisation.secureMail(), blankToNull(organisation.webhookUrl()));
    List<OrganisationRow> existing = jdbc.sql("""
            select name, kind, mailbox, escalation_mailbox, secure_mail, webhook_url
            from partner_organisation where id = ?""")
        .param(organisation.id()).query(OrganisationRow.class).list();
    String sql;
    if (existing.isEmpty()) {
      sql = """
          insert into partner_organisation (name, kind, mailbox, escalation_mailbox, secure_mail, webhook_url, id)
          values (?, ?, ?, ?, ?, ?, ?)""";
    } else if (!existing.get(0).equals(wanted)) {
      sql = """
          update partner_organisation set name = ?, kind = ?, mailbox = ?, escalation_mailbox = ?,
                 secure_mail = ?, webhook_url = ?
          where id = ?""";
    } else {
      return 0;
    }
    return jdbc.sql(sql).params(wanted.name(), wanted.kind(), wanted.mailbox(), wanted.escalationMailbox(),
        wanted.secureMail(), wanted.webhookUrl(), organisation.id()).update();
  }

  private record TeamRow(String organisationId, String name, String mailbox, boolean mailOffers, String filterId) {}

  private int team(Organisation organisation, Team team, String filterId) {
    TeamAccess.Result camunda = teamAccess.synchronise(team.id(), organisation.name() + ": " + team.name(), filterId);
    TeamRow wanted = new TeamRow(organisation.id(), team.name(), blankToNull(team.mailbox()), team.mailsOffers(),
        camunda.filterId());
    List<TeamRow> existing = jdbc.sql("""
            select organisation_id, name, mailbox, mail_offers, filter_id from partner_team where group_id = ?""")
        .param(team.id()).query(TeamRow.class).list();
    String sql;
    if (existing.isEmpty()) {
      sql = """
          insert into partner_team (organisation_id, name, mailbox, mail_offers, filter_id, group_id)
          values (?, ?, ?, ?, ?, ?)""";
    } else if (!existing.get(0).equals(wanted)) {
      sql = """
          update partner_team set organisation_id = ?, name = ?, mailbox = ?, mail_offers = ?, filter_id = ?
          where group_id = ?""";
    } else {
      return camunda.changes();
    }
    return camunda.changes() + jdbc.sql(sql)
        .params(wanted.organisationId(), wanted.name(), wanted.mailbox(), wanted.mailOffers(), wanted.filterId(),
            team.id()).update();
  }

  private int service(String organisationId, Service service) {
    int changes = 0;
    List<String> team = jdbc.sql("select team_id from partner_service where organisation_id = ? and service = ?")
        .params(organisationId, service.service()).query(String.class).list();
    if (team.isEmpty()) {
      changes += jdbc.sql("""
              insert into partner_service (organisation_id, service, team_id, available)
              values (?, ?, ?, true)""")
          .params(organisationId, service.service(), service.team()).update();
    } else if (!team.get(0).equals(service.team())) {
      changes += jdbc.sql("update partner_service set team_id = ? where organisation_id = ? and service = ?")
          .params(service.team(), organisationId, service.service()).update();
    }
    Set<String> covered = new HashSet<>(jdbc.sql("""
            select locality_id from partner_service_locality where organisation_id = ? and service = ?""")
        .params(organisationId, service.service()).query(String.class).list());
    for (String locality : service.localities()) {
      if (!covered.remove(locality)) {
        changes += jdbc.sql("""
                insert into partner_service_locality (organisation_id, service, locality_id) values (?, ?, ?)""")
            .params(organisationId, service.service(), locality).update();
      }
    }
    for (String locality : covered) {
      changes += jdbc.sql("""
              delete from partner_service_locality where organisation_id = ? and service = ? and locality_id = ?""")
          .params(organisationId, service.service(), locality).update();
    }
    return changes;
  }

  private int removeWhatLeft(DirectoryFile file, Map<String, String> filterIds) {
    int changes = 0;
    Set<String> services = file.organisations().stream()
        .flatMap(organisation -> organisation.services().stream().map(service -> organisation.id() + "/" + service.service()))
        .collect(Collectors.toSet());
    List<String[]> existingServices = jdbc.sql("select organisation_id, service from partner_service")
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    for (String[] service : existingServices) {
      if (!services.contains(service[0] + "/" + service[1])) {
        jdbc.sql("delete from partner_service_locality where organisation_id = ? and service = ?")
            .params(service[0], service[1]).update();
        changes += jdbc.sql("delete from partner_service where organisation_id = ? and service = ?")
            .params(service[0], service[1]).update();
      }
    }
    Set<String> teams = file.organisations().stream()
        .flatMap(organisation -> organisation.teams().stream().map(Team::id)).collect(Collectors.toSet());
    for (Map.Entry<String, String> team : filterIds.entrySet()) {
      if (!teams.contains(team.getKey())) {
        teamAccess.remove(team.getKey(), team.getValue());
        changes += jdbc.sql("delete from partner_team where group_id = ?").param(team.getKey()).update();
      }
    }
    Set<String> organisations = file.organisations().stream().map(Organisation::id).collect(Collectors.toSet());
    for (String id : jdbc.sql("select id from partner_organisation").query(String.class).list()) {
      if (!organisations.contains(id)) {
        changes += jdbc.sql("delete from partner_organisation where id = ?").param(id).update();
      }
    }
    Set<String> localities = file.localities().stream().map(Locality::id).collect(Collectors.toSet());
    for (String id : jdbc.sql("select id from partner_locality").query(String.class).list()) {
      if (!localities.contains(id)) {
        changes += jdbc.sql("delete from partner_locality where id = ?").param(id).update();
      }
    }
    return changes;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
