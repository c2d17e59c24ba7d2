package org.carerelay.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.TeamTaskProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoRegionTest
class RoleAccessTests {

  private static final List<String> WEBAPPS = List.of("tasklist", "cockpit", "admin");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @ParameterizedTest(name = "{0} reaches {1}")
  @CsvSource({
      "ward-nurse,      tasklist",
      "ashdown-triage,  tasklist",
      "hub-coordinator, tasklist",
      "manager,         cockpit",
      "designer,        cockpit",
      "demo,            tasklist cockpit admin"})
  void eachRoleReachesExactlyItsWebapps(String user, String expected) {
    Set<String> allowed = Set.of(expected.split(" "));
    HttpCaller browser = HttpCaller.browser(port).loggedInAs(user, "demo");

    for (String app : WEBAPPS) {
      int status = browser.get("/camunda/app/" + app + "/default/").statusCode();
      assertThat(status).as("%s opening %s", user, app).isEqualTo(allowed.contains(app) ? 200 : 403);
    }
    String authorizedApps = browser.get("/camunda/api/admin/auth/user/default").body();
    for (String app : WEBAPPS) {
      assertThat(authorizedApps.contains("\"" + app + "\"")).as("%s authorized for %s", user, app)
          .isEqualTo(allowed.contains(app));
    }
    String home = browser.get("/").body();
    for (String app : WEBAPPS) {
      assertThat(home.contains("/camunda/app/" + app + "/default/")).as("start page of %s links %s", user, app)
          .isEqualTo(allowed.contains(app));
    }
  }

  @ParameterizedTest(name = "{0} deploying gets {1}")
  @CsvSource({"designer, 200", "demo, 200", "manager, 403", "hub-coordinator, 403", "ward-nurse, 403"})
  void onlyDesignersAndAdministratorsMayDeploy(String user, int expectedStatus) {
    HttpResponse<String> response = deploy(user, "role-test-" + user);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("role-test-" + user).count())
        .isEqualTo(expectedStatus == 200 ? 1 : 0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"manager", "hub-coordinator"})
  void managersAndHubReadCasesButCannotChangeThem(String user) {
    TeamTaskProbe.Case probe = new TeamTaskProbe(engine).startFor("icb-chc", "Read Only");
    HttpCaller program = HttpCaller.basic(port, user, "demo");
    String instance = "/engine-rest/process-instance/" + probe.instance().getId();

    assertThat(program.get(instance).statusCode()).isEqualTo(200);
    HttpResponse<String> values = program.get(instance + "/variables");
    if (user.equals("manager")) { // managers see the case, not the patient (LeastPrivilegeTests)
      assertThat(values.statusCode()).isEqualTo(403);
      assertThat(values.body()).doesNotContain("Read Only");
    } else {
      assertThat(values.body()).contains("Read Only");
    }
    assertThat(program.sendJson("DELETE", instance, "").statusCode()).isEqualTo(403);
    assertThat(program.postJson("/engine-rest/task/" + probe.task().getId() + "/complete", "{}").statusCode())
        .isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(probe.instance().getId()).count()).isEqualTo(1);
  }

  private HttpResponse<String> deploy(String user, String deploymentName) {
    String boundary = "carerelay-test-boundary";
    byte[] bpmn;
    try (InputStream in = getClass().getResourceAsStream("/org/carerelay/engine/team-task-probe.bpmn")) {
      bpmn = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + new String(bpmn, StandardCharsets.UTF_8) + "\r\n"
        + "--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
