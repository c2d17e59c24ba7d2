package org.carerelay.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The files an operator runs CareRelay with ({@code deploy/}), checked as far as this machine
 * allows (no container engine, no cluster): they parse, name what each platform requires, run
 * as a user other than root, probe the application's real health groups, and agree with each
 * other and with the build (run after packaging, by failsafe). The image's entrypoint is the command
 * {@code ClusterIT} starts its nodes with ({@link #entrypoint()}).
 */
public class DeploymentFilesIT {

  static final Path DEPLOY = Path.of("..", "deploy");
  private static final Pattern INSTRUCTION = Pattern.compile("(?m)^(FROM|USER|COPY|RUN|EXPOSE|HEALTHCHECK|ENTRYPOINT)\\s+(.*)$");

  @Test
  void theImageRunsTheBuiltJarAsAnOrdinaryUserAndChecksReadiness() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile")).replace("\\\n", " ");
    assertThat(instruction(dockerfile, "USER")).isNotIn("root", "0");
    assertThat(instructions(dockerfile, "COPY")).anySatisfy(copy -> assertThat(copy).startsWith("engine/target/carerelay.jar "));
    assertThat(Path.of("target", "carerelay.jar")).as("what the build packages is what the image copies").exists();
    assertThat(instructions(dockerfile, "RUN")).anySatisfy(run -> assertThat(run).contains("-Djarmode=tools", "extract --destination /app"));
    assertThat(instructions(dockerfile, "RUN")).as("the class archive made for the jar the entrypoint starts")
        .last().asString().endsWith("class-archive.sh /app/carerelay.jar");
    assertThat(instruction(dockerfile, "EXPOSE")).isEqualTo("8080");
    assertThat(instruction(dockerfile, "HEALTHCHECK")).contains("/actuator/health/readiness");
    assertThat(entrypoint()).startsWith("java").contains("-XX:SharedArchiveFile=/app/carerelay.jsa")
        .endsWith("-jar", "/app/carerelay.jar");
  }

  @Test
  void theLaidOutApplicationStartsFromItsClassArchive() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(ImageLayout.entrypoint());
    // -Xshare:on: a JVM that cannot use the archive (another java, another path to the jar) refuses to start.
    command.addAll(1, List.of("-Xshare:on", "-Xlog:class+load=info", "-Dspring.context.exit=onRefresh"));
    command.addAll(List.of("--spring.datasource.url=jdbc:h2:mem:deployment-files",
        "--spring.datasource.username=sa", "--spring.datasource.password="));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new String(process.getInputStream().readAllBytes()).lines().toList();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())))
        .isZero();
    List<String> fromArchive = output.stream().filter(line -> line.endsWith(" source: shared objects file"))
        .map(line -> line.substring(line.indexOf("[class,load] ") + "[class,load] ".length(), line.indexOf(" source:")))
        .toList();
    assertThat(fromArchive).as("CareRelay's, Spring's and Camunda's classes mapped from the archive").contains(
        "org.carerelay.engine.CareRelayApplication",
        "org.springframework.context.support.AbstractApplicationContext",
        "org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl");
    long loaded = output.stream().filter(line -> line.contains("[class,load] ")).count();
    assertThat(fromArchive).as("classes from the archive, of " + loaded).hasSizeGreaterThan((int) (loaded * 3 / 4));
  }

  @Test
  void composeRunsTwoNodesOnOnePostgresqlBehindTheProxy() throws IOException {
    // SnakeYAML, as compose does, resolves the anchor the second node repeats the first with.
    Object compose = new org.yaml.snakeyaml.Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
    JsonNode services = new ObjectMapper().valueToTree(compose).path("services");
    assertThat(names(services)).containsExactlyInAnyOrder("postgres", "carerelay-1", "carerelay-2", "proxy");
    for (String node : List.of("carerelay-1", "carerelay-2")) {
      JsonNode service = services.path(node);
      assertThat(service.path("build").path("dockerfile").asText()).isEqualTo("deploy/Dockerfile");
      assertThat(service.path("environment").path("SPRING_DATASOURCE_URL").asText())
          .isEqualTo("jdbc:postgresql://postgres:5432/carerelay");
      assertThat(service.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
      assertThat(StreamSupport.stream(service.path("volumes").spliterator(), false).map(JsonNode::asText))
          .allSatisfy(volume -> assertThat(DEPLOY.resolve(volume.substring(0, volume.indexOf(':')))).exists());
    }
    assertThat(names(services.path("proxy").path("depends_on"))).contains("carerelay-1", "carerelay-2");
    String proxy = Files.readString(DEPLOY.resolve("nginx.conf"));
    assertThat(proxy).contains("server carerelay-1:8080", "server carerelay-2:8080", "X-Forwarded-Proto");
    assertThat(Files.readString(DEPLOY.resolve("carerelay.env.example"))).contains("CARERELAY_DB_PASSWORD=");
  }

  @Test
  void kubernetesRunsSeveralReadyNodesWithTheDirectoryFromAConfigMapAndSecretsFromSecrets() throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(DEPLOY.resolve("kubernetes/carerelay.yaml").toFile())) {
      new ObjectMapper().readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    assertThat(documents).allSatisfy(document -> assertThat(document.path("apiVersion").asText()).isNotBlank());
    JsonNode deployment = kind(documents, "Deployment");
    JsonNode pod = deployment.path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").get(0);
    assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/actuator/health/readiness");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/actuator/health/liveness");
    assertThat(pod.path("spec").path("volumes").get(0).path("configMap").path("name").asText())
        .isEqualTo("carerelay-directory");
    List<String> secretsUsed = StreamSupport.stream(container.path("env").spliterator(), false)
        .map(variable -> variable.path("valueFrom").path("secretKeyRef").path("name").asText())
        .filter(name -> !name.isEmpty()).distinct().toList();
    assertThat(secretsUsed).containsExactlyInAnyOrder("carerelay-database", "carerelay-mail");
    secretsUsed.forEach(name -> assertThat(documents).anySatisfy(document -> {
      assertThat(document.path("kind").asText()).isEqualTo("Secret");
      assertThat(document.path("metadata").path("name").asText()).isEqualTo(name);
    }));
    JsonNode labels = pod.path("metadata").path("labels");
    assertThat(kind(documents, "Service").path("spec").path("selector")).isEqualTo(labels);
    JsonNode budget = kind(documents, "PodDisruptionBudget");
    assertThat(budget.path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
    assertThat(budget.path("spec").path("minAvailable").asInt()).isPositive()
        .isLessThan(deployment.path("spec").path("replicas").asInt());
  }

  @Test
  void theSystemdUnitRunsTheJarAsItsOwnUser() throws IOException {
    String unit = Files.readString(DEPLOY.resolve("systemd/carerelay.service"));
    assertThat(unit).contains("[Unit]", "[Service]", "[Install]", "Restart=on-failure");
    assertThat(unit).containsPattern("(?m)^User=carerelay$");
    assertThat(unit).containsPattern("(?m)^ExecStart=/usr/bin/java -XX:SharedArchiveFile=/opt/carerelay/carerelay\\.jsa .*-jar /opt/carerelay/carerelay\\.jar$");
    assertThat(unit).as("how to lay it out as the image does").contains(
        "extract --force --destination /opt/carerelay", "sh deploy/class-archive.sh /opt/carerelay/carerelay.jar");
  }

  /** The container image's ENTRYPOINT, as the command it runs (ClusterIT's nodes, the benchmark's JVMs). */
  public static List<String> entrypoint() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile")).replace("\\\n", " ");
    List<String> command = new ArrayList<>();
    new ObjectMapper().readTree(instruction(dockerfile, "ENTRYPOINT")).forEach(part -> command.add(part.asText()));
    return command;
  }

  private static String instruction(String dockerfile, String name) {
    List<String> found = instructions(dockerfile, name);
    assertThat(found).as("Dockerfile " + name).isNotEmpty();
    return found.get(found.size() - 1);
  }

  /** Every instruction of that name, in order (the last stage's last one is what counts for most). */
  private static List<String> instructions(String dockerfile, String name) {
    Matcher matcher = INSTRUCTION.matcher(dockerfile);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      if (matcher.group(1).equals(name)) {
        found.add(matcher.group(2).trim());
      }
    }
    return found;
  }

  private static JsonNode kind(List<JsonNode> documents, String kind) {
    return documents.stream().filter(document -> kind.equals(document.path("kind").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(element -> names.add(element.asText()));
    } else {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }
}
