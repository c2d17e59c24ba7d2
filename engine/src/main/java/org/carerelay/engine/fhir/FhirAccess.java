package org.carerelay.engine.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling and what they may see, as in Tasklist: a partner's staff see the offers made to
 * their teams and the patients of cases their teams are involved in; the hub and administrators see
 * every offer and patient; managers see every offer but no patient.
 */
@Component
class FhirAccess {

  /** The signed-in caller. */
  record Caller(String user, List<String> groups) {

    boolean seesEveryOffer() {
      return Callers.seesWholePartnership(groups);
    }

    boolean readsEveryPatient() {
      return groups.contains(Roles.HUB) || groups.contains(Roles.ADMINISTRATORS);
    }
  }

  private final JdbcClient jdbc;
  private final HandoffFacts facts;

  FhirAccess(JdbcClient jdbc, HandoffFacts facts) {
    this.jdbc = jdbc;
    this.facts = facts;
  }

  Caller caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new AuthenticationException("Sign in with the partner system's account (HTTP basic).");
    }
    return new Caller(authentication.getName(), Callers.groups(authentication));
  }

  /** The teams whose offers the caller may see; null for every team. */
  Collection<String> teams(Caller caller) {
    return caller.seesEveryOffer() ? null : caller.groups();
  }

  /**
   * Whether a ServiceRequest's request and facts may be shown: to the partner it was offered to (the
   * only offers a partner sees) and the hub, never to managers, who see no case values.
   */
  boolean readsRequestDetails(Caller caller) {
    return !caller.seesEveryOffer() || caller.readsEveryPatient();
  }

  boolean sees(Caller caller, Offers.Offer offer) {
    return caller.seesEveryOffer() || caller.groups().contains(offer.team());
  }

  /** Whether the caller's teams had a part in the case (asked, or asked for it), or the caller reads every patient. */
  boolean involved(Caller caller, String caseId) {
    if (caller.readsEveryPatient()) {
      return true;
    }
    if (caller.groups().isEmpty()) {
      return false;
    }
    Object requester = facts.of(caseId, List.of("requesterTeam")).get("requesterTeam");
    if (caller.groups().contains(Objects.toString(requester, ""))) {
      return true;
    }
    return jdbc.sql("select count(*) from handover_attempt where case_id = :case and team in (:teams)")
        .params(Map.of("case", caseId, "teams", caller.groups())).query(Long.class).single() > 0;
  }
}
