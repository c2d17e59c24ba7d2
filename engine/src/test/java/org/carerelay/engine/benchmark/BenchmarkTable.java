package org.carerelay.engine.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * The benchmark's table, side by side with bare Camunda: each benchmark adds its rows to
 * {@code target/benchmark/results.md} (begun anew by each Maven run of the benchmark profile) and prints it.
 */
final class BenchmarkTable {

  private static final Path FILE = Path.of("target", "benchmark", "results.md");

  private BenchmarkTable() {}

  /** A row; {@code bare} may be "–" where bare Camunda has no such thing. */
  static synchronized void row(String figure, String bare, String carerelay, String ratio, String target) {
    try {
      Files.createDirectories(FILE.getParent());
      String run = "<!-- run " + System.getProperty("carerelay.benchmark.run", "") + " -->";
      if (!Files.exists(FILE) || !Files.readAllLines(FILE).get(0).equals(run)) {
        Files.writeString(FILE, run + "\n" + "Benchmark of " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
            + " cores, " + System.getProperty("os.name") + "\n\n"
            + "| figure | bare Camunda | CareRelay | ratio | target |\n|---|---|---|---|---|\n");
      }
      Files.writeString(FILE, "| " + figure + " | " + bare + " | " + carerelay + " | " + ratio + " | " + target + " |\n",
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void print() {
    try {
      System.out.println("BENCHMARK TABLE (" + FILE + ")\n" + Files.readString(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String ratio(double bare, double carerelay) {
    return String.format("%.2f×", carerelay / bare);
  }
}
