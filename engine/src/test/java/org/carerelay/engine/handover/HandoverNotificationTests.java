package org.carerelay.engine.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carerelay.connectors.webhook.WebhookSignature;
import org.carerelay.engine.DemoRegionTest;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.demo.DemoMailServer;
import org.carerelay.engine.notification.NotificationRelay;
import org.carerelay.processes.handover.PartnerHandover.Messages;
import org.carerelay.processes.handover.PartnerHandover.Vars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** What partners receive from hand-offs, through the outbox, by mail and webhook. */
@DemoRegionTest
class HandoverNotificationTests {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  NotificationRelay relay;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JavaMailSenderImpl mailSender;

  @Autowired
  DemoMailServer demoMailServer;

  HandoverDriver driver;

  @BeforeEach
  void start() {
    jdbc.sql("update notification set status = 'sent' where status <> 'sent'").update();
    mailSender.setPort(smtp.getSmtp().getPort());
    driver = new HandoverDriver(engine, jdbc);
  }

  @AfterEach
  void restore() {
    mailSender.setPort(demoMailServer.port());
    jdbc.sql("update partner_organisation set webhook_url = null").update();
    ClockUtil.reset();
  }

  @Test
  void aRolledBackProcessStepSendsNothing() {
    String id = driver.start("care-package", "urgent", "high-weald").getId();
    List<String> offered = driver.mails(id);

    transaction.executeWithoutResult(status -> {
      engine.getRuntimeService().createMessageCorrelation(Messages.CANCEL).processInstanceId(id)
          .setVariable(Vars.CANCEL_REASON, "Typed into the wrong case").correlate();
      assertThat(driver.mails(id)).as("written inside the step").hasSizeGreaterThan(offered.size());
      status.setRollbackOnly();
    });

    assertThat(driver.ended(id)).isFalse();
    assertThat(driver.mails(id)).isEqualTo(offered);
    relay.runOnce();
    assertThat(smtp.getReceivedMessages()).noneMatch(message -> subject(message).contains("No longer needed"));
  }

  @Test
  void partnerMailCarriesNoClinicalDetailUnlessThePartnersMailIsSecure() throws Exception {
    String agency = driver.start("care-package", "urgent", "high-weald").getId();
    String pharmacy = driver.start("anticipatory-medicines", "urgent", "high-weald").getId();
    driver.at(Duration.ofHours(2).plusMinutes(1));

    relay.runOnce();

    String toAgency = body("rota@oakleaf-care.example.co.uk", agency);
    String toPharmacy = body("eps@elmtree-pharmacy.example.co.uk", pharmacy);
    assertThat(toAgency).contains("Case reference: " + engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(agency).variableName(Vars.CASE_REFERENCE).singleResult().getValue());
    assertThat(toAgency).doesNotContain("Test request");
    assertThat(toPharmacy).contains("Request:\nTest request");
  }

  @Test
  void anOfferMailOpensTheTaskFromItsTextAndItsHtmlPart() throws Exception {
    String id = driver.start("care-package", "urgent", "high-weald").getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();

    relay.runOnce();

    jakarta.mail.internet.MimeMessage offer = java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> subject(message).startsWith("[CareRelay] New request: Care package at home"))
        .findFirst().orElseThrow();
    assertThat(offer.getAllRecipients()[0].toString()).isEqualTo("rota@oakleaf-care.example.co.uk");
    String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task;
    assertThat(part(offer, "text/plain")).contains("Respond by: Sun 29 Mar 2026, 02:30")
        .contains("Open it in CareRelay: " + link);
    assertThat(part(offer, "text/html")).contains("Respond by: Sun 29 Mar 2026, 02:30")
        .contains("<a href=\"" + link + "\"").contains("Open it in CareRelay");
  }

  /**
   * What people type reaches mail as text: markup in a request is escaped in the HTML part, and a
   * template's placeholder typed by a user stays as typed.
   */
  @Test
  void markupAndPlaceholdersPeopleTypeAreMailedAsText() throws Exception {
    java.util.Map<String, Object> request = HandoverDriver.request("anticipatory-medicines", "urgent", "high-weald");
    request.put(Vars.REQUEST_SUMMARY, "Syringe driver <img src=x onerror=alert(1)> & {{link}} <script>alert(2)</script>");
    String id = driver.start(request).getId();

    relay.runOnce();

    jakarta.mail.internet.MimeMessage offer = java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> subject(message).startsWith("[CareRelay] New request")).findFirst().orElseThrow();
    assertThat(offer.getAllRecipients()[0].toString()).isEqualTo("eps@elmtree-pharmacy.example.co.uk");
    assertThat(part(offer, "text/html"))
        .contains("Syringe driver &lt;img src=x onerror=alert(1)&gt; &amp; {{link}} &lt;script&gt;alert(2)&lt;/script&gt;")
        .doesNotContain("<img").doesNotContain("<script");
    assertThat(part(offer, "text/plain")).contains("Syringe driver <img src=x onerror=alert(1)> & {{link}}");
    assertThat(driver.mails(id)).isNotEmpty();
  }

  @Test
  void partnersWithTheirOwnSystemGetASignedWebhook() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer partnerSystem = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    partnerSystem.createContext("/carerelay", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean valid = WebhookSignature.verify("test-secret-of-bluebell",
          exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
          exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now(), Duration.ofMinutes(5));
      if (valid) {
        received.add(body);
      }
      exchange.sendResponseHeaders(valid ? 204 : 401, -1);
      exchange.close();
    });
    partnerSystem.start();
    try {
      jdbc.sql("update partner_organisation set webhook_url = ? where id = 'bluebell-home-care'")
          .param("http://127.0.0.1:" + partnerSystem.getAddress().getPort() + "/carerelay").update();
      String id = driver.start("care-package", "urgent", "downs-coast").getId();
      driver.at(Duration.ofHours(2).plusMinutes(1));

      relay.runOnce();

      assertThat(received).hasSize(2);
      List<JsonNode> payloads = new java.util.ArrayList<>();
      for (String body : received) {
        payloads.add(new ObjectMapper().readTree(body));
      }
      assertThat(payloads).extracting(payload -> payload.get("subject").asText().split(":")[0])
          .containsExactlyInAnyOrder("New request", "Reminder");
      JsonNode offer = payloads.stream().filter(payload -> payload.get("subject").asText().startsWith("New"))
          .findFirst().orElseThrow();
      assertThat(offer.get("handoffId").asText()).isEqualTo(id);
      assertThat(offer.get("fhirTask").asText()).as("the partner's system can read the offer as a FHIR Task")
          .matches(".*/fhir/r4/Task/\\d+").endsWith("/Task/" + jdbc.sql(
              "select max(id) from handover_attempt where handoff_id = ? and partner = 'bluebell-home-care'")
              .param(id).query(Long.class).single());
      assertThat(offer.get("service").asText()).isEqualTo("care-package");
      assertThat(offer.get("serviceName").asText()).isEqualTo("Care package at home");
      assertThat(offer.get("link").asText()).contains("/camunda/app/tasklist/default/#/?task=");
      assertThat(received).noneMatch(body -> body.contains("Test request"));
      assertThat(jdbc.sql("select status from notification where case_id = ? and channel = 'webhook'")
          .param(id).query(String.class).list()).containsExactly("sent", "sent");
    } finally {
      partnerSystem.stop(0);
    }
  }

  @Test
  void theDemoMailboxShowsWhatWasSentAsText() {
    mailSender.setPort(demoMailServer.port());
    String id = driver.start("equipment", "urgent", "downs-coast").getId();
    driver.at(Duration.ofHours(2).plusMinutes(1));
    relay.runOnce();

    HttpCaller admin = HttpCaller.browser(port).loggedInAs("demo", "demo");
    String page = admin.get("/demo/mailbox").body();

    assertThat(page).contains("Reminder: Equipment at home (respond) for case").contains("urgent@wd-equipment.example.org.uk");
    assertThat(HttpCaller.browser(port).loggedInAs("ward-nurse", "demo").get("/demo/mailbox").statusCode())
        .isEqualTo(403);
    assertThat(driver.mails(id)).isNotEmpty();
  }

  private String body(String recipient, String caseId) {
    return jdbc.sql("select body from notification where recipient = ? and case_id = ? and subject like '%New request%'")
        .params(recipient, caseId).query(String.class).single();
  }

  /** The part of a mail of this type (text/plain or text/html). */
  private static String part(jakarta.mail.Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = part(multipart.getBodyPart(i), type);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private static String subject(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
