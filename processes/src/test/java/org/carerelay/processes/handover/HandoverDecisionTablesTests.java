package org.carerelay.processes.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-off's decision tables, as designers edit them. */
class HandoverDecisionTablesTests {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      "care-package,      high-weald,  oakleaf-care bluebell-home-care",
      "care-package,      downs-coast, bluebell-home-care",
      "equipment,         high-weald,  wd-equipment-service ashdown-hospice",
      "equipment,         downs-coast, wd-equipment-service",
      "hospice-inpatient, high-weald,  ashdown-hospice downsview-hospice",
      "hospice-at-home,   downs-coast, downsview-hospice",
      "chc-fast-track,    downs-coast, wd-icb",
      "unknown-service,   high-weald,  ''"})
  void routingListsPartnersInOrderOfPreference(String service, String locality, String expected) {
    List<Map<String, Object>> rows = DMN.evaluateDecisionTable(decision("/region/handover-routing.dmn", "handover-routing"),
        Map.of("service", service, "locality", locality)).getResultList();

    List<String> partners = rows.stream()
        .sorted(java.util.Comparator.comparing(row -> ((Number) row.get("preference")).intValue()))
        .map(row -> (String) row.get("partner")).toList();
    assertThat(String.join(" ", partners)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "care-package,   urgent,  respond,  PT2H,  PT8H",
      "chc-fast-track, urgent,  complete, PT48H, PT72H",
      "hospice-inpatient, routine, respond, PT24H, PT72H",
      "ooh-handover,   routine, complete, PT2H,  PT8H",
      "gp-handover,    routine, respond,  PT24H, PT96H",
      "gp-handover,    urgent,  complete, PT24H, PT72H"})
  void serviceLevelsGiveALadderThatRisesToTheHardDeadline(String service, String urgency, String stage,
      String due, String moveOn) {
    DmnDecisionRuleResult levels = DMN.evaluateDecisionTable(
        decision("/processes/partner-handover/handover-service-levels.dmn", "handover-service-levels"),
        Map.of("service", service, "urgency", urgency, "stage", stage)).getFirstResult();

    assertThat(levels.<String>getEntry("dueIn")).isEqualTo(due);
    assertThat(levels.<String>getEntry("moveOnIn")).isEqualTo(moveOn);
    Duration level1 = Duration.parse(levels.getEntry("dueIn"));
    Duration level2 = Duration.parse(levels.getEntry("chaseIn"));
    Duration level3 = Duration.parse(levels.getEntry("managersIn"));
    Duration hardDeadline = Duration.parse(levels.getEntry("moveOnIn"));
    assertThat(level1).isLessThan(level2);
    assertThat(level2).isLessThan(level3);
    assertThat(level3).isLessThan(hardDeadline);
  }

  private static DmnDecision decision(String file, String key) {
    InputStream in = HandoverDecisionTablesTests.class.getResourceAsStream(file);
    return DMN.parseDecision(key, in);
  }
}
