package org.carerelay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo history ({@code carerelay.demo-history.weeks}): two weeks of cases driven through the real
 * pathways at start-up, with the partners' habits showing in what they answered; some cases are
 * still open; a restart on the same database adds nothing.
 */
@StandaloneApplication
class DemoHistoryTests {

  @TempDir
  Path workDir;

  @Test
  void twoWeeksOfCasesWithThePartnersHabitsAndNothingAddedOnARestart() {
    long cases;
    try (ConfigurableApplicationContext region = start()) {
      JdbcClient jdbc = region.getBean(JdbcClient.class);
      ProcessEngine engine = region.getBean(ProcessEngine.class);
      cases = count(jdbc, "select count(*) from case_outcome");
      assertThat(cases).isEqualTo(2 * 14);
      assertThat(count(jdbc, "select count(*) from case_outcome where pathway = 'rapid-discharge' and achieved_at is not null"))
          .as("rapid discharges home").isPositive();
      assertThat(count(jdbc, "select count(*) from case_outcome where pathway = 'hospice-admission' and achieved_at is not null"))
          .as("hospice admissions").isPositive();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished()
          .processDefinitionKey("rapid-discharge").count()).isPositive();
      assertThat(count(jdbc, "select count(*) from handover_attempt where result is null"))
          .as("requests still open now").isPositive();

      assertThat(count(jdbc, "select count(*) from handover_attempt where partner = 'oakleaf-care' and result = 'declined'"))
          .as("Oakleaf declines most offers")
          .isGreaterThan(count(jdbc, "select count(*) from handover_attempt where partner = 'oakleaf-care' and result = 'completed'"));
      assertThat(count(jdbc, "select count(*) from handover_attempt where partner = 'bluebell-home-care' and result = 'declined'"))
          .isZero();
      assertThat(count(jdbc, "select count(*) from handover_escalation where partner = 'wd-equipment-service'"))
          .as("the slow equipment service breaches").isPositive();
      assertThat(count(jdbc, "select count(*) from partner_availability_change where organisation_id = "
          + "'downs-patient-transport' and available = false and changed_by = 'demo-history'"))
          .as("transport goes unavailable").isOne();
    }
    try (ConfigurableApplicationContext again = start()) {
      assertThat(count(again.getBean(JdbcClient.class), "select count(*) from case_outcome")).isEqualTo(cases);
    }
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CareRelayApplication.class)
        .profiles("demo")
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("data/carerelay") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.job-execution.enabled=false",
            "--carerelay.demo-mail.port=0",
            "--carerelay.demo-history.weeks=2",
            // Two weeks give Oakleaf about ten offers: a stronger habit than the demo's 0.6 shows in so few.
            "--carerelay.demo-history.habits.oakleaf-care.declines=0.9",
            // In the demo, transport goes unavailable in the third week; here in the first.
            "--carerelay.demo-history.absences[0].organisation=downs-patient-transport",
            "--carerelay.demo-history.absences[0].service=transport",
            "--carerelay.demo-history.absences[0].from-day=5",
            "--carerelay.demo-history.absences[0].days=2",
            "--carerelay.demo-history.absences[0].reason=No crews");
  }
}
