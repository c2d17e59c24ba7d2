package org.carerelay.engine.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.carerelay.engine.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda checks the permission to read a case's values when it returns them, not when a query is
 * filtered or sorted by them: a manager, who sees every case but not its values, could find the
 * case of NHS number 943 476 5919 with {@code ?variables=nhsNumber_eq_943 476 5919}. This refuses
 * (403) a search or a sort by case values, on Camunda's REST API and the webapps' own API, from a
 * caller who may see every case, its history or its tasks but not their values. Partner teams
 * search only among their own tasks and cases, whose values they may read, and are not concerned.
 */
@Component
class ValueSearchGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> GUARDED = List.of("/engine-rest/", "/camunda/api/engine/", "/camunda/api/cockpit/");
  /** The query parameters and JSON fields of Camunda's queries that filter by values. */
  private static final Set<String> VALUE_FILTERS = Set.of("variables", "processVariables", "taskVariables",
      "caseInstanceVariables", "caseExecutionVariables");

  private final AuthorizationService authorizations;

  ValueSearchGuard(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return GUARDED.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !caller.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest readable = request;
    Optional<String> searched = VALUE_FILTERS.stream()
        .filter(name -> request.getParameter(name) != null && !request.getParameter(name).isBlank()).findFirst();
    if (searched.isEmpty() && "POST".equals(request.getMethod()) && request.getContentType() != null
        && request.getContentType().contains("json")) {
      Body body = new Body(request);
      readable = body;
      searched = body.json().flatMap(ValueSearchGuard::valueSearch);
    }
    if (searched.isPresent() && seesCasesButNotTheirValues(caller)) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType(Problems.MEDIA_TYPE);
      JSON.writeValue(response.getOutputStream(), Problems.body(HttpStatus.FORBIDDEN,
          "Searching or sorting cases by their values (" + searched.get() + ") needs the right to read those values,"
              + " which your role does not have: search by case reference instead", List.of()));
      return;
    }
    chain.doFilter(readable, response);
  }

  private boolean seesCasesButNotTheirValues(Authentication caller) {
    String user = caller.getName();
    List<String> groups = Callers.groups(caller);
    boolean seesAll = may(user, groups, Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION)
        || may(user, groups, Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION)
        || may(user, groups, Permissions.READ, Resources.TASK)
        || may(user, groups, Permissions.READ, Resources.PROCESS_INSTANCE);
    boolean readsAllValues = may(user, groups, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        Resources.PROCESS_DEFINITION)
        && may(user, groups, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, Resources.PROCESS_DEFINITION);
    return seesAll && !readsAllValues;
  }

  private boolean may(String user, List<String> groups, Permission permission, Resource resource) {
    return authorizations.isUserAuthorized(user, groups, permission, resource, ANY);
  }

  /** The first field that filters or sorts by values, anywhere in a query (its "or" queries too). */
  static Optional<String> valueSearch(JsonNode node) {
    if (node.isObject()) {
      for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) node::fields) {
        JsonNode value = field.getValue();
        if (VALUE_FILTERS.contains(field.getKey()) && value.isArray() && !value.isEmpty()) {
          return Optional.of(field.getKey());
        }
        if ("sortBy".equals(field.getKey()) && value.asText().contains("Variable")) {
          return Optional.of("sortBy " + value.asText());
        }
        Optional<String> nested = valueSearch(value);
        if (nested.isPresent()) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      return StreamSupport.stream(node.spliterator(), false).map(ValueSearchGuard::valueSearch)
          .flatMap(Optional::stream).findFirst();
    }
    return Optional.empty();
  }

  /** A request whose body has been read here, and is read again by the chain. */
  private static final class Body extends HttpServletRequestWrapper {

    private final byte[] bytes;

    Body(HttpServletRequest request) throws IOException {
      super(request);
      this.bytes = request.getInputStream().readAllBytes();
    }

    Optional<JsonNode> json() {
      try {
        return Optional.of(JSON.readTree(bytes));
      } catch (IOException e) {
        return Optional.empty(); // not JSON: Camunda answers it
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("read synchronously");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
