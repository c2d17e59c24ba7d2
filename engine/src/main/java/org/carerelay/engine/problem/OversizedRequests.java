package org.carerelay.engine.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body larger than {@code carerelay.http.max-request-size} is refused with 413 before any
 * of it is read, on every path, in the one problem shape.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OversizedRequests extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSize limit;

  OversizedRequests(@Value("${carerelay.http.max-request-size:5MB}") DataSize limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit.toBytes()) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(Problems.MEDIA_TYPE);
      JSON.writeValue(response.getOutputStream(), Problems.body(HttpStatus.PAYLOAD_TOO_LARGE,
          "The request is larger than " + limit.toMegabytes() + " MB", List.of()));
      return;
    }
    chain.doFilter(request, response);
  }
}
