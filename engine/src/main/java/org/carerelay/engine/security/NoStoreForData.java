package org.carerelay.engine.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Responses of the APIs that carry patient data ({@code /engine-rest}, {@code /camunda/api},
 * {@code /api}) are never stored by a browser or proxy: Camunda's REST API writes its own
 * {@code Cache-Control: no-cache}, which this replaces with {@code no-store}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NoStoreForData extends OncePerRequestFilter {

  private static final String CACHE_CONTROL = "Cache-Control";
  private static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";
  private static final List<String> DATA = List.of("/engine-rest/", "/camunda/api/", "/api/");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return DATA.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(CACHE_CONTROL, NO_STORE);
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? NO_STORE : value);
      }

      @Override
      public void addHeader(String name, String value) {
        if (CACHE_CONTROL.equalsIgnoreCase(name)) {
          super.setHeader(name, NO_STORE);
        } else {
          super.addHeader(name, value);
        }
      }
    });
  }
}
