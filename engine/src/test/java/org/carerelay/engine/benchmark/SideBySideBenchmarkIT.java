package org.carerelay.engine.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.Test;

/**
 * P1 and P4 of the benchmark, CareRelay side by side with bare Camunda 7.24 ({@link BenchmarkServer}),
 * each in a JVM of its own on a new PostgreSQL database, driven by the same REST driver: a hand-off
 * is started, its team finds the request in its task list and accepts it, finds the completion task
 * and completes it. CareRelay is driven as its users are (the hub starts, Bluebell Home Care's
 * coordinator responds and completes through the forms, with authorization on), bare Camunda
 * through its plain REST calls. {@value #CLIENTS} clients at once; after a warm-up, rounds of
 * hand-offs alternate between the two (interleaved pairs). Prints hand-offs and user tasks per
 * second (median of the rounds), p50/p99 of start, task query and completion, database growth
 * per finished hand-off (after VACUUM), start time to healthy and idle resident memory. Run after packaging, by
 * failsafe in the benchmark profile (README, "Benchmark").
 */
class SideBySideBenchmarkIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int CLIENTS = 4;
  private static final int ROUNDS = Integer.getInteger("carerelay.benchmark.rounds", 3);
  private static final int PER_ROUND = Integer.getInteger("carerelay.benchmark.handoffs-per-round", 150);
  /**
   * Hand-offs each application runs before the measured rounds, so that both are measured as a node
   * that has been running a while: CareRelay runs more code than bare Camunda, and with a warm-up
   * of 60 its rounds still rose by a third from the first to the last (its compiled code was not
   * yet steady). Both get the same.
   */
  private static final int WARM_UP = Integer.getInteger("carerelay.benchmark.warm-up-handoffs", 150);

  @Test
  void carerelayBesideBareCamunda() throws Exception {
    try (BenchmarkServer bare = BenchmarkServer.bare(); BenchmarkServer carerelay = BenchmarkServer.carerelay()) {
      bare.start();
      Thread.sleep(20_000);
      long bareIdle = bare.residentMib();
      carerelay.start();
      Thread.sleep(20_000);
      long carerelayIdle = carerelay.residentMib();

      Workload bareLoad = new Workload(new BareDriver(bare.port));
      Workload carerelayLoad = new Workload(new CareRelayDriver(carerelay.port));
      bareLoad.run(WARM_UP, 0);
      carerelayLoad.run(WARM_UP, 0);
      awaitOutboxEmpty(carerelay);
      // Sizes after VACUUM, as autovacuum leaves a production database (deploy/performance.md): the
      // runtime rows of finished hand-offs are space to reuse, their history is what stays.
      long bareBefore = vacuumedBytes(bare);
      long carerelayBefore = vacuumedBytes(carerelay);
      for (int round = 1; round <= ROUNDS; round++) {
        bareLoad.run(PER_ROUND, round);
        carerelayLoad.run(PER_ROUND, round);
        System.out.printf("BENCHMARK round %d: bare %.1f, CareRelay %.1f user tasks/s%n", round,
            bareLoad.tasksPerSecond.get(round - 1), carerelayLoad.tasksPerSecond.get(round - 1));
      }
      awaitOutboxEmpty(carerelay);
      long finished = (long) ROUNDS * PER_ROUND;
      check(bare.queryLong("select count(*) from act_ru_execution") == 0, "bare Camunda finished every hand-off");
      check(carerelay.queryLong("select count(*) from act_ru_execution") == 0, "CareRelay finished every hand-off");
      double bareRawBytes = (bare.databaseBytes() - bareBefore) / (double) finished;
      double carerelayRawBytes = (carerelay.databaseBytes() - carerelayBefore) / (double) finished;
      double bareBytes = (vacuumedBytes(bare) - bareBefore) / (double) finished;
      double carerelayBytes = (vacuumedBytes(carerelay) - carerelayBefore) / (double) finished;

      double bareTasks = median(bareLoad.tasksPerSecond);
      double carerelayTasks = median(carerelayLoad.tasksPerSecond);
      String shape = String.format("%d hand-offs × %d rounds, %d clients", PER_ROUND, ROUNDS, CLIENTS);
      BenchmarkTable.row("P1 hand-offs finished per second, median of rounds (" + shape + ")",
          String.format("%.1f", bareTasks / 2), String.format("%.1f", carerelayTasks / 2),
          BenchmarkTable.ratio(bareTasks, carerelayTasks), "");
      BenchmarkTable.row("P1 user tasks completed per second, median of rounds", String.format("%.1f", bareTasks),
          String.format("%.1f", carerelayTasks), BenchmarkTable.ratio(bareTasks, carerelayTasks), "≥ 0.80×: "
              + (carerelayTasks >= 0.8 * bareTasks ? "met" : "not met"));
      for (String step : List.of("start", "task query", "completion")) {
        List<Long> bareTimes = bareLoad.sorted(step);
        List<Long> carerelayTimes = carerelayLoad.sorted(step);
        BenchmarkTable.row("P1 " + step + " p50 / p99", percentile(bareTimes, 50) + " / " + percentile(bareTimes, 99)
            + " ms", percentile(carerelayTimes, 50) + " / " + percentile(carerelayTimes, 99) + " ms",
            BenchmarkTable.ratio(percentile(bareTimes, 99), percentile(carerelayTimes, 99)) + " (p99)", "");
      }
      BenchmarkTable.row("P4 database growth per finished hand-off (dead rows too, no VACUUM)",
          Math.round(bareRawBytes / 1024) + " KB", Math.round(carerelayRawBytes / 1024) + " KB",
          BenchmarkTable.ratio(bareRawBytes, carerelayRawBytes), "");
      BenchmarkTable.row("P4 database growth per finished hand-off (after VACUUM)", Math.round(bareBytes / 1024) + " KB",
          Math.round(carerelayBytes / 1024) + " KB", BenchmarkTable.ratio(bareBytes, carerelayBytes),
          "≤ 0.50×: " + (carerelayBytes <= 0.5 * bareBytes ? "met" : "not met"));
      BenchmarkTable.row("P4 start to healthy", seconds(bare.startMillis), seconds(carerelay.startMillis),
          BenchmarkTable.ratio(bare.startMillis, carerelay.startMillis),
          "≤ 10 s: " + (carerelay.startMillis <= 10_000 ? "met" : "not met"));
      BenchmarkTable.row("P4 idle resident memory (20 s after healthy)", bareIdle + " MiB", carerelayIdle + " MiB",
          BenchmarkTable.ratio(bareIdle, carerelayIdle), "≤ 400 MiB: " + (carerelayIdle <= 400 ? "met" : "not met"));
      BenchmarkTable.row("P4 resident memory after the workload", bare.residentMib() + " MiB",
          carerelay.residentMib() + " MiB", "", "");
      BenchmarkTable.print();
    }
  }

  /** CareRelay mails each hand-off's news through its outbox; a round is only over once that is sent. */
  private static void awaitOutboxEmpty(BenchmarkServer carerelay) {
    BenchmarkServer.await("CareRelay's outbox sent", Duration.ofMinutes(5), () -> {
      try {
        return carerelay.queryLong("select count(*) from notification where status <> 'sent'") == 0;
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static long vacuumedBytes(BenchmarkServer server) throws java.sql.SQLException {
    server.execute("vacuum");
    return server.databaseBytes();
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("not so: " + what);
    }
  }

  private static String seconds(long millis) {
    return String.format("%.1f s", millis / 1000.0);
  }

  static long percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** How one application is driven: the same four calls, each as that application's users make them. */
  interface Driver {
    /** Starts hand-off {@code i}; returns its process instance. */
    String start(int i);

    /** The team's task of that stage in the hand-off ("New request", then "Complete the request"), as the team asks for it. */
    String task(String instance, String taskKey);

    void complete(String task, String taskKey);
  }

  /** Hand-offs through one driver by {@value #CLIENTS} clients; times each call. */
  static final class Workload {
    final Driver driver;
    final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    final List<Double> tasksPerSecond = new ArrayList<>();
    private int next;

    Workload(Driver driver) {
      this.driver = driver;
    }

    /** Runs {@code count} hand-offs to their end; round 0 is a warm-up and is not counted. */
    void run(int count, int round) throws Exception {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> handoffs = new ArrayList<>();
      long began = System.nanoTime();
      for (int k = 0; k < count; k++) {
        int i = next++;
        handoffs.add(clients.submit(() -> {
          String instance = timed(round, "start", () -> driver.start(i));
          for (String stage : List.of("user_respond", "user_complete")) {
            String task = timed(round, "task query", () -> driver.task(instance, stage));
            timed(round, "completion", () -> {
              driver.complete(task, stage);
              return null;
            });
          }
          return null;
        }));
      }
      for (Future<?> handoff : handoffs) {
        handoff.get();
      }
      clients.shutdown();
      if (round > 0) {
        tasksPerSecond.add(2.0 * count / ((System.nanoTime() - began) / 1e9));
      }
    }

    List<Long> sorted(String step) {
      List<Long> sorted = new ArrayList<>(times.get(step));
      Collections.sort(sorted);
      return sorted;
    }

    private <T> T timed(int round, String step, java.util.function.Supplier<T> call) {
      long start = System.nanoTime();
      T result = call.get();
      if (round > 0) {
        times.computeIfAbsent(step, key -> new CopyOnWriteArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
      }
      return result;
    }
  }

  /** Bare Camunda's REST API, as a client of the stock starter calls it (no login, no forms). */
  static final class BareDriver implements Driver {
    private final HttpCaller caller;

    BareDriver(int port) {
      this.caller = HttpCaller.browser(port);
    }

    @Override
    public String start(int i) {
      StringBuilder variables = new StringBuilder();
      org.carerelay.bare.BareCamunda.variables("bluebell-care-coordinators", "Benchmark request " + i)
          .forEach((name, value) -> variables.append(variables.length() == 0 ? "" : ",")
              .append('"').append(name).append("\": {\"value\": \"").append(value).append("\"}"));
      return id(expect(caller.postJson("/engine-rest/process-definition/key/bare-handover/start",
          "{\"businessKey\": \"BM-" + i + "\", \"variables\": {" + variables + "}}"), 200));
    }

    @Override
    public String task(String instance, String taskKey) {
      return teamTask(caller, instance, taskKey);
    }

    @Override
    public void complete(String task, String taskKey) {
      expect(caller.postJson("/engine-rest/task/" + task + "/complete",
          "{\"variables\": {\"response\": {\"value\": \"accept\"}}}"), 204);
    }
  }

  /** CareRelay's REST API as its demo users call it: the hub starts, Bluebell's coordinator works through the forms. */
  static final class CareRelayDriver implements Driver {
    private final HttpCaller hub;
    private final HttpCaller partner;

    CareRelayDriver(int port) {
      this.hub = HttpCaller.basic(port, "hub-coordinator", "demo");
      this.partner = HttpCaller.basic(port, "bluebell-coordinator", "demo");
    }

    @Override
    public String start(int i) {
      return id(expect(hub.postJson(RestCaseSteps.START_HANDOFF,
          RestCaseSteps.handoffStart("BM-" + i, "care-package", "urgent", "downs-coast", "Benchmark request " + i)), 200));
    }

    @Override
    public String task(String instance, String taskKey) {
      return teamTask(partner, instance, taskKey);
    }

    @Override
    public void complete(String task, String taskKey) {
      String form = taskKey.equals("user_respond")
          ? "{\"response\": {\"value\": \"accept\"}}"
          : "{\"completion\": {\"value\": \"done\"}, \"completionNote\": {\"value\": \"Care package starts tomorrow 9am\"}}";
      expect(partner.postJson("/engine-rest/task/" + task + "/submit-form", "{\"variables\": " + form + "}"), 204);
    }
  }

  /** The one task of this kind in the hand-off, as Bluebell's team asks for its tasks (same call to both). */
  private static String teamTask(HttpCaller caller, String instance, String taskKey) {
    return firstTask(expect(caller.get("/engine-rest/task?candidateGroup=bluebell-care-coordinators&processInstanceId="
        + instance + "&taskDefinitionKey=" + taskKey), 200));
  }

  private static HttpResponse<String> expect(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(answer.statusCode() + " " + answer.body());
    }
    return answer;
  }

  private static String id(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body()).get("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstTask(HttpResponse<String> answer) {
    try {
      JsonNode tasks = JSON.readTree(answer.body());
      if (tasks.size() != 1) {
        throw new IllegalStateException("expected one task, got " + answer.body());
      }
      return tasks.get(0).get("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
