package org.carerelay.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session lasts only as long as its account: when an administrator deletes the user,
 * or the account is locked for good (too many wrong passwords), the next request of each of the
 * user's sessions ends it, and the user is asked to sign in again. A password is checked on every
 * request made with HTTP basic already.
 */
class LiveAccounts extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LiveAccounts.class);

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;

  LiveAccounts(IdentityService identity, ProcessEngineConfigurationImpl engine) {
    this.identity = identity;
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (session != null && caller != null && caller.isAuthenticated() && !live(caller.getName())) {
      LOG.info("Ending the session of {}: the account was deleted or is locked", caller.getName());
      session.invalidate();
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  private boolean live(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user != null && !(user instanceof UserEntity entity && entity.getAttempts() >= engine.getLoginMaxAttempts());
  }
}
