package org.carerelay.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every successful request that reads or changes a patient's case, on Camunda's REST API,
 * the webapps' own API (Tasklist, Cockpit) and CareRelay's case API: which cases it touched (named
 * in its path, or in the answer it returned: a task list names the cases of its tasks), resolved
 * from a hand-off to the case that called it.
 */
@Component
class CaseAccessRecorder extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CaseAccessRecorder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> AUDITED = List.of("/engine-rest/", "/camunda/api/engine/", "/camunda/api/cockpit/",
      "/api/cases/", "/api/escalations", "/api/handoffs/", "/fhir/");
  private static final String ID = "([0-9a-fA-F-]{36})";
  private static final Pattern INSTANCE_IN_PATH = Pattern.compile(
      "(?:process-instance|cases|handoffs|Patient|ServiceRequest)/" + ID);
  /** FHIR resources name a case as its Patient and a hand-off as its ServiceRequest. */
  private static final Pattern FHIR_REFERENCE = Pattern.compile("(?:Patient|ServiceRequest)/" + ID + "$");
  private static final Pattern TASK_IN_PATH = Pattern.compile("task/" + ID);
  private static final Set<String> ID_FIELDS = Set.of("processInstanceId", "rootProcessInstanceId", "caseId",
      "superProcessInstanceId");
  /** Lists of process instances name each by "id". */
  private static final Pattern INSTANCE_LIST = Pattern.compile(".*/process-instance(/count)?$");
  /** POSTs that only query: Camunda's query-by-POST endpoints and Tasklist's filter lists. */
  private static final Pattern QUERY_POST = Pattern.compile(
      ".*/(task|process-instance|execution|variable-instance|incident|job|history/[\\w-]+)(/count)?$|.*/filter/[^/]+/(list|count)$");

  private final AuditTrail trail;
  private final JdbcClient jdbc;
  private final String prefix;

  CaseAccessRecorder(AuditTrail trail, JdbcClient jdbc, ProcessEngineConfigurationImpl engine) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.prefix = engine.getDatabaseTablePrefix();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return AUDITED.stream().noneMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      if (answer.getStatus() < 400 && caller != null && caller.isAuthenticated()) {
        record(request, answer, caller.getName());
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  private void record(HttpServletRequest request, ContentCachingResponseWrapper answer, String user) {
    try {
      Set<String> instances = new LinkedHashSet<>();
      Set<String> tasks = new HashSet<>();
      String path = path(request);
      collect(INSTANCE_IN_PATH.matcher(path), instances);
      collect(TASK_IN_PATH.matcher(path), tasks);
      String type = answer.getContentType();
      if (type != null && type.contains("json") && answer.getContentSize() > 0) {
        byte[] content = answer.getContentAsByteArray();
        if ("gzip".equalsIgnoreCase(answer.getHeader("Content-Encoding"))) { // HAPI's FHIR answers a client that asks for it
          try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
            content = unzipped.readAllBytes();
          }
        }
        JsonNode body = JSON.readTree(content);
        collect(body, instances);
        if (INSTANCE_LIST.matcher(path).matches()) {
          (body.isArray() ? body : JSON.createArrayNode().add(body)).forEach(instance -> {
            if (instance.path("id").isTextual()) {
              instances.add(instance.path("id").asText());
            }
          });
        }
      }
      Set<String> cases = cases(instances, tasks);
      if (!cases.isEmpty()) {
        boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
            || "POST".equals(request.getMethod()) && QUERY_POST.matcher(path).matches();
        trail.record(user, cases, reads ? AuditTrail.Operation.READ : AuditTrail.Operation.CHANGE, request.getMethod(),
            path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()), request.getRemoteAddr(),
            false);
      }
    } catch (IOException | RuntimeException e) {
      // An access that cannot be attributed is still logged; the caller's request has been answered.
      LOG.warn("Could not record {} {} by {} in the audit trail: {}", request.getMethod(), request.getRequestURI(), user,
          e.getMessage());
    }
  }

  /**
   * The cases (outermost process instances) these process instances and tasks belong to, read from
   * Camunda's history in one statement. Straight from the tables, not through Camunda's queries:
   * those would check the caller's grants (a partner may not read the case its hand-off belongs
   * to, yet the access must be attributed to that case), and this runs on every audited request.
   */
  private Set<String> cases(Set<String> instances, Set<String> tasks) {
    List<String> reads = new ArrayList<>();
    if (!instances.isEmpty()) {
      reads.add("select coalesce(ROOT_PROC_INST_ID_, ID_) from " + prefix + "ACT_HI_PROCINST where ID_ in (:instances)");
    }
    if (!tasks.isEmpty()) {
      reads.add("select coalesce(P.ROOT_PROC_INST_ID_, P.ID_) from " + prefix + "ACT_HI_TASKINST T join " + prefix
          + "ACT_HI_PROCINST P on P.ID_ = T.PROC_INST_ID_ where T.ID_ in (:tasks)");
    }
    if (reads.isEmpty()) {
      return Set.of();
    }
    return new LinkedHashSet<>(jdbc.sql(String.join(" union all ", reads))
        .param("instances", instances).param("tasks", tasks).query(String.class).list());
  }

  private static void collect(Matcher matcher, Set<String> ids) {
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
  }

  private static void collect(JsonNode node, Set<String> ids) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, ids));
    } else if (node.isObject()) {
      node.properties().forEach(field -> {
        if (ID_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
          ids.add(field.getValue().asText());
        } else if ("reference".equals(field.getKey()) && field.getValue().isTextual()) {
          collect(FHIR_REFERENCE.matcher(field.getValue().asText()), ids);
        } else {
          collect(field.getValue(), ids);
        }
      });
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
