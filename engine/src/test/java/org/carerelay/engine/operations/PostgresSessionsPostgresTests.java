package org.carerelay.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.carerelay.engine.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CareRelay's connections to PostgreSQL run its short queries without JIT compiling (deploy/performance.md). */
@PostgresTest
class PostgresSessionsPostgresTests {

  @Autowired
  JdbcClient jdbc;

  @Test
  void everyConnectionOfThePoolRunsWithoutJit() {
    // PostgreSQL's own default is on.
    assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
  }
}
