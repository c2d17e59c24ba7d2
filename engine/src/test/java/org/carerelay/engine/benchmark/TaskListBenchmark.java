package org.carerelay.engine.benchmark;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * P2 of the benchmark: a partner team's task list with authorization on, at a number of open
 * hand-offs spread over the partnership (-Dcarerelay.benchmark.open-tasks, 10,000 by default), on
 * PostgreSQL with fresh statistics. Prints p50 and p99 of {@code GET /engine-rest/task?candidateGroup=}
 * (first page of 15, as Tasklist asks), its count and the team's Tasklist filter, as the team's own user;
 * then the same list and count in bare Camunda ({@link BenchmarkServer#bare}) seeded with as many hand-offs of the
 * same shape, Bluebell's team offered the same share. Not a test: run it with
 * {@code mvn -B -pl engine verify -Pbenchmark}.
 */
@Tag("benchmark")
@ExtendWith(PostgresDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresDatabase.class)
@ActiveProfiles({"demo", "test"})
class TaskListBenchmark {

  private static final String[][] REQUESTS = {
      {"care-package", "high-weald"}, {"care-package", "downs-coast"}, {"equipment", "high-weald"},
      {"equipment", "downs-coast"}, {"anticipatory-medicines", "high-weald"}, {"anticipatory-medicines", "downs-coast"}};

  /** What Tasklist's list of a filter posts (camunda-tasklist-bootstrap.js, 7.24.0), with no search. */
  private static final String TASKLIST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aTeamsTaskList() {
    int open = Integer.getInteger("carerelay.benchmark.open-tasks", 10_000);
    long seeding = System.nanoTime();
    for (int done = 0; done < open; done += 250) {
      int from = done;
      transaction.executeWithoutResult(status -> {
        for (int i = from; i < Math.min(open, from + 250); i++) {
          String[] request = REQUESTS[i % REQUESTS.length];
          Map<String, Object> variables = new HashMap<>();
          variables.put("caseReference", "BM-" + i);
          variables.put("service", request[0]);
          variables.put("urgency", i % 3 == 0 ? "urgent" : "routine");
          variables.put("locality", request[1]);
          variables.put("requestSummary", "Benchmark request " + i);
          engine.getRuntimeService().startProcessInstanceByKey("partner-handover", "BM-" + i, variables);
        }
      });
    }
    System.out.printf("seeded %d open hand-offs in %d s%n", open, (System.nanoTime() - seeding) / 1_000_000_000);
    int finished = finishedHandoffs();
    jdbc.sql("analyze").update();
    jdbc.sql("checkpoint").update(); // the seeding's writes reach the disk before the timing, not during it

    String list = "/engine-rest/task?candidateGroup=bluebell-care-coordinators&firstResult=0&maxResults=15";
    String count = "/engine-rest/task/count?candidateGroup=bluebell-care-coordinators";
    long[] carerelayList = report(port, "bluebell-coordinator", list);
    long[] carerelayCount = report(port, "bluebell-coordinator", count);
    long[] hubList = report(port, "hub-coordinator", "/engine-rest/task?candidateGroup=carerelay-hub&firstResult=0&maxResults=15");
    // The team's Tasklist filter as Tasklist asks for it: its first page newest first, as HAL, which also
    // counts the filter's tasks and embeds their process definitions and candidate groups.
    String filter = jdbc.sql("select filter_id from partner_team where group_id = 'bluebell-care-coordinators'")
        .query(String.class).single();
    long[] filterList = report(port, "bluebell-coordinator", "POST /engine-rest/filter/" + filter + "/list (HAL)",
        caller -> caller.postJson("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
            TASKLIST_PAGE, "application/hal+json"));

    // The same open hand-offs, the same share for Bluebell's team, in bare Camunda (no authorization).
    try (BenchmarkServer bare = BenchmarkServer.bare("--bare.seed-open-tasks=" + open).start()) {
      BenchmarkServer.await("bare Camunda seeded", java.time.Duration.ofMinutes(30), () -> {
        try {
          return bare.queryLong("select count(*) from act_ru_task") >= open;
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      bare.execute("analyze");
      bare.execute("checkpoint");
      long[] bareList = report(bare.port, "-", list);
      long[] bareCount = report(bare.port, "-", count);
      String size = String.format("%,d open and %,d finished hand-offs", open, finished);
      BenchmarkTable.row("P2 a team's `GET /engine-rest/task?candidateGroup=` (first 15) at " + size + ", p50 / p99",
          bareList[0] + " / " + bareList[1] + " ms", carerelayList[0] + " / " + carerelayList[1] + " ms",
          BenchmarkTable.ratio(bareList[1], carerelayList[1]) + " (p99)",
          "p99 ≤ 100 ms at 100,000: " + (open < 100_000 ? "–" : carerelayList[1] <= 100 ? "met" : "not met"));
      BenchmarkTable.row("P2 the team's count (`/engine-rest/task/count`) at " + size + ", p50 / p99",
          bareCount[0] + " / " + bareCount[1] + " ms", carerelayCount[0] + " / " + carerelayCount[1] + " ms",
          BenchmarkTable.ratio(bareCount[1], carerelayCount[1]) + " (p99)", "");
      BenchmarkTable.row("P2 the team's Tasklist filter as Tasklist asks (`POST /engine-rest/filter/{id}/list`, HAL, with its count) at " + size + ", p50 / p99",
          "–", filterList[0] + " / " + filterList[1] + " ms", "",
          "p99 ≤ 100 ms at 100,000: " + (open < 100_000 ? "–" : filterList[1] <= 100 ? "met" : "not met"));
      BenchmarkTable.row("P2 the hub's list (no per-task grants) at " + size + ", p50 / p99", "–",
          hubList[0] + " / " + hubList[1] + " ms", "", "");
      BenchmarkTable.print();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }

    Benchmarks.holdIfAsked(jdbc);
  }

  /**
   * Finished hand-offs in history ({@code -Dcarerelay.benchmark.finished-handoffs}, 100,000), as far as a
   * task list can feel them: each leaves its teams' grants on its finished tasks in
   * {@code ACT_RU_AUTHORIZATION} for as long as its history is kept. 120 hand-offs are run to their end
   * through the engine, then their grants are copied (new ids, tasks and cases) up to the number asked
   * for. Camunda's history tables themselves are not read by a task list and are not copied.
   */
  private int finishedHandoffs() {
    int finished = Integer.getInteger("carerelay.benchmark.finished-handoffs", 100_000);
    int real = Math.min(finished, 120);
    var tasks = engine.getTaskService();
    for (int i = 0; i < real; i++) {
      String[] request = REQUESTS[i % REQUESTS.length];
      String handoff = engine.getRuntimeService().startProcessInstanceByKey("partner-handover", "BF-" + i, Map.of(
          "caseReference", "BF-" + i, "service", request[0], "urgency", "routine", "locality", request[1],
          "requestSummary", "Finished benchmark request " + i)).getId();
      tasks.complete(tasks.createTaskQuery().processInstanceId(handoff).taskDefinitionKey("user_respond").singleResult()
          .getId(), Map.of("response", "accept"));
      var complete = tasks.createTaskQuery().processInstanceId(handoff).taskDefinitionKey("user_complete").singleResult();
      if (complete != null) {
        tasks.complete(complete.getId(), Map.of("completion", "done", "completionNote", "Done"));
      }
    }
    int copies = (finished + real - 1) / real - 1;
    jdbc.sql("""
        insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_,
          removal_time_, root_proc_inst_id_)
        select md5(a.id_ || '-' || copy), 1, a.type_, a.group_id_, a.user_id_, a.resource_type_,
          md5(a.resource_id_ || '-' || copy), a.perms_, a.removal_time_, md5(a.root_proc_inst_id_ || '-' || copy)
        from act_ru_authorization a cross join generate_series(1, ?) copy
        where a.resource_type_ = 19
          and a.root_proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ like 'BF-%')""")
        .param(copies).update();
    System.out.printf("%d finished hand-offs' grants: %d rows in ACT_RU_AUTHORIZATION%n", real * (copies + 1),
        jdbc.sql("select count(*) from act_ru_authorization").query(Long.class).single());
    return real * (copies + 1);
  }

  /** Times 50 GETs after 5 to warm up; prints them and returns p50 and p99 in ms. */
  private static long[] report(int port, String user, String path) {
    return report(port, user, path, caller -> caller.get(path));
  }

  private static long[] report(int port, String user, String what, Function<HttpCaller, HttpResponse<String>> call) {
    HttpCaller caller = HttpCaller.basic(port, user, "demo");
    for (int i = 0; i < 5; i++) {
      call.apply(caller); // warm up
    }
    List<Long> times = new ArrayList<>();
    String size = "";
    for (int i = 0; i < 50; i++) {
      long start = System.nanoTime();
      HttpResponse<String> answer = call.apply(caller);
      times.add((System.nanoTime() - start) / 1_000_000);
      size = answer.statusCode() + ", " + answer.body().length() + " bytes";
    }
    times.sort(Long::compare);
    System.out.printf("BENCHMARK %-22s %-90s p50 %5d ms  p99 %5d ms  (%s)%n", user, what, times.get(24), times.get(49), size);
    return new long[] {times.get(24), times.get(49)};
  }
}
