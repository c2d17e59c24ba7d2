package org.carerelay.engine.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.RestCaseSteps;
import org.junit.jupiter.api.Test;

/**
 * P3 of the benchmark: escalation timeliness on a cluster. Two CareRelay nodes (the packaged jar,
 * as the container image starts it) on one new PostgreSQL database; the hub starts
 * {@code -Dcarerelay.benchmark.timers} hand-offs (10,000) over REST through both nodes; then every
 * hand-off's first escalation timer ("remind the partner team") is made due, evenly spread over
 * {@code -Dcarerelay.benchmark.timer-window} (PT1H; a shorter window is a denser load) starting a
 * minute on, as no clock can be moved across JVMs. The lag of each is the time from its due time to
 * its escalation record ({@code handover_escalation.raised_at}); prints p50, p99 and the largest, and
 * how long the mails those escalations wrote waited in the outbox before a node sent them.
 * The nodes' JVMs and PostgreSQL's session share this machine's zone.
 */
class EscalationBenchmarkIT {

  private static final int TIMERS = Integer.getInteger("carerelay.benchmark.timers", 10_000);
  private static final Duration WINDOW = Duration.parse(System.getProperty("carerelay.benchmark.timer-window", "PT1H"));
  private static final String[] SERVICES = {"care-package", "equipment", "anticipatory-medicines"};
  private static final String[] LOCALITIES = {"high-weald", "downs-coast"};

  @Test
  void everyEscalationOnTimeWithTwoNodes() throws Exception {
    try (BenchmarkServer a = BenchmarkServer.carerelayNode("node-a", null).start();
         BenchmarkServer b = BenchmarkServer.carerelayNode("node-b", a).start()) {
      long seeding = System.nanoTime();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<?>> starts = new ArrayList<>();
      HttpCaller[] hubOn = {HttpCaller.basic(a.port, "hub-coordinator", "demo"), HttpCaller.basic(b.port, "hub-coordinator", "demo")};
      for (int i = 0; i < TIMERS; i++) {
        int n = i;
        HttpCaller hub = hubOn[n % 2];
        starts.add(clients.submit(() -> {
          var answer = hub.postJson(RestCaseSteps.START_HANDOFF, RestCaseSteps.handoffStart("ES-" + n,
              SERVICES[n % SERVICES.length], "routine", LOCALITIES[(n / SERVICES.length) % 2], "Escalation benchmark " + n));
          if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
          }
          return null;
        }));
      }
      for (Future<?> start : starts) {
        start.get();
      }
      clients.shutdown();
      double seconds = (System.nanoTime() - seeding) / 1e9;
      System.out.printf("BENCHMARK started %d hand-offs over REST on two nodes in %.0f s (%.1f/s)%n", TIMERS, seconds,
          TIMERS / seconds);

      String reminders = "from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
          + " where d.act_id_ = 'start_respond_reminder'";
      long timers = a.queryLong("select count(*) " + reminders);
      if (timers != TIMERS) {
        throw new AssertionError(timers + " reminder timers for " + TIMERS + " hand-offs");
      }
      a.execute("analyze");
      a.execute("create table benchmark_due as select j.id_ as job_id, j.process_instance_id_ as handoff_id,"
          + " localtimestamp + interval '60 seconds' + (row_number() over (order by j.id_) - 1) * interval '"
          + WINDOW.toMillis() + " milliseconds' / " + TIMERS + " as due " + reminders);
      a.execute("update act_ru_job j set duedate_ = d.due from benchmark_due d where j.id_ = d.job_id");

      BenchmarkServer.await("every reminder raised", WINDOW.plus(Duration.ofMinutes(20)), () -> {
        try {
          return a.queryLong("select count(*) from handover_escalation where level = 1") >= TIMERS;
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      String lag = " from handover_escalation e join benchmark_due d on d.handoff_id = e.handoff_id where e.level = 1";
      long p50 = a.queryLong("select round(1000 * percentile_cont(0.5) within group (order by extract(epoch from"
          + " e.raised_at - d.due)))" + lag);
      long p99 = a.queryLong("select round(1000 * percentile_cont(0.99) within group (order by extract(epoch from"
          + " e.raised_at - d.due)))" + lag);
      long max = a.queryLong("select round(1000 * max(extract(epoch from e.raised_at - d.due)))" + lag);
      long early = a.queryLong("select count(*)" + lag + " and e.raised_at < d.due");
      long doubled = a.queryLong("select count(*) from (select handoff_id from handover_escalation where level = 1"
          + " group by handoff_id having count(*) > 1) twice");
      if (early > 0 || doubled > 0) {
        throw new AssertionError(early + " escalations raised early, " + doubled + " twice");
      }
      BenchmarkTable.row("P3 escalation lag, due time to record, p50 / p99 / max (" + TIMERS + " timers due within "
              + WINDOW.toMinutes() + " min, 2 nodes)", "–", p50 + " / " + p99 + " / " + max + " ms", "",
          "p99 ≤ 5 s: " + (p99 <= 5000 ? "met" : "not met"));

      // The mails those reminders wrote (every mail written after the first fell due), from written to
      // handed to the mail server by one of the two nodes' outbox relays.
      BenchmarkServer.await("every mail sent", Duration.ofMinutes(30), () -> {
        try {
          return a.queryLong("select count(*) from notification where status = 'pending'") == 0;
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      String mails = " from notification where created_at >= (select min(due) from benchmark_due)";
      long mailCount = a.queryLong("select count(*)" + mails);
      long mailP50 = a.queryLong("select round(1000 * percentile_cont(0.5) within group (order by extract(epoch from"
          + " sent_at - created_at)))" + mails);
      long mailP99 = a.queryLong("select round(1000 * percentile_cont(0.99) within group (order by extract(epoch from"
          + " sent_at - created_at)))" + mails);
      BenchmarkTable.row("P3 the reminders' mails (" + mailCount + "), written to sent, p50 / p99", "–",
          mailP50 + " / " + mailP99 + " ms", "", "");
      BenchmarkTable.print();
    }
  }
}
