package org.carerelay.engine.benchmark;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * The managers' views at size, on PostgreSQL: four weeks of demo history driven through the real
 * pathways at start-up, then its finished cases copied (Camunda's process and activity history and
 * CareRelay's hand-offs, escalations, case outcomes and step times, each copy moved back 0 to 7 weeks) until
 * {@code -Dcarerelay.benchmark.finished-cases} (10,000 by default) finished cases are in history,
 * all within the last 12 weeks; then statistics are refreshed and each view is asked 30 times as the
 * manager, over the longest period the page offers. Prints p50 and p99. Not a test: run it with
 * {@code mvn -B -pl engine verify -Pbenchmark -Dtest=ReportsBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(PostgresDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "carerelay.demo-history.weeks=4")
@ContextConfiguration(initializers = PostgresDatabase.class)
@ActiveProfiles({"demo", "test"})
class ReportsBenchmark {

  /** What one copy of a table changes: ids get a prefix, times move back. */
  private static final Map<String, List<String>> COPIED_IDS = Map.of(
      "act_hi_procinst", List.of("id_", "proc_inst_id_", "root_proc_inst_id_", "super_process_instance_id_",
          "business_key_"),
      "act_hi_actinst", List.of("id_", "parent_act_inst_id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
          "call_proc_inst_id_", "task_id_"),
      "case_outcome", List.of("case_id", "reference"),
      "handover_attempt", List.of("handoff_id", "case_id"),
      "handover_escalation", List.of("handoff_id", "case_id"),
      "activity_time", List.of());

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theManagersViewsWithTenThousandFinishedCases() {
    int wanted = Integer.getInteger("carerelay.benchmark.finished-cases", 10_000);
    long seeding = System.nanoTime();
    long driven = finishedCases();
    int copies = (int) Math.max(0, (wanted + driven - 1) / Math.max(1, driven) - 1);
    for (Map.Entry<String, List<String>> table : COPIED_IDS.entrySet()) {
      copy(table.getKey(), table.getValue(), copies);
    }
    jdbc.sql("analyze").update();
    System.out.printf("BENCHMARK seeded: %d cases driven through the pathways, %d copies, %d finished cases, "
            + "%d activity instances, %d hand-off attempts, in %d s%n", driven, copies, finishedCases(),
        count("act_hi_actinst"), count("handover_attempt"), (System.nanoTime() - seeding) / 1_000_000_000);

    String today = jdbc.sql("select cast(current_date as varchar)").query(String.class).single();
    String twelveWeeks = "from=" + java.time.LocalDate.parse(today).minusWeeks(12).plusDays(1) + "&to=" + today;
    String caseId = jdbc.sql("select case_id from case_outcome where achieved_at is not null and case_id not like '%#%'"
        + " order by opened_at desc limit 1").query(String.class).single();
    report("/cockpit/", "text/html");
    report("/api/reports/live", "application/json");
    report("/api/reports/breaches?" + twelveWeeks, "application/json");
    report("/api/reports/targets?" + twelveWeeks, "application/json");
    report("/api/reports/heatmap?pathway=rapid-discharge&" + twelveWeeks, "application/json");
    report("/api/reports/heatmap?pathway=hospice-admission&" + twelveWeeks, "application/json");
    report("/api/reports/heatmap?pathway=partner-handover&" + twelveWeeks, "application/json");
    report("/api/reports/partners?" + twelveWeeks, "application/json");
    report("/api/reports/partners?" + twelveWeeks, "text/csv");
    report("/api/cases/" + caseId + "/timeline", "application/json");
    Benchmarks.holdIfAsked(jdbc);
  }

  private long finishedCases() {
    return jdbc.sql("select count(*) from act_hi_procinst where end_time_ is not null and super_process_instance_id_ is null")
        .query(Long.class).single();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** Inserts {@code copies} copies of the table's rows of finished cases (open ones stay single), in one statement. */
  private void copy(String table, List<String> ids, int copies) {
    List<Map<String, Object>> columns = jdbc.sql("""
        select column_name, data_type from information_schema.columns
        where table_name = ? and table_schema = current_schema() and is_identity = 'NO' order by ordinal_position""")
        .param(table).query().listOfRows();
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String name = (String) column.get("column_name");
      String type = (String) column.get("data_type");
      names.add(name);
      if (ids.contains(name)) {
        values.add("'#' || copy || right(" + name + ", 57)"); // ids are at most 64 characters
      } else if (type.startsWith("timestamp")) {
        values.add(name + " - make_interval(weeks => copy % 8)");
      } else {
        values.add(name);
      }
    }
    String caseColumn = table.startsWith("act_hi_") ? "root_proc_inst_id_" : "case_id";
    String original = ids.isEmpty() ? "true" : ids.get(0) + " not like '%#%' and " + caseColumn
        + " in (select id_ from act_hi_procinst where end_time_ is not null and super_process_instance_id_ is null)";
    jdbc.sql("insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
        + " from " + table + ", generate_series(1, " + copies + ") as copy where " + original).update();
  }

  private void report(String path, String accept) {
    HttpCaller caller = HttpCaller.basic(port, "manager", "demo");
    for (int i = 0; i < 5; i++) {
      caller.get(path, accept); // warm up
    }
    List<Long> times = new ArrayList<>();
    String size = "";
    for (int i = 0; i < 30; i++) {
      long start = System.nanoTime();
      HttpResponse<String> answer = caller.get(path, accept);
      times.add((System.nanoTime() - start) / 1_000_000);
      size = answer.statusCode() + ", " + answer.body().length() + " bytes";
    }
    times.sort(Long::compare);
    System.out.printf("BENCHMARK %-100s %-16s p50 %5d ms  p99 %5d ms  (%s)%n", path, accept, times.get(14),
        times.get(29), size);
  }
}
