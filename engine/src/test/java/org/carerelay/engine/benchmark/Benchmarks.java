package org.carerelay.engine.benchmark;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the benchmarks share. */
final class Benchmarks {

  private Benchmarks() {}

  /** {@code -Dcarerelay.benchmark.hold=PT10M} keeps the seeded database that long, for EXPLAIN from psql. */
  static void holdIfAsked(JdbcClient jdbc) {
    Duration hold = Duration.parse(System.getProperty("carerelay.benchmark.hold", "PT0S"));
    if (hold.isZero()) {
      return;
    }
    System.out.println("holding database " + jdbc.sql("select current_database()").query(String.class).single()
        + " for " + hold);
    try {
      Thread.sleep(hold.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
