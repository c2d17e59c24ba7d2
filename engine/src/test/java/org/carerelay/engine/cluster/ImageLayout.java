package org.carerelay.engine.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application laid out on this machine as the container image lays it out in /app
 * (deploy/Dockerfile): the jar extracted, then {@code deploy/class-archive.sh} run with this
 * machine's java. Done once per test JVM, in target/image-app, so that the tests and benchmarks
 * that start CareRelay as its own JVM start it as production does.
 */
public final class ImageLayout {

  private static final Path APP = Path.of("target", "image-app").toAbsolutePath();
  private static final String IMAGE_APP = "/app/";
  private static boolean laidOut;

  private ImageLayout() {
  }

  /** The directory that stands for the image's /app, laid out on first use. */
  public static synchronized Path app() throws IOException {
    if (!laidOut) {
      String jar = System.getProperty("carerelay.test.jar");
      if (jar == null || !Files.exists(Path.of(jar))) {
        throw new IllegalStateException("the packaged application is needed (mvn verify, failsafe passes carerelay.test.jar)");
      }
      delete(APP);
      run(List.of(java(), "-Djarmode=tools", "-jar", jar, "extract", "--destination", APP.toString()));
      run(List.of("sh", DeploymentFilesIT.DEPLOY.resolve("class-archive.sh").toString(), APP.resolve("carerelay.jar").toString()));
      laidOut = true;
    }
    return APP;
  }

  /** The image's entrypoint as a command for this machine: this java, and /app/ standing for {@link #app()}. */
  public static List<String> entrypoint() throws IOException {
    String app = app().toString() + "/";
    List<String> command = new ArrayList<>();
    for (String part : DeploymentFilesIT.entrypoint()) {
      command.add(part.equals("java") ? java() : part.replace(IMAGE_APP, app));
    }
    return command;
  }

  /** This machine's java, the one running the tests. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA", java());
    Process process = builder.start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("still running after 5 minutes: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static void delete(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
