package org.carerelay.engine.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks user names and passwords against Camunda's identity service, so users and groups stay
 * manageable in Camunda Admin. Camunda throttles repeated failures itself: each wrong password
 * locks the account for a growing delay, and a locked account fails even with the right password.
 * Each group a user belongs to becomes an authority {@code GROUP_<id>}.
 *
 * <p>The password, the user's groups and tenants are read in one transaction. A call made with HTTP
 * basic keeps them on its request ({@link CallerIdentity}) for Camunda's REST API, which would
 * otherwise read the groups and the tenants again, each in a transaction of its own.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;
  private final TransactionTemplate transaction;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, PlatformTransactionManager transactions) {
    this.identityService = identityService;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    // A wrong password is counted (and the account locked) in this transaction: it must commit.
    CallerIdentity caller = transaction.execute(status -> identityService.checkPassword(userId, password)
        ? new CallerIdentity(userId,
            identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
            identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList())
        : null);
    if (caller == null) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<GrantedAuthority> authorities = caller.groupIds().stream()
        .<GrantedAuthority>map(groupId -> new SimpleGrantedAuthority(GROUP_PREFIX + groupId))
        .toList();
    UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    if (authentication.getDetails() instanceof CallerIdentity.BasicLogin basic) {
      basic.keep(caller);
      signedIn.setDetails(basic.withoutRequest());
    }
    return signedIn;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
