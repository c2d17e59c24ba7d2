package org.carerelay.engine.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Who signed in with this request, as Camunda's identity service answered while checking the
 * password: the user, its groups and its tenants. Kept on the request only (never in a session),
 * so it is never older than the request; a call that comes with a session has none, and Camunda's
 * REST filter reads them itself.
 */
record CallerIdentity(String userId, List<String> groupIds, List<String> tenantIds) {

  static final String ATTRIBUTE = CallerIdentity.class.getName();

  /**
   * The details HTTP basic gives the password check: the usual ones, and the request, so that the
   * check can leave the caller's identity on it. The token a successful check returns carries
   * only the usual details.
   */
  static final class BasicLogin extends WebAuthenticationDetails {

    private final transient HttpServletRequest request;

    BasicLogin(HttpServletRequest request) {
      super(request);
      this.request = request;
    }

    void keep(CallerIdentity caller) {
      if (request != null) {
        request.setAttribute(ATTRIBUTE, caller);
      }
    }

    WebAuthenticationDetails withoutRequest() {
      return new WebAuthenticationDetails(getRemoteAddress(), getSessionId());
    }
  }
}
