package org.carerelay.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local PostgreSQL server for integration tests: one database created for this test run
 * and dropped when the JVM ends. Where the server cannot be reached the tests are skipped with a
 * message, except with {@code CI=true}, where that fails them.
 *
 * <p>Use as {@code @ExtendWith(PostgresDatabase.class)} together with
 * {@code @ContextConfiguration(initializers = PostgresDatabase.class)} (see {@link PostgresTest}).
 */
public final class PostgresDatabase
    implements ExecutionCondition, ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String SERVER_URL =
      System.getProperty("carerelay.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = System.getProperty("carerelay.test.postgres.user", "postgres");

  private static String databaseUrl;
  private static String unreachable;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String problem = ensureDatabase();
    if (problem == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL test database " + databaseUrl);
    }
    String message = "PostgreSQL at " + SERVER_URL + " is not reachable (" + problem + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message + "; CI=true requires the PostgreSQL integration tests");
    }
    return ConditionEvaluationResult.disabled(message + ": PostgreSQL integration tests skipped");
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (ensureDatabase() != null) {
      throw new IllegalStateException("PostgreSQL is not reachable: " + unreachable);
    }
    TestPropertyValues.of(
        "spring.datasource.url=" + databaseUrl,
        "spring.datasource.username=" + USER,
        "spring.datasource.password=").applyTo(context);
  }

  private static synchronized String ensureDatabase() {
    if (databaseUrl != null || unreachable != null) {
      return unreachable;
    }
    String name = "carerelay_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
         Statement statement = connection.createStatement()) {
      statement.execute("create database " + name + " owner " + USER);
    } catch (SQLException e) {
      unreachable = e.getMessage();
      return unreachable;
    }
    databaseUrl = SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;
    // Dropped by Spring's own shutdown hook once every context is closed: a JVM hook of its own ran
    // beside Spring's, dropped the database under the closing engine, and the engine's last
    // command then waited out the pool's 30 s timeout until surefire killed the JVM.
    org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> drop(name));
    return null;
  }

  private static void drop(String name) {
    try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
         Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }
}
