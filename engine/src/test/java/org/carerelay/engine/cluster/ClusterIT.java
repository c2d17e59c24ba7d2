package org.carerelay.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CareRelay as a cluster: two nodes, separate JVMs started from the built application with the
 * container image's entrypoint, on one new
 * PostgreSQL database, mailing through one SMTP server (GreenMail). They start at the same moment;
 * a user signed in on one is served by the other; hand-offs started on both have their escalation
 * timers fall due (their due dates moved to now, as no clock can be moved across JVMs) while one
 * node is killed with {@code kill -9}, and later while PostgreSQL restarts. Every timer fires once,
 * every event is mailed as one message and sent to a partner's system under one idempotency key (a
 * mail or call in flight when its node died goes again as the same message), no task is lost or doubled, no incident is left, and the killed
 * node rejoins. Run by failsafe after the application is packaged ({@code mvn verify}).
 */
class ClusterIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVER = System.getProperty("carerelay.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = System.getProperty("carerelay.test.postgres.user", "postgres");
  private static final Path LOGS = Path.of("target", "cluster");
  private static final int HANDOFFS = 24;

  static String database;
  static String databaseUrl;
  static GreenMail smtp;
  /** A partner's own system: each webhook call it received, as "hand-off subject" and its idempotency key. */
  static final List<String[]> webhooks = new java.util.concurrent.CopyOnWriteArrayList<>();
  static com.sun.net.httpserver.HttpServer partnerSystem;
  static Node a;
  static Node b;

  @BeforeAll
  static void twoNodesStartTogetherOnANewDatabase() throws Exception {
    database = "carerelay_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection server = DriverManager.getConnection(SERVER, USER, "");
         Statement statement = server.createStatement()) {
      statement.execute("create database " + database + " owner " + USER);
    }
    databaseUrl = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    partnerSystem = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    partnerSystem.createContext("/carerelay", exchange -> {
      JsonNode call = JSON.readTree(exchange.getRequestBody());
      webhooks.add(new String[] {call.path("handoffId").asText() + " " + call.path("subject").asText(),
          exchange.getRequestHeaders().getFirst("Idempotency-Key")});
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    partnerSystem.start();
    Files.createDirectories(LOGS);
    a = new Node("a", freePort());
    b = new Node("b", freePort());
    a.start();
    b.start();
    a.awaitHealthy();
    b.awaitHealthy();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (Node node : new Node[] {a, b}) {
      if (node != null) {
        node.stop();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (partnerSystem != null) {
      partnerSystem.stop(0);
    }
    if (database != null) {
      try (Connection server = DriverManager.getConnection(SERVER, USER, "");
           Statement statement = server.createStatement()) {
        statement.execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  @Test
  void theClusterLosesNothingAndDoesNothingTwiceWhenANodeIsKilledAndTheDatabaseRestarts() throws Exception {
    assertThat(count("select count(*) from act_re_deployment")).as("one deployment of the models, by one node")
        .isEqualTo(1);
    assertThat(count("select count(*) from act_re_procdef where key_ = 'partner-handover'")).isEqualTo(1);
    assertThat(count("select count(*) from act_id_group where id_ = 'carerelay-hub'")).isEqualTo(1);

    HttpCaller nurseOnA = HttpCaller.browser(a.port).loggedInAs("ward-nurse", "demo");
    assertThat(nurseOnA.at(b.port).get("/cases").statusCode()).as("node b serves a session made on node a")
        .isEqualTo(200);
    nurseOnA.at(b.port).logout();
    assertThat(nurseOnA.get("/cases").statusCode()).as("logging out on node b ends the session on node a")
        .isEqualTo(302);
    HttpCaller socialWorkerOnA = HttpCaller.browser(a.port).loggedInAs("social-worker", "demo");
    assertThat(HttpCaller.basic(b.port, "demo", "demo").sendJson("DELETE", "/engine-rest/user/social-worker", "")
        .statusCode()).isEqualTo(204);
    assertThat(socialWorkerOnA.get("/cases").statusCode()).as("a user deleted on node b loses the session on node a")
        .isEqualTo(302);

    try (Connection connection = DriverManager.getConnection(databaseUrl, USER, "");
         Statement statement = connection.createStatement()) {
      statement.execute("update partner_organisation set webhook_url = 'http://127.0.0.1:"
          + partnerSystem.getAddress().getPort() + "/carerelay' where id = 'bluebell-home-care'");
    }
    List<String> handoffs = new ArrayList<>();
    for (int i = 0; i < HANDOFFS; i++) {
      handoffs.add(startHandoff(i % 2 == 0 ? a : b, i));
    }
    awaitThat("every hand-off offered and mailed", Duration.ofSeconds(90),
        () -> mails("New request") >= HANDOFFS);

    // Level 1 falls due everywhere; node a dies with its share of the timers in its hands.
    HttpCaller hubOnA = HttpCaller.browser(a.port).loggedInAs("hub-coordinator", "demo");
    dueNow("start_respond_reminder");
    awaitThat("some reminders sent", Duration.ofSeconds(60), () -> escalations(1) > 0);
    a.kill();
    assertThat(hubOnA.at(b.port).get("/cases").statusCode()).as("a session outlives the node that made it")
        .isEqualTo(200);
    awaitThat("node b raised every level-1 escalation", Duration.ofSeconds(120),
        () -> escalations(1) == HANDOFFS);
    awaitThat("every reminder mailed", Duration.ofSeconds(120), () -> mails("Reminder") >= HANDOFFS);

    a.start();
    a.awaitHealthy();
    assertThat(HttpCaller.browser(a.port).loggedInAs("hub-coordinator", "demo").get("/cases").statusCode())
        .as("the killed node rejoined").isEqualTo(200);

    // Level 2 falls due while PostgreSQL restarts under both nodes.
    dueNow("start_respond_chase");
    restartDatabase();
    awaitThat("every level-2 escalation raised once PostgreSQL is back", Duration.ofSeconds(180),
        () -> escalations(2) == HANDOFFS);
    awaitThat("the outbox emptied", Duration.ofSeconds(180),
        () -> count("select count(*) from notification where status <> 'sent'") == 0);

    assertThat(count("select count(*) from (select handoff_id, stage, level from handover_escalation"
        + " group by handoff_id, stage, level having count(*) > 1) doubled")).as("no timer fired twice").isZero();
    assertThat(count("select count(*) from handover_escalation")).isEqualTo(2L * HANDOFFS);
    // One event, one message: a node killed between handing a mail to the SMTP server and marking it
    // sent leaves a claim that expires, and the mail goes again, as the very same message (its
    // Message-ID), which mail systems show once. Two different messages for one event would be a fault.
    Map<String, java.util.Set<String>> messagesPerEvent = Arrays.stream(smtp.getReceivedMessages())
        .collect(Collectors.groupingBy(ClusterIT::recipientAndSubject,
            Collectors.mapping(ClusterIT::messageId, Collectors.toSet())));
    assertThat(messagesPerEvent.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
        .map(Map.Entry::getKey)).as("no event mailed as two messages").isEmpty();
    Map<String, java.util.Set<String>> callsPerEvent = webhooks.stream().collect(Collectors.groupingBy(
        call -> call[0], Collectors.mapping(call -> call[1], Collectors.toSet())));
    assertThat(callsPerEvent).as("the partner's system was called").isNotEmpty();
    assertThat(callsPerEvent.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(Map.Entry::getKey))
        .as("no event sent to a partner's system under two idempotency keys").isEmpty();
    System.out.println("Webhook calls: " + webhooks.size() + " for " + callsPerEvent.size() + " events");
    assertThat(count("select count(*) from (select case_id, recipient, subject from notification"
        + " group by case_id, recipient, subject having count(*) > 1) doubled")).as("one outbox row per event").isZero();
    long resent = Arrays.stream(smtp.getReceivedMessages()).count() - Arrays.stream(smtp.getReceivedMessages())
        .map(message -> messageId(message) + recipientAndSubject(message)).distinct().count();
    System.out.println("Mails delivered again after the node was killed, as the same message: " + resent);
    assertThat(count("select count(*) from act_ru_incident")).as("no incident").isZero();
    assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null")).as("no failed job").isZero();
    for (String handoff : handoffs) {
      assertThat(count("select count(*) from act_ru_task where proc_inst_id_ = '" + handoff
          + "' and task_def_key_ = 'user_respond'")).as("hand-off %s still waits for its partner's answer", handoff)
          .isEqualTo(1);
      assertThat(count("select count(*) from (select task_def_key_ from act_ru_task where proc_inst_id_ = '" + handoff
          + "' group by task_def_key_ having count(*) > 1) doubled")).as("no task of %s doubled", handoff).isZero();
    }
  }

  private static String startHandoff(Node node, int i) throws IOException {
    String services = "care-package,equipment,anticipatory-medicines";
    String service = services.split(",")[i % 3];
    String reference = "CL-%04d".formatted(i);
    var answer = HttpCaller.basic(node.port, "hub-coordinator", "demo").postJson(RestCaseSteps.START_HANDOFF,
        RestCaseSteps.handoffStart(reference, service, "urgent", i % 2 == 0 ? "high-weald" : "downs-coast",
            "Cluster test request " + i));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("id").asText();
  }

  /** Moves the due date of every timer of this activity to now; each node's job executor takes its share. */
  private static void dueNow(String activityId) throws Exception {
    HttpCaller admin = HttpCaller.basic(b.port, "demo", "demo");
    JsonNode jobs = JSON.readTree(admin.get("/engine-rest/job?activityId=" + activityId).body());
    assertThat(jobs.size()).as(activityId + " timers").isEqualTo(HANDOFFS);
    String now = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    for (JsonNode job : jobs) {
      var answer = admin.putJson("/engine-rest/job/" + job.get("id").asText() + "/duedate", "{\"duedate\": \"" + now + "\"}");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }
  }

  /** Restarts the local PostgreSQL server; where this user may not, ends every connection to the database instead. */
  private static void restartDatabase() throws Exception {
    File versions = new File("/etc/postgresql");
    String[] installed = versions.list();
    if (installed != null && installed.length == 1) {
      Process restart = new ProcessBuilder("pg_ctlcluster", installed[0], "main", "restart")
          .redirectErrorStream(true).redirectOutput(LOGS.resolve("postgresql-restart.log").toFile()).start();
      if (restart.waitFor(60, TimeUnit.SECONDS) && restart.exitValue() == 0) {
        System.out.println("PostgreSQL " + installed[0] + " restarted under the cluster");
        awaitThat("PostgreSQL back", Duration.ofSeconds(60), ClusterIT::databaseAnswers);
        return;
      }
    }
    try (Connection server = DriverManager.getConnection(SERVER, USER, "");
         Statement statement = server.createStatement()) {
      statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    }
    System.out.println("PostgreSQL could not be restarted here: every connection of the cluster was ended instead");
  }

  private static boolean databaseAnswers() {
    try (Connection connection = DriverManager.getConnection(databaseUrl, USER, "")) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static long escalations(int level) {
    return count("select count(*) from handover_escalation where stage = 'respond' and level = " + level);
  }

  private static long mails(String subjectStart) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> recipientAndSubject(message).contains("[CareRelay] " + subjectStart)).count();
  }

  private static String recipientAndSubject(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients()) + " " + message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String sql) {
    try (Connection connection = DriverManager.getConnection(databaseUrl, USER, "");
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      return -1; // the database is restarting
    }
  }

  private static void awaitThat(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what + " (logs in " + LOGS + "); "
            + state());
      }
      try {
        Thread.sleep(500); // other JVMs are at work: polling is all a test can do here
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** What the cluster has done so far, for a failure's message. */
  private static String state() {
    StringBuilder state = new StringBuilder("mails received: " + (smtp == null ? 0 : smtp.getReceivedMessages().length));
    try (Connection connection = DriverManager.getConnection(databaseUrl, USER, "");
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("select channel, status, count(*) from notification group by channel, status")) {
      while (rows.next()) {
        state.append("; outbox ").append(rows.getString(1)).append(' ').append(rows.getString(2)).append(": ")
            .append(rows.getLong(3));
      }
    } catch (SQLException e) {
      state.append("; database: ").append(e.getMessage());
    }
    return state.append("; escalations: ").append(escalations(1)).append(" level 1, ").append(escalations(2))
        .append(" level 2").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One CareRelay node: the built application in a JVM of its own. */
  static final class Node {

    final String name;
    final int port;
    Process process;
    int starts;

    Node(String name, int port) {
      this.name = name;
      this.port = port;
    }

    void start() throws IOException {
      // The image's own entrypoint and layout, with this machine's java, and a smaller heap for two nodes.
      List<String> command = new ArrayList<>(ImageLayout.entrypoint());
      command.add(1, "-Xmx512m");
      command.addAll(List.of("--spring.profiles.active=demo",
          "--server.port=" + port,
          "--spring.datasource.url=" + databaseUrl,
          "--spring.datasource.username=" + USER,
          "--spring.datasource.password=",
          "--spring.mail.host=127.0.0.1",
          "--spring.mail.port=" + smtp.getSmtp().getPort(),
          "--carerelay.demo-mail.enabled=false",
          "--carerelay.notification.relay.interval=PT1S",
          "--carerelay.notification.webhook-secrets.bluebell-home-care=cluster-test-secret",
          "--carerelay.notification.relay.lease=PT20S",
          "--camunda.bpm.job-execution.lock-time-in-millis=20000",
          "--camunda.bpm.job-execution.wait-time-in-millis=1000",
          "--camunda.bpm.job-execution.max-wait=2000"));
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("node-" + name + ".log").toFile()))
          .start();
      starts++;
    }

    void awaitHealthy() {
      awaitThat("node " + name + " healthy (start " + starts + ")", Duration.ofSeconds(240), () -> {
        if (!process.isAlive()) {
          throw new AssertionError("node " + name + " stopped with exit code " + process.exitValue()
              + "; see " + LOGS.resolve("node-" + name + ".log"));
        }
        try {
          return HttpCaller.browser(port).get("/actuator/health").body().contains("\"UP\"");
        } catch (RuntimeException e) {
          return false;
        }
      });
    }

    /** {@code kill -9}: no shutdown hook, no chance to hand back what it holds. */
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
    }

    void stop() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }
}
