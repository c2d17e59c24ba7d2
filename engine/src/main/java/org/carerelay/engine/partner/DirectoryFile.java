package org.carerelay.engine.partner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.carerelay.engine.security.Roles;
import org.carerelay.processes.cases.RequestFacts;

/**
 * The partner directory as an operator declares it in YAML (see {@code deploy/demo/partners.yaml}
 * for the format). {@link #read} rejects a file with mistakes, naming every one of them, so a typo
 * never half-loads a directory.
 */
record DirectoryFile(List<Locality> localities, List<ServiceKind> services, List<Organisation> organisations) {

  record Locality(String id, String name) {}

  /**
   * A service the partnership knows: its name as people read it, and the facts of a case its
   * request needs (names from {@link RequestFacts#LABELS}).
   */
  record ServiceKind(String id, String name, List<String> needs) {

    ServiceKind {
      needs = needs == null ? List.of() : List.copyOf(needs);
    }
  }

  record Organisation(String id, String name, String kind, String mailbox, String escalationMailbox,
      Boolean secureMail, String webhookUrl, List<Team> teams, List<Service> services) {

    Organisation {
      teams = teams == null ? List.of() : List.copyOf(teams);
      services = services == null ? List.of() : List.copyOf(services);
    }
  }

  /** A team; {@code mailOffers} false: its mailbox is not told of new requests (default true). */
  record Team(String id, String name, String mailbox, Boolean mailOffers) {

    boolean mailsOffers() {
      return mailOffers == null || mailOffers;
    }
  }

  record Service(String service, String team, List<String> localities) {

    Service {
      localities = localities == null ? List.of() : List.copyOf(localities);
    }
  }

  static final Set<String> KINDS = Set.of("acute-trust", "hospice", "community-nursing", "icb",
      "social-care", "domiciliary-care", "equipment", "transport", "community-pharmacy",
      "gp-practice", "out-of-hours", "care-home");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Set<String> ROLE_GROUPS =
      Set.of(Roles.HUB, Roles.MANAGERS, Roles.DESIGNERS, Roles.ADMINISTRATORS);
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  DirectoryFile {
    localities = localities == null ? List.of() : List.copyOf(localities);
    services = services == null ? List.of() : List.copyOf(services);
    organisations = organisations == null ? List.of() : List.copyOf(organisations);
  }

  static DirectoryFile read(InputStream in, String source) {
    DirectoryFile file;
    try {
      file = YAML.readValue(in, DirectoryFile.class);
    } catch (IOException e) {
      throw new InvalidDirectoryException(source, List.of(e.getMessage()));
    }
    if (file == null) {
      throw new InvalidDirectoryException(source, List.of("the file is empty"));
    }
    List<String> problems = file.problems();
    if (!problems.isEmpty()) {
      throw new InvalidDirectoryException(source, problems);
    }
    return file;
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Set<String> localityIds = new HashSet<>();
    for (Locality locality : localities) {
      requireId(problems, "locality", locality.id());
      requireText(problems, "locality " + locality.id(), "name", locality.name());
      if (!localityIds.add(locality.id())) {
        problems.add("locality " + locality.id() + " is declared twice");
      }
    }
    Set<String> serviceIds = new HashSet<>();
    for (ServiceKind service : services) {
      requireId(problems, "service", service.id());
      requireText(problems, "service " + service.id(), "name", service.name());
      if (!serviceIds.add(service.id())) {
        problems.add("service " + service.id() + " is declared twice");
      }
      service.needs().stream().filter(fact -> !RequestFacts.LABELS.containsKey(fact))
          .forEach(fact -> problems.add("service " + service.id() + " needs unknown fact '" + fact + "'; use some of "
              + RequestFacts.LABELS.keySet()));
    }
    Set<String> organisationIds = new HashSet<>();
    Set<String> teamIds = new HashSet<>();
    for (Organisation organisation : organisations) {
      String where = "organisation " + organisation.id();
      requireId(problems, "organisation", organisation.id());
      requireText(problems, where, "name", organisation.name());
      if (!organisationIds.add(organisation.id())) {
        problems.add(where + " is declared twice");
      }
      if (organisation.secureMail() == null) {
        problems.add(where + " must say whether its mail is secure (secureMail: true or false)");
      }
      if (!KINDS.contains(organisation.kind())) {
        problems.add(where + " has kind '" + organisation.kind() + "'; use one of " + KINDS);
      }
      Set<String> ownTeams = new HashSet<>();
      for (Team team : organisation.teams()) {
        requireId(problems, where + ": team", team.id());
        requireText(problems, where + ", team " + team.id(), "name", team.name());
        if (!teamIds.add(team.id())) {
          problems.add("team " + team.id() + " is declared twice");
        }
        if (ROLE_GROUPS.contains(team.id())) {
          problems.add("team " + team.id() + " uses the id of a partnership role");
        }
        ownTeams.add(team.id());
      }
      Set<String> services = new HashSet<>();
      for (Service service : organisation.services()) {
        requireId(problems, where + ": service", service.service());
        String at = where + ", service " + service.service();
        if (!services.add(service.service())) {
          problems.add(at + " is declared twice");
        }
        if (!serviceIds.contains(service.service())) {
          problems.add(at + " is not in the list of services (services: id, name)");
        }
        if (!ownTeams.contains(service.team())) {
          problems.add(at + " names team '" + service.team() + "', which is not one of its teams");
        }
        if (service.localities().isEmpty()) {
          problems.add(at + " covers no locality");
        }
        service.localities().stream().filter(id -> !localityIds.contains(id))
            .forEach(id -> problems.add(at + " names unknown locality '" + id + "'"));
      }
    }
    return problems;
  }

  private static void requireId(List<String> problems, String what, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(what + " id '" + id + "' must be 1-64 lower-case letters, digits, '.', '-' or '_'");
    }
  }

  private static void requireText(List<String> problems, String where, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(where + " has no " + field);
    }
  }
}
