package org.carerelay.engine.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.partner.DirectoryFile.Organisation;
import org.carerelay.engine.partner.DirectoryFile.Service;
import org.carerelay.engine.partner.DirectoryFile.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

@DemoRegionTest
class DirectoryLoadTests {

  @Autowired
  DirectorySynchronizer synchronizer;

  @Autowired
  PartnerDirectory directory;

  @Autowired
  IdentityService identityService;

  @Autowired
  FilterService filterService;

  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void restoreDemoRegion() {
    synchronizer.synchronise(demoFile());
  }

  @Test
  void loadingTheSameFileAgainChangesNothing() {
    long groups = identityService.createGroupQuery().count();
    long filters = filterService.createFilterQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    List<PartnerDirectory.Partner> before = directory.partners();

    assertThat(synchronizer.synchronise(demoFile())).isZero();

    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(directory.partners()).isEqualTo(before);
  }

  @Test
  void aChangedFileAppliesItsChanges() {
    DirectoryFile demo = demoFile();
    Organisation harbour = new Organisation("harbour-care-home", "Harbour View Care Home", "care-home",
        "manager@harbour.example", null, false, null,
        List.of(new Team("harbour-nurses", "Nursing team", null, null), new Team("harbour-office", "Office", null, null)),
        List.of(new Service("care-home-placement", "harbour-nurses", List.of("downs-coast"))));
    List<Organisation> joined = new ArrayList<>(demo.organisations());
    joined.add(harbour);

    assertThat(synchronizer.synchronise(new DirectoryFile(demo.localities(), demo.services(), joined))).isPositive();

    assertThat(partner("harbour-care-home").teams()).containsExactly("harbour-nurses", "harbour-office");
    assertThat(filterService.getFilter(filterOf("harbour-nurses")).getName())
        .isEqualTo("Harbour View Care Home: Nursing team");
    String officeFilter = filterOf("harbour-office");

    List<Organisation> changed = new ArrayList<>();
    for (Organisation organisation : joined) {
      changed.add(switch (organisation.id()) {
        case "harbour-care-home" -> new Organisation(harbour.id(), harbour.name(), harbour.kind(), harbour.mailbox(),
            null, false, null, List.of(harbour.teams().get(0)), harbour.services());
        case "ashdown-hospice" -> new Organisation(organisation.id(), organisation.name(), organisation.kind(),
            organisation.mailbox(), organisation.escalationMailbox(), organisation.secureMail(), null,
            organisation.teams().stream().map(team -> team.id().equals("ashdown-ipu-triage")
                ? new Team(team.id(), "Admissions triage", team.mailbox(), team.mailOffers()) : team).toList(),
            organisation.services().stream().map(service -> service.service().equals("hospice-inpatient")
                ? new Service(service.service(), service.team(), List.of("high-weald", "downs-coast")) : service)
                .filter(service -> !service.service().equals("equipment")).toList());
        default -> organisation;
      });
    }

    assertThat(synchronizer.synchronise(new DirectoryFile(demo.localities(), demo.services(), changed))).isPositive();

    assertThat(identityService.createGroupQuery().groupId("ashdown-ipu-triage").singleResult().getName())
        .isEqualTo("Ashdown Hospice: Admissions triage");
    assertThat(identityService.createUserQuery().memberOfGroup("ashdown-ipu-triage").userId("ashdown-triage").count())
        .as("members stay in a renamed team").isOne();
    PartnerDirectory.Partner ashdown = partner("ashdown-hospice");
    assertThat(ashdown.services()).extracting(PartnerDirectory.PartnerService::service)
        .containsExactly("bereavement-hospice", "equipment-collection", "hospice-at-home", "hospice-inpatient");
    assertThat(ashdown.services().get(3).localities()).containsExactly("downs-coast", "high-weald");
    assertThat(identityService.createGroupQuery().groupId("harbour-office").count()).isZero();
    assertThat(filterService.getFilter(officeFilter)).isNull();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("harbour-office").count()).isZero();
    assertThat(synchronizer.synchronise(new DirectoryFile(demo.localities(), demo.services(), changed)))
        .as("the changed file applied a second time").isZero();

    synchronizer.synchronise(demo);

    assertThat(directory.partners()).extracting(PartnerDirectory.Partner::id).doesNotContain("harbour-care-home");
    assertThat(identityService.createGroupQuery().groupId("harbour-nurses").count()).isZero();
    assertThat(partner("ashdown-hospice").services()).hasSize(5);
  }

  @Test
  void availabilitySetByManagersSurvivesAReload() {
    jdbc.sql("update partner_service set available = false where organisation_id = 'bluebell-home-care'").update();

    synchronizer.synchronise(demoFile());

    assertThat(partner("bluebell-home-care").services()).allSatisfy(service -> assertThat(service.available()).isFalse());
    jdbc.sql("update partner_service set available = true where organisation_id = 'bluebell-home-care'").update();
  }

  @Test
  void aFileWithMistakesIsRejectedWithEveryProblemNamedAndNothingLoaded() {
    String yaml = """
        localities:
          - { id: north, name: North }
        organisations:
          - id: broken-trust
            name: Broken Trust
            kind: spaceship
            teams:
              - { id: broken-team, name: Team }
              - { id: broken-team, name: Same team again }
            services:
              - { service: equipment, team: nobody, localities: [south] }
        """;
    List<PartnerDirectory.Partner> before = directory.partners();

    assertThatThrownBy(() -> DirectoryFile.read(stream(yaml), "broken.yaml"))
        .isInstanceOf(InvalidDirectoryException.class)
        .hasMessageContaining("broken.yaml was not loaded")
        .hasMessageContaining("kind 'spaceship'")
        .hasMessageContaining("team broken-team is declared twice")
        .hasMessageContaining("names team 'nobody'")
        .hasMessageContaining("unknown locality 'south'");
    assertThatThrownBy(() -> DirectoryFile.read(stream("organisations:\n  - id: x\n    colour: blue\n"), "typo.yaml"))
        .isInstanceOf(InvalidDirectoryException.class).hasMessageContaining("colour");
    assertThat(directory.partners()).isEqualTo(before);
  }

  @Test
  void theDemoRegionHasASecondPartnerForHospiceCareAndEquipmentInHighWeald() {
    List<PartnerDirectory.Partner> partners = directory.partners();

    assertThat(partners).hasSize(13);
    for (String service : List.of("hospice-inpatient", "hospice-at-home", "care-package", "equipment")) {
      long offering = partners.stream().filter(partner -> partner.services().stream()
          .anyMatch(s -> s.service().equals(service) && s.localities().contains("high-weald"))).count();
      assertThat(offering).as(service + " in high-weald").isGreaterThanOrEqualTo(2);
    }
  }

  private PartnerDirectory.Partner partner(String id) {
    return directory.partners().stream().filter(partner -> partner.id().equals(id)).findFirst().orElseThrow();
  }

  private String filterOf(String team) {
    return jdbc.sql("select filter_id from partner_team where group_id = ?").param(team).query(String.class).single();
  }

  private static DirectoryFile demoFile() {
    try (InputStream in = new ClassPathResource("carerelay/demo/partners.yaml").getInputStream()) {
      return DirectoryFile.read(in, "demo");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
