package org.carerelay.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A session belongs to a live account, gets a new id at login, and its cookie keeps out of scripts' reach. */
@DemoRegionTest
class SessionTests {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcClient jdbc;

  String user;

  @BeforeEach
  void aNewMemberOfTheWardTeam() {
    user = "temp-" + UUID.randomUUID().toString().substring(0, 8);
    User account = identity.newUser(user);
    account.setFirstName("Temporary");
    account.setLastName("Nurse");
    account.setPassword("Correct-Horse-7");
    identity.saveUser(account);
    identity.createMembership(user, "wdh-ward");
  }

  @Test
  void theSessionIdChangesAtLoginAndTheCookieIsHttpOnlyAndSameSite() {
    HttpCaller browser = HttpCaller.browser(port);
    HttpResponse<String> page = browser.get("/login");
    String before = browser.cookie("JSESSIONID");

    HttpResponse<String> login = browser.login(user, "Correct-Horse-7");

    assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID"))
        .findFirst().orElse(page.headers().firstValue("Set-Cookie").orElse(""));
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
  }

  @Test
  void aDeletedUsersSessionEndsAtOnce() {
    HttpCaller browser = HttpCaller.browser(port).loggedInAs(user, "Correct-Horse-7");
    assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

    identity.deleteUser(user);

    HttpResponse<String> next = browser.get("/camunda/app/tasklist/default/");
    assertThat(next.statusCode()).isEqualTo(302);
    assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(browser.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
  }

  @Test
  void aUserLockedForGoodLosesTheirSessionAtOnce() {
    HttpCaller browser = HttpCaller.browser(port).loggedInAs(user, "Correct-Horse-7");
    assertThat(browser.get("/api/partners").statusCode()).isEqualTo(200);

    jdbc.sql("update ACT_ID_USER set ATTEMPTS_ = 10 where ID_ = ?").param(user).update(); // ten wrong passwords

    assertThat(browser.get("/api/partners").statusCode()).isEqualTo(401);
    identity.deleteUser(user);
  }
}
