package org.carerelay.engine.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.processes.handover.PartnerHandover.Elements.CHASE_COMPLETE;
import static org.carerelay.processes.handover.PartnerHandover.Elements.CHASE_RESPOND;
import static org.carerelay.processes.handover.PartnerHandover.Elements.COMPLETE;
import static org.carerelay.processes.handover.PartnerHandover.Elements.NO_PARTNER_AVAILABLE;
import static org.carerelay.processes.handover.PartnerHandover.Elements.PROVIDE_INFORMATION;
import static org.carerelay.processes.handover.PartnerHandover.Elements.RESPOND;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.handover.HandoverDriver.AttemptRow;
import org.carerelay.processes.handover.PartnerHandover.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-off block in the demo region, with its real routing and service-level tables. In High
 * Weald a care package goes to Oakleaf Care first and Bluebell Home Care second; an urgent one
 * must be answered within 2 h (hub chases at 4 h, managers told at 6 h, next partner at 8 h) and
 * delivered within 24 h.
 */
@DemoRegionTest
class PartnerHandoverTests {

  private static final String OAKLEAF = "oakleaf-care";
  private static final String OAKLEAF_TEAM = "oakleaf-care-coordinators";
  private static final String BLUEBELL = "bluebell-home-care";
  private static final String BLUEBELL_TEAM = "bluebell-care-coordinators";

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  HandoverDriver driver;
  ProcessInstance handoff;
  String id;

  @BeforeEach
  void requestAnUrgentCarePackageInHighWeald() {
    driver = new HandoverDriver(engine, jdbc);
    handoff = driver.start("care-package", "urgent", "high-weald");
    id = handoff.getId();
  }

  @AfterEach
  void resetClockAndAvailability() {
    ClockUtil.reset();
    jdbc.sql("update partner_service set available = true, availability_reason = null, available_until = null").update();
  }

  @Test
  void theFundingDecisionIsAnsweredInItsOwnWordsAndNothingElseIsAccepted() {
    String funding = driver.start("chc-fast-track", "urgent", "high-weald").getId();
    driver.accept(funding);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(funding, COMPLETE, Vars.COMPLETION, "maybe"))
        .hasRootCauseInstanceOf(org.carerelay.engine.problem.InvalidInput.class)
        .hasMessageContaining("Outcome (completion): must be one of [done, unable]");
    driver.complete(funding, COMPLETE, Vars.COMPLETION, "done", Vars.COMPLETION_NOTE, "Funding reference CHC-1");

    assertThat(driver.historicVariable(funding, Vars.OUTCOME)).isEqualTo("completed");
  }

  @Test
  void firstPartnerAcceptsThenCompletes() {
    Task respond = driver.task(id, RESPOND);
    assertThat(driver.candidateGroup(respond)).isEqualTo(OAKLEAF_TEAM);
    assertThat(respond.getDueDate().toInstant()).isEqualTo(driver.startedAt.plus(Duration.ofHours(2)));

    driver.at(Duration.ofMinutes(30));
    driver.accept(id);
    Task complete = driver.task(id, COMPLETE);
    assertThat(driver.candidateGroup(complete)).isEqualTo(OAKLEAF_TEAM);
    assertThat(complete.getDueDate().toInstant()).isEqualTo(driver.startedAt.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(24)));

    driver.at(Duration.ofHours(5));
    driver.complete(id, COMPLETE, Vars.COMPLETION, "done", Vars.COMPLETION_NOTE, "First visit 18:00");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.historicVariable(id, Vars.OUTCOME)).isEqualTo("completed");
    assertThat(driver.historicVariable(id, Vars.ACCEPTED_PARTNER)).isEqualTo(OAKLEAF);
    assertThat(((java.util.Date) driver.historicVariable(id, Vars.REQUESTED_AT)).toInstant()).isEqualTo(driver.startedAt);
    assertThat(((java.util.Date) driver.historicVariable(id, Vars.ACCEPTED_AT)).toInstant())
        .isEqualTo(driver.startedAt.plus(Duration.ofMinutes(30)));
    assertThat(((java.util.Date) driver.historicVariable(id, Vars.COMPLETED_AT)).toInstant())
        .isEqualTo(driver.startedAt.plus(Duration.ofHours(5)));
    assertThat(driver.attempts(id)).containsExactly(new AttemptRow(OAKLEAF, "completed", "First visit 18:00"));
    assertThat(driver.escalations(id)).isEmpty();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(id).count()).isZero();
  }

  @Test
  void aDeclineMovesToTheSecondPartner() {
    driver.decline(id, "No carers free this week");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.attempts(id)).containsExactly(
        new AttemptRow(OAKLEAF, "declined", "No carers free this week"), new AttemptRow(BLUEBELL, null, null));
  }

  @Test
  void whenEveryoneDeclinesTheHubSeesWhoWasAskedAndWhy() {
    driver.decline(id, "No carers free");
    driver.decline(id, "Not in our area this week");

    Task hub = driver.task(id, NO_PARTNER_AVAILABLE);
    assertThat(driver.candidateGroup(hub)).isEqualTo("carerelay-hub");
    assertThat(hub.getDueDate().toInstant()).as("an urgent request: the hub has 1 h (handover-service-levels)")
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(1)));
    String summary = (String) engine.getRuntimeService().getVariable(id, Vars.ATTEMPT_SUMMARY);
    assertThat(summary).contains("Oakleaf Care at Home: declined (No carers free)")
        .contains("Bluebell Home Care Ltd: declined (Not in our area this week)");
    assertThat(driver.mails(id)).anyMatch(mail -> mail.startsWith("coordination.hub@") && mail.contains("No partner available"));

    driver.complete(id, NO_PARTNER_AVAILABLE, Vars.HUB_DECISION, "no-partner", Vars.CANCEL_REASON, "Family will care");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.historicVariable(id, Vars.OUTCOME)).isEqualTo("no-partner");
  }

  @Test
  void theHubCanAskEveryPartnerAgain() {
    driver.decline(id, "No carers free");
    driver.decline(id, "Full");

    driver.complete(id, NO_PARTNER_AVAILABLE, Vars.HUB_DECISION, "retry", Vars.REASSIGN_REASON, "Rotas change on Monday");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(OAKLEAF_TEAM);
    assertThat(engine.getRuntimeService().getVariable(id, Vars.ROUTING_ROUND)).isEqualTo(2);
  }

  @Test
  void theHubCanNameAPartnerWhenNobodyIsLeft() {
    driver.decline(id, "No carers free");
    driver.decline(id, "Full");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(id, NO_PARTNER_AVAILABLE,
            Vars.HUB_DECISION, "reassign", Vars.REASSIGN_TO, "ashdown-hospice", Vars.REASSIGN_REASON, "Typo"))
        .as("Ashdown offers no care package: the form's drop-down would not list it")
        .hasRootCauseInstanceOf(org.carerelay.engine.problem.InvalidInput.class)
        .hasMessageContaining("Partner to ask (reassignTo): must be one of [" + BLUEBELL + ", " + OAKLEAF + "]");

    driver.complete(id, NO_PARTNER_AVAILABLE, Vars.HUB_DECISION, "reassign", Vars.REASSIGN_TO, BLUEBELL,
        Vars.REASSIGN_REASON, "Bluebell found a carer after all");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
  }

  @Test
  void eachEscalationLevelFiresExactlyOnceAtItsTime() {
    driver.at(Duration.ofMinutes(119));
    assertThat(driver.escalations(id)).isEmpty();

    driver.at(Duration.ofMinutes(121));
    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::level).containsExactly(1);
    assertThat(driver.mails(id)).anyMatch(mail -> mail.startsWith("rota@oakleaf-care") && mail.contains("Reminder"));
    assertThat(driver.task(id, CHASE_RESPOND)).isNull();

    driver.at(Duration.ofMinutes(241));
    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::level).containsExactly(1, 2);
    Task chase = driver.task(id, CHASE_RESPOND);
    assertThat(driver.candidateGroup(chase)).isEqualTo("carerelay-hub");

    driver.at(Duration.ofMinutes(361));
    driver.at(Duration.ofMinutes(400));
    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::level).containsExactly(1, 2, 3);
    assertThat(driver.escalations(id)).allSatisfy(escalation -> {
      assertThat(escalation.partner()).isEqualTo(OAKLEAF);
      assertThat(escalation.stage()).isEqualTo("respond");
      assertThat(escalation.resolution()).isNull();
    });
    assertThat(driver.escalations(id).get(2).raisedAt().toInstant())
        .isEqualTo(driver.startedAt.plus(Duration.ofMinutes(361)));
    assertThat(driver.mails(id)).anyMatch(mail -> mail.startsWith("eolc.managers@") && mail.contains("Escalation"))
        .anyMatch(mail -> mail.startsWith("manager@oakleaf-care") && mail.contains("Escalation"));

    driver.accept(id);

    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::resolution)
        .containsOnly("responded");
    assertThat(driver.task(id, CHASE_RESPOND)).as("the chase ends with the stage").isNull();
    assertThat(driver.task(id, COMPLETE)).isNotNull();
  }

  @Test
  void fromTheChaseTaskTheHubMovesTheHandoffToTheNextPartner() {
    driver.at(Duration.ofMinutes(241));

    driver.complete(id, CHASE_RESPOND, Vars.CHASE_NOTE, "Oakleaf cannot staff it this week",
        Vars.CHASE_OUTCOME, "reassign", Vars.REASSIGN_REASON, "No staff this week");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.attempts(id).get(0)).isEqualTo(new AttemptRow(OAKLEAF, "reassigned", "No staff this week"));
    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::resolution).containsOnly("reassigned");
  }

  @Test
  void fromTheChaseTaskAnEmptyPartnerFieldMeansTheNextPartnerAsTasklistSendsIt() {
    driver.at(Duration.ofMinutes(241));

    driver.complete(id, CHASE_RESPOND, Vars.CHASE_NOTE, "Oakleaf cannot staff it this week",
        Vars.CHASE_OUTCOME, "reassign", Vars.REASSIGN_TO, "", Vars.REASSIGN_REASON, "No staff this week");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.attempts(id)).extracting(AttemptRow::partner).containsExactly(OAKLEAF, BLUEBELL);
  }

  @Test
  void whenNobodyIsLeftTheHubCanCancelTheHandoff() {
    driver.decline(id, "No carers free");
    driver.decline(id, "Not in our area this week");

    driver.complete(id, NO_PARTNER_AVAILABLE, Vars.HUB_DECISION, "cancel", Vars.CANCEL_REASON, "Family will care");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.historicVariable(id, Vars.OUTCOME)).isEqualTo("cancelled");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId("end_cancelled_by_hub").count()).isOne();
  }

  @Test
  void theHubChasesALateCompletionAndLeavesItWithThePartner() {
    driver.accept(id);
    driver.at(Duration.ofHours(30).plusMinutes(1));
    assertThat(driver.candidateGroup(driver.task(id, CHASE_COMPLETE))).isEqualTo("carerelay-hub");

    driver.complete(id, CHASE_COMPLETE, Vars.CHASE_NOTE, "Carers start tonight", Vars.CHASE_OUTCOME, "chased");

    assertThat(driver.task(id, CHASE_COMPLETE)).isNull();
    assertThat(driver.candidateGroup(driver.task(id, COMPLETE))).isEqualTo(OAKLEAF_TEAM);
    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::level).containsExactly(1, 2);
  }

  @Test
  void fromALateCompletionsChaseTheHubMovesTheHandoffToTheNextPartner() {
    driver.accept(id);
    driver.at(Duration.ofHours(30).plusMinutes(1));

    driver.complete(id, CHASE_COMPLETE, Vars.CHASE_NOTE, "Oakleaf lost its carers", Vars.CHASE_OUTCOME, "reassign",
        Vars.REASSIGN_TO, "", Vars.REASSIGN_REASON, "No carers after all");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.attempts(id).get(0)).isEqualTo(new AttemptRow(OAKLEAF, "reassigned", "No carers after all"));
  }

  @Test
  void fromALateCompletionsChaseTheHubCancelsTheHandoff() {
    driver.accept(id);
    driver.at(Duration.ofHours(30).plusMinutes(1));

    driver.complete(id, CHASE_COMPLETE, Vars.CHASE_NOTE, "Patient readmitted", Vars.CHASE_OUTCOME, "cancel",
        Vars.CANCEL_REASON, "Not needed now");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.historicVariable(id, Vars.OUTCOME)).isEqualTo("cancelled");
    assertThat(driver.attempts(id)).containsExactly(new AttemptRow(OAKLEAF, "cancelled", "Not needed now"));
  }

  @Test
  void fromTheChaseTaskTheHubCancelsTheHandoff() {
    driver.at(Duration.ofMinutes(241));

    driver.complete(id, CHASE_RESPOND, Vars.CHASE_NOTE, "Family now caring", Vars.CHASE_OUTCOME, "cancel",
        Vars.CANCEL_REASON, "Family will care");

    assertThat(driver.ended(id)).isTrue();
    assertThat(driver.historicVariable(id, Vars.OUTCOME)).isEqualTo("cancelled");
    assertThat(driver.attempts(id)).containsExactly(new AttemptRow(OAKLEAF, "cancelled", "Family will care"));
  }

  @Test
  void aChaseThatLeavesItWithThePartnerChangesNothing() {
    driver.at(Duration.ofMinutes(241));

    driver.complete(id, CHASE_RESPOND, Vars.CHASE_NOTE, "Answer promised by noon", Vars.CHASE_OUTCOME, "chased");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(OAKLEAF_TEAM);
    assertThat(driver.task(id, CHASE_RESPOND)).isNull();
  }

  @Test
  void theHardDeadlineMovesToTheNextPartner() {
    driver.at(Duration.ofHours(8).plusMinutes(1));

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.task(id, CHASE_RESPOND)).isNull();
    assertThat(driver.attempts(id).get(0)).isEqualTo(
        new AttemptRow(OAKLEAF, "timed-out", "missed the hard deadline of the respond stage"));
    assertThat(driver.escalations(id)).hasSize(3).extracting(HandoverDriver.EscalationRow::resolution)
        .containsOnly("moved-on");
    assertThat(driver.mails(id)).anyMatch(mail -> mail.startsWith("rota@oakleaf-care") && mail.contains("No longer needed"));
    assertThat(driver.task(id, RESPOND).getDueDate().toInstant())
        .isEqualTo(driver.startedAt.plus(Duration.ofHours(10).plusMinutes(1)));
  }

  @Test
  void aPartnerUnableToCompleteHandsOverToTheNext() {
    driver.accept(id);
    driver.complete(id, COMPLETE, Vars.COMPLETION, "unable", Vars.UNABLE_REASON, "Carer off sick");

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.attempts(id).get(0)).isEqualTo(new AttemptRow(OAKLEAF, "unable", "Carer off sick"));
    assertThat(engine.getRuntimeService().getVariable(id, Vars.ACCEPTED_PARTNER)).isNull();
  }

  @Test
  void aMissedCompletionDeadlineHandsOverToTheNext() {
    driver.accept(id);
    driver.at(Duration.ofHours(48).plusMinutes(1));

    assertThat(driver.candidateGroup(driver.task(id, RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.attempts(id).get(0).result()).isEqualTo("timed-out");
    assertThat(driver.escalations(id)).extracting(HandoverDriver.EscalationRow::stage).containsOnly("complete");
  }

  @Test
  void aQuestionGoesBackToTheRequesterAndTheAnswerToThePartner() {
    driver.complete(id, RESPOND, Vars.RESPONSE, "more-information", Vars.INFORMATION_REQUEST, "Is there a hoist?");

    Task question = driver.task(id, PROVIDE_INFORMATION);
    assertThat(driver.candidateGroup(question)).isEqualTo("carerelay-hub");
    driver.complete(id, PROVIDE_INFORMATION, Vars.ADDITIONAL_INFORMATION, "Yes, delivered Tuesday");

    Task respond = driver.task(id, RESPOND);
    assertThat(driver.candidateGroup(respond)).isEqualTo(OAKLEAF_TEAM);
    assertThat(engine.getTaskService().getVariable(respond.getId(), Vars.ADDITIONAL_INFORMATION))
        .isEqualTo("Yes, delivered Tuesday");
  }

  @Test
  void anUnavailablePartnerIsSkipped() {
    jdbc.sql("update partner_service set available = false, availability_reason = 'CQC inspection' "
        + "where organisation_id = ? and service = 'care-package'").param(OAKLEAF).update();

    ProcessInstance second = driver.start("care-package", "urgent", "high-weald");

    assertThat(driver.candidateGroup(driver.task(second.getId(), RESPOND))).isEqualTo(BLUEBELL_TEAM);
    assertThat(driver.attempts(second.getId())).extracting(AttemptRow::partner).containsExactly(BLUEBELL);

    driver.decline(second.getId(), "Full");
    assertThat((String) engine.getRuntimeService().getVariable(second.getId(), Vars.ATTEMPT_SUMMARY))
        .contains("Oakleaf Care at Home: unavailable (CQC inspection) (not asked)");
  }

  @Test
  void anUnavailabilityThatHasRunOutIsIgnored() {
    jdbc.sql("update partner_service set available = false, availability_reason = 'Staff training', "
        + "available_until = ? where organisation_id = ? and service = 'care-package'")
        .params(driver.startedAt.plus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.UTC), OAKLEAF).update();

    driver.at(Duration.ofHours(2));
    ProcessInstance later = driver.start("care-package", "urgent", "high-weald");

    assertThat(driver.candidateGroup(driver.task(later.getId(), RESPOND))).isEqualTo(OAKLEAF_TEAM);
  }

  @Test
  void withoutAServiceOrLocalityTheHandoffIsRefused() {
    Map<String, Object> variables = HandoverDriver.request("care-package", "urgent", "high-weald");
    variables.remove(Vars.LOCALITY);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getRuntimeService()
            .startProcessInstanceByKey("partner-handover", variables))
        .isInstanceOf(org.carerelay.engine.problem.InvalidInput.class)
        .hasMessageContaining("Locality (locality): is required"); // the start form's own check
  }
}
