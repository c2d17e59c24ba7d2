package org.carerelay.engine.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the user Spring Security authenticated to Camunda, so that its authorization checks apply
 * to every call. Both filters run right after the Spring Security chain and read the user from
 * {@code request.getUserPrincipal()}; the user's groups come from Camunda's identity service (for a
 * REST call made with HTTP basic, as read while its password was checked: {@link RestCallerProvider}).
 * The webapp filter must also run before the filters Camunda's webapp starter registers, which
 * are added to the servlet context after all Spring-ordered registrations.
 */
@Configuration(proxyBeanMethods = false)
class CamundaAuthenticationFilters {

  private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;
  private static final Map<String, String> CONTAINER_PROVIDER =
      Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("carerelay-webapp-authentication");
    registration.setInitParameters(CONTAINER_PROVIDER);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("carerelay-rest-authentication");
    registration.setInitParameters(Map.of("authentication-provider", RestCallerProvider.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AFTER_SPRING_SECURITY);
    return registration;
  }
}
