package org.carerelay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.carerelay.engine.security.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside the demo profile no account exists until configuration names the first administrator. */
@StandaloneApplication
class AccountsOutsideDemoTests {

  @Test
  void withoutTheDemoProfileThereIsNoAccount() {
    try (ConfigurableApplicationContext context = start("no-demo")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().count()).isZero();
      assertThat(identity.checkPassword("demo", "demo")).isFalse();
    }
  }

  @Test
  void configurationNamesTheFirstAdministrator() {
    try (ConfigurableApplicationContext context = start("first-admin",
        "--camunda.bpm.admin-user.id=alex.admin", "--camunda.bpm.admin-user.password=correct-horse-battery")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("alex.admin");
      assertThat(identity.createUserQuery().userId("alex.admin").memberOfGroup(Roles.ADMINISTRATORS).count()).isOne();
      assertThat(identity.checkPassword("alex.admin", "correct-horse-battery")).isTrue();
    }
  }

  private static ConfigurableApplicationContext start(String database, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "--server.port=0";
    args[1] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
    args[2] = "--camunda.bpm.job-execution.enabled=false";
    System.arraycopy(more, 0, args, 3, more.length);
    return new SpringApplicationBuilder(CareRelayApplication.class).run(args);
  }
}
