package org.carerelay.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every response carries and what no request may bring: CareRelay's pages a strict content
 * security policy, responses with patient data no caching, a value in Java's serialised form and an
 * oversized body a clear 4xx.
 */
@DemoRegionTest
class HeadersAndLimitsTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void careRelaysPagesLoadOnlyTheirOwnFilesAndTellNoOtherSiteWhereUsersCameFrom() {
    HttpResponse<String> login = HttpCaller.browser(port).get("/login");

    assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

    HttpResponse<String> tasklist = HttpCaller.browser(port).loggedInAs("ward-nurse", "demo")
        .get("/camunda/app/tasklist/default/");
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).as("Camunda's own policy only")
        .noneMatch(policy -> policy.equals(SecurityConfiguration.CONTENT_SECURITY_POLICY));
  }

  @Test
  void responsesWithPatientDataAreNeverCached() {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-instance", "/api/partners"}) {
      HttpResponse<String> response = HttpCaller.basic(port, "hub-coordinator", "demo").get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-store");
    }
  }

  @Test
  void aValueInJavasSerialisedFormIsRefusedWith400() throws Exception {
    String variables = JSON.writeValueAsString(Map.of("variables", Map.of("payload", Map.of(
        "value", "rO0ABXQABWhlbGxv", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/x-java-serialized-object")))));
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    HttpResponse<String> response = HttpCaller.basic(port, "hub-coordinator", "demo")
        .postJson("/engine-rest/process-definition/key/partner-handover/start", variables);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("Java's serialised form");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void anOversizedBodyIsRefusedWith413BeforeItIsRead() throws Exception {
    String huge = "{\"reason\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}";

    HttpResponse<String> response = HttpCaller.basic(port, "hub-coordinator", "demo")
        .postJson("/api/handoffs/any/cancel", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo("The request is larger than 5 MB");
  }
}
