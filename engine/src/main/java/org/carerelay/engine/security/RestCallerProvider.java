package org.carerelay.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * The caller of Camunda's REST API as the servlet request names it (Spring Security signed it in),
 * with the groups and tenants read while its password was checked in this same request
 * ({@link CallerIdentity}); without them (a session) Camunda's filter reads them itself.
 */
public class RestCallerProvider extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated()
        && request.getAttribute(CallerIdentity.ATTRIBUTE) instanceof CallerIdentity caller
        && caller.userId().equals(result.getAuthenticatedUser())) {
      result.setGroups(caller.groupIds());
      result.setTenants(caller.tenantIds());
    }
    return result;
  }
}
