package org.carerelay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.engine.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A partnership other than the demo one runs both pathways from its own directory and routing
 * table alone ({@code src/test/resources/regions/north-fells}), with the same processes and forms:
 * its localities are the start forms' choices, its partners get the work.
 */
@StandaloneApplication
class SecondRegionTests {

  private static final String REGION = "classpath:regions/north-fells/";

  static ConfigurableApplicationContext app;
  static ProcessEngine engine;
  CaseDriver driver;

  @BeforeAll
  static void startNorthFells() {
    app = new SpringApplicationBuilder(CareRelayApplication.class)
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:mem:north-fells;DB_CLOSE_DELAY=-1",
            "--camunda.bpm.job-execution.enabled=false",
            "--carerelay.notification.relay.enabled=false",
            "--carerelay.directory.location=" + REGION + "partners.yaml",
            "--carerelay.models.routing=" + REGION + "handover-routing.dmn",
            "--carerelay.pathways.starters.rapid-discharge[0]=fells-wards",
            "--carerelay.pathways.starters.hospice-admission[0]=penrith-gps");
    engine = app.getBean(ProcessEngine.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void clock() {
    driver = new CaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theStartFormsOfferThisPartnershipsLocalities() throws Exception {
    for (String pathway : List.of("rapid-discharge", "hospice-admission")) {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(pathway)
          .latestVersion().singleResult().getId();
      JsonNode form;
      try (InputStream in = engine.getFormService().getDeployedStartForm(definition)) {
        form = new ObjectMapper().readTree(in);
      }
      List<String> localities = new ArrayList<>();
      form.path("components").forEach(component -> {
        if (component.path("key").asText().equals("locality")) {
          component.path("values").forEach(option -> localities.add(option.path("label").asText() + "="
              + option.path("value").asText()));
        }
      });
      assertThat(localities).as(pathway).containsExactly("Eden Valley=eden-valley", "West Fells=west-fells");
    }
  }

  @Test
  void aLocalityOfAnotherPartnershipIsRefusedAtTheStart() {
    assertThatThrownBy(() -> driver.start("ward-nurse", "fells-wards", CaseDriver.startForm("ward", "high-weald")))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("Locality (locality): must be one of [eden-valley, west-fells]");
  }

  @Test
  void aRapidDischargeRunsToTheFirstVisitWithThisPartnershipsTeams() {
    String id = driver.start("ward-nurse", "fells-wards", CaseDriver.startForm("ward", "west-fells")).getId();

    assertThat(driver.candidateGroup(driver.task(driver.handoff(id, "chc-fast-track").getId(), "user_respond")))
        .isEqualTo("fells-chc");
    driver.deliver(id, "chc-fast-track");
    assertThat(driver.candidateGroup(driver.task(driver.handoff(id, "care-package").getId(), "user_respond")))
        .isEqualTo("fells-carers-office");
    CaseDriver.ARRANGED.forEach(service -> driver.deliver(id, service));
    driver.at(Duration.ofHours(6), id);
    assertThat(driver.candidateGroup(driver.task(id, "user_confirm_discharge"))).isEqualTo("fells-wards");
    driver.complete(id, "user_confirm_discharge", "dischargedAt",
        driver.startedAt.plus(Duration.ofHours(6)).atOffset(ZoneOffset.UTC).toString(), "cprFormTravelled", true);
    assertThat(driver.candidateGroup(driver.task(id, "user_record_first_visit"))).isEqualTo("fells-district-nurses");
    driver.complete(id, "user_record_first_visit", "firstVisitAt",
        driver.startedAt.plus(Duration.ofHours(6)).atOffset(ZoneOffset.UTC).toString());

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("first-visit-done");
  }

  @Test
  void aHospiceAdmissionRunsToAdmissionWithThisPartnershipsHospice() {
    String id = driver.start("hospice-admission", "gp", "penrith-gps", CaseDriver.hospiceReferral("urgent", "eden-valley")).getId();
    String triage = driver.handoff(id, "hospice-inpatient").getId();

    assertThat(driver.candidateGroup(driver.task(triage, "user_respond"))).isEqualTo("eden-ipu");
    driver.complete(triage, "user_respond", "response", "accept", "triageDecision", "admit-urgent");
    driver.complete(id, "user_confirm_bed", "bedDate", "2026-03-29", "transportNeeded", false);
    driver.complete(id, "user_confirm_admission", "admittedAt", driver.startedAt.atOffset(ZoneOffset.UTC).toString());

    assertThat(driver.variable(id, "caseOutcome")).isEqualTo("admitted");
    assertThat(driver.variable(id, "hospice")).isEqualTo("eden-hospice");
  }
}
