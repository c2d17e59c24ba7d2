package org.carerelay.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deploying a model is not a way to run code on the server: what a designer deploys over Camunda's
 * REST API is refused, naming the element and the rule, when it would run anything but CareRelay's
 * own delegates; nothing of it is stored.
 */
@DemoRegionTest
class DeploymentGuardTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void theDesignerWhoTriedToMakeThemselvesAdministratorIsRefused() throws Exception {
    String attack = process("attack", """
        <bpmn:startEvent id="start_timer"><bpmn:timerEventDefinition>
          <bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:serviceTask id="service_grant" name="Make me admin"
          camunda:expression="${execution.getProcessEngineServices().getIdentityService().createMembership('designer','camunda-admin')}" />
        <bpmn:sequenceFlow id="flow_1" sourceRef="start_timer" targetRef="service_grant" />""");

    JsonNode problem = refused(deploy("attack.bpmn", attack));

    assertThat(problem.findValuesAsText("field")).contains("start_timer", "service_grant");
    assertThat(problem.get("detail").asText()).contains("timer start events").contains("call methods");
    assertThat(engine.getIdentityService().createGroupQuery().groupMember("designer").groupId("camunda-admin").count())
        .isZero();
  }

  @Test
  void aScriptTaskIsRefused() throws Exception {
    JsonNode problem = refused(deploy("script.bpmn", process("script", """
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="script_run" scriptFormat="javascript"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
        <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="script_run" />""")));

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("script_run");
    assertThat(problem.at("/errors/0/message").asText()).contains("scripts may not run");
  }

  @Test
  void aJavaClassAndAnExpressionListenerAreRefused() throws Exception {
    JsonNode problem = refused(deploy("class.bpmn", process("class", """
        <bpmn:startEvent id="start">
          <bpmn:extensionElements><camunda:executionListener event="start" expression="${runtimeService}" /></bpmn:extensionElements>
        </bpmn:startEvent>
        <bpmn:serviceTask id="service_class" camunda:class="org.camunda.bpm.engine.impl.cmd.DeleteUserCmd" />
        <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="service_class" />""")));

    assertThat(problem.findValuesAsText("field")).contains("start", "service_class");
    assertThat(problem.get("detail").asText()).contains("camunda:class runs any Java class")
        .contains("expression delegates and listeners call methods");
  }

  @Test
  void onlyCareRelaysOwnDelegatesMayBeNamedAndConditionsOnlyCompareVariables() throws Exception {
    JsonNode problem = refused(deploy("beans.bpmn", process("beans", """
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="service_engine" camunda:delegateExpression="${processEngine}" />
        <bpmn:exclusiveGateway id="xor_peek" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="service_engine" />
        <bpmn:sequenceFlow id="flow_2" sourceRef="service_engine" targetRef="xor_peek" />
        <bpmn:sequenceFlow id="flow_3" sourceRef="xor_peek" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${patientName.toString() == 'x'}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="flow_4" sourceRef="xor_peek" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${patientName == 'y'}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>""")));

    assertThat(problem.findValuesAsText("field")).containsExactlyInAnyOrder("service_engine", "flow_3");
  }

  @Test
  void aDecisionTableOutsideFeelIsRefused() throws Exception {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="juel_decision" name="Juel">
            <decisionTable id="table">
              <input id="in"><inputExpression id="in_expr" typeRef="string" expressionLanguage="juel">
                <text>${execution.getProcessEngineServices()}</text></inputExpression></input>
              <output id="out" name="out" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>""";

    JsonNode problem = refused(deploy("juel.dmn", dmn));

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("in_expr");
    assertThat(problem.at("/errors/0/message").asText()).contains("FEEL");
  }

  @Test
  void aModelThatReadsVariablesAndNamesCareRelaysDelegatesIsDeployed() throws Exception {
    String key = "allowed-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> response = deploy(key + ".bpmn", process(key, """
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="service_close" camunda:delegateExpression="${closeCase}" />
        <bpmn:exclusiveGateway id="xor_outcome" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="service_close" />
        <bpmn:sequenceFlow id="flow_2" sourceRef="service_close" targetRef="xor_outcome" />
        <bpmn:sequenceFlow id="flow_3" sourceRef="xor_outcome" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${caseOutcome != 'open' &amp;&amp; (!discharged || patientAge &gt;= 18)}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="flow_4" sourceRef="xor_outcome" targetRef="end">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${caseOutcome == 'open'}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();
  }

  @Test
  void aModelNamesItsStepsGivesPeopleFormsAndKeepsItsHistoryForAWhile() throws Exception {
    JsonNode problem = refused(deploy("careless.bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_careless" targetNamespace="x">
          <bpmn:process id="careless" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:userTask id="Activity_0k3x9ab" name="Do something" camunda:candidateGroups="carerelay-hub" />
            <bpmn:sequenceFlow id="flow_1" sourceRef="StartEvent_1" targetRef="Activity_0k3x9ab" />
          </bpmn:process>
        </bpmn:definitions>"""));

    assertThat(problem.findValuesAsText("field")).containsExactlyInAnyOrder("careless", "StartEvent_1",
        "Activity_0k3x9ab", "Activity_0k3x9ab");
    assertThat(problem.get("detail").asText()).contains("needs camunda:historyTimeToLive")
        .contains("a start event people use needs a form").contains("'Activity_0k3x9ab' is a generated id")
        .contains("a user task needs a form");
  }

  @Test
  void whatAModelRefersToMustExistAndAHandoffGetsWhatItNeeds() throws Exception {
    JsonNode problem = refused(deploy("references.bpmn", process("references", """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="user_review" camunda:formRef="no-such-form" camunda:candidateGroups="carerelay-hub" />
        <bpmn:callActivity id="call_nowhere" calledElement="no-such-process" />
        <bpmn:callActivity id="call_handoff" calledElement="partner-handover">
          <bpmn:extensionElements><camunda:in source="request" target="requestSummary" /></bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:businessRuleTask id="rule_levels" camunda:decisionRef="no-such-table" camunda:resultVariable="levels" />
        <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="user_review" />""")));

    assertThat(problem.findValuesAsText("field")).containsExactlyInAnyOrder("user_review", "call_nowhere",
        "call_handoff", "rule_levels");
    assertThat(problem.get("detail").asText()).contains("its form 'no-such-form' does not exist")
        .contains("calls 'no-such-process', which is not deployed")
        .contains("a hand-off needs service, caseReference, urgency, locality")
        .contains("its decision table 'no-such-table' does not exist");
  }

  @Test
  void aTimerMayOnlyReadWhatAStepBeforeItSets() throws Exception {
    JsonNode problem = refused(deploy("timers.bpmn", process("timers", """
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="timer_too_soon">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${waitingLimit}</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="service_open" camunda:delegateExpression="${openAdmissionCase}" />
        <bpmn:intermediateCatchEvent id="timer_after_opening">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${reviewEvery}</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:userTask id="user_review" camunda:formRef="hospice-admission-review-waiting" camunda:candidateGroups="carerelay-hub">
          <bpmn:extensionElements>
            <camunda:inputOutput><camunda:outputParameter name="nextLook">PT2H</camunda:outputParameter></camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:boundaryEvent id="timer_on_review" attachedToRef="user_review">
          <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${nextLook}</bpmn:timeDate></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:intermediateCatchEvent id="timer_after_review">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${nextLook}</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end_early" />
        <bpmn:sequenceFlow id="flow_1" sourceRef="start" targetRef="timer_too_soon" />
        <bpmn:sequenceFlow id="flow_2" sourceRef="timer_too_soon" targetRef="service_open" />
        <bpmn:sequenceFlow id="flow_3" sourceRef="service_open" targetRef="timer_after_opening" />
        <bpmn:sequenceFlow id="flow_4" sourceRef="timer_after_opening" targetRef="user_review" />
        <bpmn:sequenceFlow id="flow_5" sourceRef="user_review" targetRef="timer_after_review" />
        <bpmn:sequenceFlow id="flow_6" sourceRef="timer_after_review" targetRef="end" />
        <bpmn:sequenceFlow id="flow_7" sourceRef="timer_on_review" targetRef="end_early" />""")));

    assertThat(problem.findValuesAsText("field")).as("waitingLimit before the case opens; nextLook before the task"
        + " that sets it ends").containsExactlyInAnyOrder("timer_too_soon", "timer_on_review");
    assertThat(problem.get("detail").asText()).contains("the timer reads 'waitingLimit', which nothing before it sets")
        .contains("the timer reads 'nextLook'");
  }

  private static String process(String key, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="definitions_%1$s" targetNamespace="https://carerelay.example/test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D" camunda:isStartableInTasklist="false">
        %2$s
          </bpmn:process>
        </bpmn:definitions>""".formatted(key, body);
  }

  /** {@code POST /engine-rest/deployment/create} as the demo designer, as Camunda Modeler does. */
  private HttpResponse<String> deploy(String fileName, String model) throws Exception {
    String boundary = "carerelay-" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/xml\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("designer:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode refused(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("ENGINE-").doesNotContain("Exception");
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    return JSON.readTree(response.body());
  }
}
