package org.carerelay.engine.benchmark;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.carerelay.engine.HttpCaller;
import org.carerelay.engine.cluster.DeploymentFilesIT;
import org.carerelay.engine.cluster.ImageLayout;

/**
 * An application the benchmark measures from outside: a JVM of its own on a new PostgreSQL
 * database, started either as bare Camunda ({@code org.carerelay.bare.BareCamunda} from the test
 * classpath) or as CareRelay (the packaged jar laid out and started as the container image does,
 * {@link ImageLayout}). It knows its start time to healthy, its resident memory and its database's size.
 */
final class BenchmarkServer implements AutoCloseable {

  static final String SERVER_URL = System.getProperty("carerelay.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = System.getProperty("carerelay.test.postgres.user", "postgres");
  private static final Path LOGS = Path.of("target", "benchmark");
  /**
   * The container image's JVM settings (deploy/Dockerfile's ENTRYPOINT, between {@code java} and
   * {@code -jar}) without its class archive, which is CareRelay's own: bare Camunda runs from plain
   * jars on the test classpath, as the image runs CareRelay from its extracted jar.
   */
  private static List<String> bareJvm(String name) throws IOException {
    List<String> entrypoint = DeploymentFilesIT.entrypoint();
    List<String> settings = new ArrayList<>(entrypoint.subList(1, entrypoint.indexOf("-jar")));
    settings.removeIf(setting -> setting.startsWith("-XX:SharedArchiveFile="));
    settings.addAll(profiling(name));
    return settings;
  }

  /** With {@code -Dcarerelay.benchmark.profile=true}, a Java Flight Recording of each JVM into target/benchmark. */
  private static List<String> profiling(String name) {
    if (!Boolean.getBoolean("carerelay.benchmark.profile")) {
      return List.of();
    }
    return List.of("-XX:FlightRecorderOptions=stackdepth=512",
        "-XX:StartFlightRecording=settings=profile,filename=" + LOGS.resolve(name + ".jfr").toAbsolutePath());
  }

  final String name;
  final int port;
  final String database;
  final String databaseUrl;
  private final List<String> command = new ArrayList<>();
  private final String healthPath;
  private Process process;
  private long startedAt;
  long startMillis;

  /** Whether this server made its database (and drops it), or shares another's. */
  private final boolean ownsDatabase;

  private BenchmarkServer(String name, String healthPath, BenchmarkServer sharing) throws IOException, SQLException {
    this.name = name;
    this.healthPath = healthPath;
    this.port = freePort();
    this.ownsDatabase = sharing == null;
    if (sharing != null) {
      this.database = sharing.database;
    } else {
      this.database = "carerelay_bench_" + name.replace('-', '_') + "_" + UUID.randomUUID().toString().substring(0, 8);
      try (Connection server = DriverManager.getConnection(SERVER_URL, USER, "");
           Statement statement = server.createStatement()) {
        statement.execute("create database " + database + " owner " + USER);
      }
    }
    this.databaseUrl = SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + database;
  }

  /** Bare Camunda 7.24 REST, from the test classpath. */
  static BenchmarkServer bare(String... arguments) throws IOException, SQLException {
    BenchmarkServer server = new BenchmarkServer("bare-camunda", "/engine-rest/engine", null);
    server.command.add(ImageLayout.java());
    server.command.addAll(bareJvm(server.name));
    server.command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.carerelay.bare.BareCamunda"));
    server.command.addAll(server.common());
    server.command.addAll(List.of(arguments));
    return server;
  }

  /** CareRelay with the demo region, from the packaged jar (failsafe passes carerelay.test.jar) as the image lays it out. */
  static BenchmarkServer carerelay(String... arguments) throws IOException, SQLException {
    return carerelayNode("carerelay", null, arguments);
  }

  /** A CareRelay node; with {@code sharing}, on that server's database, as a second node of a cluster. */
  static BenchmarkServer carerelayNode(String name, BenchmarkServer sharing, String... arguments)
      throws IOException, SQLException {
    List<String> entrypoint = ImageLayout.entrypoint();
    int jar = entrypoint.indexOf("-jar");
    BenchmarkServer server = new BenchmarkServer(name, "/actuator/health", sharing);
    server.command.addAll(entrypoint.subList(0, jar));
    server.command.addAll(profiling(server.name));
    server.command.addAll(entrypoint.subList(jar, entrypoint.size()));
    server.command.addAll(List.of("--spring.profiles.active=demo", "--carerelay.demo-mail.port=" + freePort()));
    server.command.addAll(server.common());
    server.command.addAll(List.of(arguments));
    return server;
  }

  private List<String> common() {
    return List.of("--server.port=" + port, "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=" + USER, "--spring.datasource.password=");
  }

  /** Starts the JVM and waits until it answers healthy; remembers how long that took. */
  BenchmarkServer start() throws IOException {
    Files.createDirectories(LOGS);
    startedAt = System.nanoTime();
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(LOGS.resolve(name + ".log").toFile())).start();
    await(name + " healthy", Duration.ofMinutes(4), () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped; see " + LOGS.resolve(name + ".log"));
      }
      try {
        var answer = HttpCaller.browser(port).get(healthPath);
        return answer.statusCode() == 200 && !answer.body().contains("DOWN");
      } catch (RuntimeException e) {
        return false;
      }
    });
    startMillis = (System.nanoTime() - startedAt) / 1_000_000;
    return this;
  }

  /** Resident memory of the JVM now, in MiB. */
  long residentMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  long databaseBytes() throws SQLException {
    return queryLong("select pg_database_size(current_database())");
  }

  long queryLong(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(databaseUrl, USER, "");
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(databaseUrl, USER, "");
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    if (ownsDatabase && !Boolean.getBoolean("carerelay.benchmark.keep-databases")) {
      try (Connection server = DriverManager.getConnection(SERVER_URL, USER, "");
           Statement statement = server.createStatement()) {
        statement.execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  static void await(String what, Duration within, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not within " + within + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
