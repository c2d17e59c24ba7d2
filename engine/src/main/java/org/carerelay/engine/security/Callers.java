package org.carerelay.engine.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What CareRelay's own API needs to know of the signed-in caller. */
public final class Callers {

  private static final Set<String> PARTNERSHIP_WIDE = Set.of(Roles.HUB, Roles.MANAGERS, Roles.ADMINISTRATORS);

  private Callers() {}

  /** The Camunda groups the caller belongs to. */
  public static List<String> groups(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
        .map(authority -> authority.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
        .toList();
  }

  /** Whether the caller sees every organisation's cases: the hub, managers and administrators. */
  public static boolean seesWholePartnership(Authentication authentication) {
    return seesWholePartnership(groups(authentication));
  }

  /** The same, for a user known to the engine by their Camunda groups. */
  public static boolean seesWholePartnership(java.util.Collection<String> groups) {
    return groups.stream().anyMatch(PARTNERSHIP_WIDE::contains);
  }
}
