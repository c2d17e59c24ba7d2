package org.carerelay.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoRegionTest
class LoginTests {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;

  @Autowired
  AuthorizationService authorizationService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void formLoginOpensCareRelayAndTasklistWithoutASecondLogin() {
    HttpCaller browser = HttpCaller.browser(port);

    HttpResponse<String> login = browser.login("ward-nurse", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/"));

    HttpResponse<String> home = browser.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Grace Okafor").contains("/camunda/app/tasklist/default/");

    assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> camundaUser = browser.get("/camunda/api/admin/auth/user/default");
    assertThat(camundaUser.statusCode()).isEqualTo(200);
    assertThat(camundaUser.body()).contains("\"userId\":\"ward-nurse\"");
  }

  @Test
  void wrongPasswordReturnsToTheLoginPageWithAMessage() {
    String user = throwawayUser("wrong-password-form");
    HttpCaller browser = HttpCaller.browser(port);

    HttpResponse<String> login = browser.login(user, "not-the-password");

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login?error"));
    HttpResponse<String> page = browser.get("/login?error");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Wrong user name or password").doesNotContain("Exception");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void basicAuthIsAcceptedOnEngineRestAndOwnApi() {
    HttpCaller program = HttpCaller.basic(port, "ward-nurse", "demo");

    assertThat(program.get("/engine-rest/task").statusCode()).isEqualTo(200);
    assertThat(program.get("/api/partners").statusCode()).isEqualTo(200);
  }

  @Test
  void wrongBasicPasswordGets401WithAChallengeAndNoStackTrace() {
    String user = throwawayUser("wrong-password-basic");

    HttpResponse<String> response = HttpCaller.basic(port, user, "nope").get("/engine-rest/task");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void withoutASessionBrowsersAreSentToLoginAndProgramsGet401() {
    HttpCaller anonymous = HttpCaller.browser(port);

    assertThat(anonymous.get("/").headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
    assertThat(anonymous.get("/camunda/app/cockpit/default/").headers().firstValue("Location"))
        .hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
    assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/partners").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/actuator/health").body()).contains("UP");
  }

  @Test
  void repeatedFailuresLockTheAccountForAWhile() {
    String user = throwawayUser("throttled");
    HttpCaller right = HttpCaller.basic(port, user, "secret-1");

    assertThat(HttpCaller.basic(port, user, "guess").get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(right.get("/engine-rest/task").statusCode())
        .as("the right password is refused while the account is locked").isEqualTo(401);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
    assertThat(right.get("/engine-rest/task").statusCode()).isEqualTo(200);
  }

  @Test
  void aProgramCallsWithTheGroupsItHasAtThatMoment() {
    String user = throwawayUser("group-probe");
    String group = "group-probe-team";
    if (identityService.createGroupQuery().groupId(group).count() == 0) {
      identityService.saveGroup(identityService.newGroup(group));
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.DEPLOYMENT);
      grant.setResourceId("group-probe");
      grant.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(grant);
    }
    HttpCaller program = HttpCaller.basic(port, user, "secret-1");
    String check = "/engine-rest/authorization/check?permissionName=READ&resourceName=Deployment&resourceType=9"
        + "&resourceId=group-probe";

    assertThat(program.get(check).body()).contains("\"authorized\":false");
    identityService.createMembership(user, group);
    try {
      assertThat(program.get(check).body()).as("the next call has the new group").contains("\"authorized\":true");
    } finally {
      identityService.deleteMembership(user, group);
    }
    assertThat(program.get(check).body()).as("and the call after leaving it has not").contains("\"authorized\":false");
  }

  @Test
  void loggingOutOfAWebappEndsTheSession() {
    HttpCaller browser = HttpCaller.browser(port).loggedInAs("ward-nurse", "demo");
    assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

    HttpResponse<String> logout = browser.postJson("/camunda/api/admin/auth/user/default/logout", "");

    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(browser.get("/camunda/app/tasklist/default/").headers().firstValue("Location"))
        .hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
    assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void loggingOutOfCareRelayEndsTheWebappSessionToo() {
    HttpCaller browser = HttpCaller.browser(port).loggedInAs("ward-nurse", "demo");
    assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

    HttpResponse<String> logout = browser.logout();

    assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login?logout"));
    assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
  }

  @Test
  void webappsSendTheirLoginRouteToCareRelaysLoginPage() {
    HttpCaller browser = HttpCaller.browser(port).loggedInAs("ward-nurse", "demo");

    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      assertThat(browser.get("/camunda/app/" + app + "/scripts/config.js").body())
          .as(app).contains("customScripts: ['../carerelay-session'");
    }
    assertThat(browser.get("/camunda/app/carerelay-session.js").body()).contains("/login?logout");
  }

  private String throwawayUser(String id) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword("secret-1");
      identityService.saveUser(user);
    }
    identityService.unlockUser(id);
    return id;
  }
}
