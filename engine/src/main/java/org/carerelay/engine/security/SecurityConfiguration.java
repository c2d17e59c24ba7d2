package org.carerelay.engine.security;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: a form login for browsers that covers CareRelay's pages and Camunda's
 * webapps, and HTTP basic for {@code /engine-rest} and {@code /api}. Camunda's webapps and REST
 * API learn who the caller is from the servlet request (see {@link CamundaAuthenticationFilters}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /**
   * CareRelay's own pages load nothing but their own files. Camunda's webapps ({@code /camunda/**})
   * send a policy of their own, which a second one would only narrow and break.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

  /**
   * The designers' page edits decision tables with dmn-js, which sets style attributes as it draws
   * (column widths, menus): styles may be inline there; scripts still come from CareRelay only.
   */
  static final String DESIGNER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
      "style-src 'self' 'unsafe-inline';");

  /** Where Camunda's webapps post their "Log out"; it ends the Spring session too. */
  static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/{engine}/logout";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identity, ProcessEngineConfigurationImpl engine) throws Exception {
    RequestMatcher apis = new OrRequestMatcher(
        pathPattern("/engine-rest/**"), pathPattern("/api/**"), pathPattern("/camunda/api/**"),
        pathPattern("/actuator/**"), pathPattern("/fhir/**"));
    RequestMatcher camunda = pathPattern("/camunda/**");
    RequestMatcher designer = new OrRequestMatcher(pathPattern("/designer"), pathPattern("/designer/**"));
    RequestMatcher webappLogout = pathPattern(HttpMethod.POST, WEBAPP_LOGOUT);

    http
        .authenticationProvider(provider)
        .addFilterAfter(new LiveAccounts(identity, engine), SecurityContextHolderFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(pathPattern("/login"), pathPattern("/actuator/health"),
                pathPattern("/actuator/health/**"), pathPattern("/css/**"), pathPattern("/error"))
            .permitAll()
            // Static files of the webapps; every call that reads or changes data is under /camunda/api.
            .requestMatchers(pathPattern(HttpMethod.GET, "/camunda/assets/**"),
                pathPattern(HttpMethod.GET, "/camunda/lib/**"),
                pathPattern(HttpMethod.GET, "/camunda/favicon.ico"))
            .permitAll()
            // Metrics (Prometheus) for those who run CareRelay; health and probes stay open above.
            .requestMatchers(pathPattern("/actuator/**"))
            .hasAnyAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Roles.ADMINISTRATORS,
                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Roles.OPERATIONS)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(basic -> basic.authenticationDetailsSource(CallerIdentity.BasicLogin::new))
        .exceptionHandling(errors -> errors
            // Programs get 401 with a basic challenge; browsers get the login page.
            .defaultAuthenticationEntryPointFor(basicChallenge(), apis)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                request -> true))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(pathPattern(HttpMethod.POST, "/logout"), webappLogout))
            .logoutSuccessHandler(logoutSuccess(webappLogout))
            .deleteCookies("JSESSIONID", "XSRF-TOKEN"))
        // Camunda's webapps have their own CSRF protection (XSRF-TOKEN cookie and header); a second
        // mechanism breaks their POSTs. Requests that authenticate with a header carry no ambient
        // credentials a forged cross-site request could use.
        .csrf(csrf -> csrf.ignoringRequestMatchers(camunda,
            request -> request.getHeader("Authorization") != null))
        // Spring Security's defaults stay: Cache-Control no-store, nosniff, frame DENY.
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
                new OrRequestMatcher(camunda, designer)),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(designer,
                new StaticHeadersWriter("Content-Security-Policy", DESIGNER_CONTENT_SECURITY_POLICY))));
    return http.build();
  }

  // Path patterns, not servlet-path-aware MVC matchers: /engine-rest and /camunda/api are Jersey servlets.
  private static RequestMatcher pathPattern(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher pathPattern(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static AuthenticationEntryPoint basicChallenge() {
    HttpStatusEntryPoint status = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
    return (request, response, exception) -> {
      // No WWW-Authenticate for the webapps' own XHR calls, or the browser would pop up a dialog.
      if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"CareRelay\"");
      }
      status.commence(request, response, exception);
    };
  }

  private static LogoutSuccessHandler logoutSuccess(RequestMatcher webappLogout) {
    return (request, response, authentication) -> {
      if (webappLogout.matches(request)) {
        // The webapp then navigates to its login route, which sends the browser to /login.
        response.setStatus(HttpServletResponse.SC_OK);
      } else {
        response.sendRedirect(request.getContextPath() + "/login?logout");
      }
    };
  }
}
