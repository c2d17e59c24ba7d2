package org.carerelay.engine.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carerelay.processes.handover.PartnerHandover.Elements.RESPOND;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.processes.handover.PartnerHandover.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people are told as a hand-off moves, read from the outbox: the partner's team when a request
 * is offered to it (with a link that opens the task), the referring ward when a partner answers
 * (with the partner's advice), and never the hub's own notes. In High Weald a care package goes to
 * Oakleaf Care first and Bluebell Home Care second.
 */
@DemoRegionTest
class HandoverMessagesTests {

  private static final String OAKLEAF_MAILBOX = "rota@oakleaf-care.example.co.uk";
  private static final String BLUEBELL_MAILBOX = "coordinators@bluebell-care.example.co.uk";
  private static final String WARD_MAILBOX = "wards@wdh-trust.example.nhs.uk";

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  HandoverActions actions;

  HandoverDriver driver;
  String id;
  String reference;

  record Mail(String recipient, String subject, String body, String link) {}

  @BeforeEach
  void aWardAsksForAnUrgentCarePackage() {
    driver = new HandoverDriver(engine, jdbc);
    Map<String, Object> request = HandoverDriver.request("care-package", "urgent", "high-weald");
    request.put(Vars.REQUESTER_TEAM, "wdh-ward");
    request.put("targetAt", java.util.Date.from(driver.startedAt.plusSeconds(24 * 3600)));
    request.put("address", "1 Orchard Lane, Crowborough");
    request.put("mainCarer", "Byron Lovelace (son)");
    request.put("mainCarerPhone", "07700 900123");
    request.put("diagnosis", "Not needed by a care agency");
    ProcessInstance handoff = engine.getRuntimeService().startProcessInstanceByKey("partner-handover", request);
    driver.watch(handoff.getId());
    id = handoff.getId();
    reference = (String) request.get(Vars.CASE_REFERENCE);
  }

  @AfterEach
  void resetClockAndDirectory() {
    ClockUtil.reset();
    jdbc.sql("update partner_team set mail_offers = true").update();
  }

  @Test
  void theFirstPartnerIsMailedOnceWithALinkThatOpensItsTaskAndTheTaskShowsWhatTheServiceNeeds() {
    Task respond = driver.task(id, RESPOND);

    List<Mail> toOakleaf = mailsTo(OAKLEAF_MAILBOX);
    assertThat(toOakleaf).hasSize(1);
    Mail offer = toOakleaf.get(0);
    assertThat(offer.subject()).isEqualTo("[CareRelay] New request: Care package at home for " + reference + " (urgent)");
    assertThat(offer.link()).isEqualTo("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + respond.getId());
    assertThat(offer.body())
        .contains("Your team is asked for Care package at home.")
        .contains("Respond by: Sun 29 Mar 2026, 02:30")
        .contains("Requested by: Weald and Downs Hospitals NHS Trust: Ward teams")
        .as("Oakleaf's mail is not secure: patient details stay in CareRelay").doesNotContain("07700");
    assertThat(engine.getTaskService().getVariable(respond.getId(), Vars.REQUEST_DETAILS)).isEqualTo("""
        Discharge by: Mon 30 Mar 2026, 00:30
        Home address: 1 Orchard Lane, Crowborough
        Main carer or next of kin: Byron Lovelace (son)
        Carer's phone: 07700 900123""");
    assertThat(respond.getName()).isEqualTo("New request: Care package at home for " + reference + " (urgent)");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult()
        .getBusinessKey()).isEqualTo(reference);
  }

  @Test
  void aDeclineTellsTheWardTheAdviceAndOffersTheRequestToTheNextPartner() {
    driver.decline(id, "No carers free on Thursday.\nBluebell has capacity in Crowborough.");

    Mail declined = single(mailsTo(WARD_MAILBOX));
    assertThat(declined.subject()).isEqualTo("[CareRelay] Declined: Care package at home for " + reference
        + " (urgent) by Oakleaf Care at Home");
    assertThat(declined.body()).contains("Their advice to you:\nNo carers free on Thursday.\nBluebell has capacity");
    assertThat(declined.link()).endsWith("/cases/" + id);
    Task second = driver.task(id, RESPOND);
    Mail offer = single(mailsTo(BLUEBELL_MAILBOX));
    assertThat(offer.subject()).startsWith("[CareRelay] New request: Care package at home");
    assertThat(offer.link()).endsWith("#/?task=" + second.getId());
    assertThat(mailsTo(OAKLEAF_MAILBOX)).hasSize(1);
  }

  @Test
  void theHubsReasonForMovingARequestIsNeverMailedToAPartner() {
    actions.reassign(id, "bluebell-home-care", "Oakleaf not responding by phone, unreliable lately");

    assertThat(mailsTo(OAKLEAF_MAILBOX)).extracting(Mail::subject).containsExactly(
        "[CareRelay] New request: Care package at home for " + reference + " (urgent)",
        "[CareRelay] No longer needed: Care package at home for " + reference + " (urgent)");
    assertThat(single(mailsTo(BLUEBELL_MAILBOX)).subject()).startsWith("[CareRelay] New request:");
    assertThat(jdbc.sql("select body from notification where case_id = ?").param(id).query(String.class).list())
        .noneMatch(body -> body.contains("not responding by phone"));
  }

  @Test
  void aTeamThatDoesNotWantOfferMailsIsNotMailed() {
    ProcessInstance second;
    jdbc.sql("update partner_team set mail_offers = false where group_id = 'oakleaf-care-coordinators'").update();
    second = engine.getRuntimeService().startProcessInstanceByKey("partner-handover",
        HandoverDriver.request("care-package", "routine", "high-weald"));

    assertThat(jdbc.sql("select count(*) from notification where case_id = ? and recipient = ?")
        .params(second.getId(), OAKLEAF_MAILBOX).query(Integer.class).single()).isZero();
    assertThat(driver.task(second.getId(), RESPOND)).isNotNull();
  }

  @Test
  void answerFieldsStartEmptyOnTheNextTask() {
    driver.decline(id, "No carers free on Thursday.");

    Task second = driver.task(id, RESPOND);
    assertThat(engine.getTaskService().getVariable(second.getId(), Vars.DECLINE_REASON)).isNull();
    assertThat(engine.getTaskService().getVariable(second.getId(), Vars.RESPONSE)).isNull();
  }

  private List<Mail> mailsTo(String recipient) {
    return jdbc.sql("""
            select recipient, subject, body, link from notification
            where case_id = ? and recipient = ? and channel = 'mail' order by created_at, subject""")
        .params(id, recipient).query(Mail.class).list();
  }

  private static Mail single(List<Mail> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }
}
