package org.carerelay.engine.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request that reached the coordination hub by phone: the hub starts a stand-alone hand-off from
 * its start form (service and locality from the directory, urgency, reference, what is asked), as
 * Tasklist submits it; it is routed like any pathway's. The form's rules are checked on the server;
 * a partner's staff may not start one.
 */
@DemoRegionTest
class StandaloneHandoffTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBMIT = "/engine-rest/process-definition/key/partner-handover/submit-form";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void theHubAsksAPartnerFromTheStartFormAndTheRequestIsRouted() throws Exception {
    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");
    String form = hub.get("/engine-rest/process-definition/key/partner-handover/deployed-start-form").body();
    assertThat(form).contains("Care package at home", "High Weald", "What the partner is asked to do");

    HttpResponse<String> started = hub.postJson(SUBMIT, variables("care-package", "high-weald", "PHONE-0412",
        "Carers twice a day from tomorrow; the daughter called the hub."));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String handoff = JSON.readTree(started.body()).get("id").asText();

    var respond = engine.getTaskService().createTaskQuery().processInstanceId(handoff).taskDefinitionKey("user_respond")
        .singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(respond.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId))
        .containsExactly("oakleaf-care-coordinators"); // first on the routing table for care in High Weald
    assertThat(engine.getRuntimeService().getVariable(handoff, "caseReference")).isEqualTo("PHONE-0412");
  }

  @Test
  void theFormsRulesAreCheckedAndPartnersMayNotStartOne() {
    HttpCaller hub = HttpCaller.basic(port, "hub-coordinator", "demo");
    HttpResponse<String> unknown = hub.postJson(SUBMIT, variables("massage", "high-weald", "PHONE-0413", "Relax"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Service (service)").doesNotContain("Exception");
    HttpResponse<String> badReference = hub.postJson(SUBMIT, variables("equipment", "downs-coast", "phone call!",
        "A commode"));
    assertThat(badReference.statusCode()).isEqualTo(400);
    assertThat(badReference.body()).contains("caseReference");

    HttpResponse<String> partner = HttpCaller.basic(port, "ward-nurse", "demo").postJson(SUBMIT,
        variables("equipment", "downs-coast", "PHONE-0414", "A commode"));
    assertThat(partner.statusCode()).isEqualTo(403);
  }

  private static String variables(String service, String locality, String reference, String summary) {
    return """
        {"variables": {
          "service": {"value": "%s"}, "locality": {"value": "%s"}, "urgency": {"value": "urgent"},
          "caseReference": {"value": "%s"}, "requestSummary": {"value": "%s"}}}""".formatted(service, locality,
        reference, summary);
  }
}
