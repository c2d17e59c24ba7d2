package org.carerelay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The clinical safety file ({@code deploy/safety/hazard-log.yaml}) stays true: every control names
 * tests that exist (a {@code @Test} or {@code @ParameterizedTest} method of that name in a test
 * class of engine, processes or connectors, or in the abstract class whose tests it runs), every risk follows the DCB0129 matrix of the plan, no
 * residual risk is above 3, and the hazards the partnership asked for are all there.
 */
class SafetyFileTests {

  static final Path LOG = Path.of("..", "deploy", "safety", "hazard-log.yaml");
  static final List<Path> TEST_SOURCES = List.of(Path.of("src", "test", "java"),
      Path.of("..", "processes", "src", "test", "java"), Path.of("..", "connectors", "src", "test", "java"));

  /** The DCB0129 matrix: risk by likelihood (rows) and severity (columns). */
  static final List<String> SEVERITIES = List.of("minor", "significant", "considerable", "major", "catastrophic");
  static final Map<String, int[]> RISK = Map.of(
      "very-high", new int[] {3, 4, 4, 5, 5},
      "high", new int[] {2, 3, 3, 4, 5},
      "medium", new int[] {2, 2, 3, 3, 4},
      "low", new int[] {1, 2, 2, 3, 4},
      "very-low", new int[] {1, 1, 2, 2, 3});

  @Test
  void everyControlIsProvenByTestsThatExistAndEveryRiskFollowsTheMatrix() throws IOException {
    JsonNode log = new YAMLMapper().readTree(LOG.toFile());
    assertThat(problems(log)).isEmpty();
    List<String> ids = new ArrayList<>();
    log.get("hazards").forEach(hazard -> ids.add(hazard.get("id").asText()));
    assertThat(ids).as("the hazards the partnership asked for").contains("H01", "H02", "H03", "H04", "H05", "H06",
        "H07", "H08", "H09", "H10", "H11");
  }

  @Test
  void aControlNamingATestThatDoesNotExistOrAWrongRiskIsFound() throws IOException {
    JsonNode broken = new YAMLMapper().readTree("""
        hazards:
          - id: X1
            title: A made-up hazard
            before: { severity: major, likelihood: high, risk: 2 }
            controls:
              - control: Proven by a test nobody wrote
                tests: [ PartnerHandoverTests#aTestNobodyWrote, NoSuchTests#anything ]
              - control: Proven by nothing
                tests: []
            after: { severity: catastrophic, likelihood: very-high, risk: 5 }
        """);
    assertThat(problems(broken)).containsExactlyInAnyOrder(
        "X1: before: risk 2 but the matrix gives 4 for major and high",
        "X1: control 'Proven by a test nobody wrote': no test PartnerHandoverTests#aTestNobodyWrote",
        "X1: control 'Proven by a test nobody wrote': no test NoSuchTests#anything",
        "X1: control 'Proven by nothing' names no test",
        "X1: residual risk 5 is above 3");
  }

  static List<String> problems(JsonNode log) throws IOException {
    List<String> problems = new ArrayList<>();
    for (JsonNode hazard : log.get("hazards")) {
      String id = hazard.get("id").asText();
      for (String when : List.of("before", "after")) {
        JsonNode score = hazard.get(when);
        int expected = RISK.get(score.get("likelihood").asText())[SEVERITIES.indexOf(score.get("severity").asText())];
        if (score.get("risk").asInt() != expected) {
          problems.add(id + ": " + when + ": risk " + score.get("risk").asInt() + " but the matrix gives " + expected
              + " for " + score.get("severity").asText() + " and " + score.get("likelihood").asText());
        }
      }
      if (hazard.get("after").get("risk").asInt() > 3) {
        problems.add(id + ": residual risk " + hazard.get("after").get("risk").asInt() + " is above 3");
      }
      for (JsonNode control : hazard.get("controls")) {
        String name = control.get("control").asText();
        if (control.get("tests").isEmpty()) {
          problems.add(id + ": control '" + name + "' names no test");
        }
        for (JsonNode test : control.get("tests")) {
          if (!exists(test.asText())) {
            problems.add(id + ": control '" + name + "': no test " + test.asText());
          }
        }
      }
    }
    return problems;
  }

  /** Whether {@code Class#method} is a test method of a test class of this repository. */
  static boolean exists(String reference) throws IOException {
    String[] parts = reference.split("#");
    if (parts.length != 2) {
      return false;
    }
    Pattern method = Pattern.compile("\\svoid\\s+" + Pattern.quote(parts[1]) + "\\s*\\(");
    for (Path root : TEST_SOURCES) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(path -> path.getFileName().toString().equals(parts[0] + ".java")).toList()) {
          String source = Files.readString(file);
          Matcher found = method.matcher(source);
          // A test method: annotated @Test or @ParameterizedTest since the end of the member before it.
          if (found.find()) {
            String before = source.substring(0, found.start());
            String annotations = before.substring(Math.max(before.lastIndexOf("\n  }\n"), before.lastIndexOf(";\n")) + 1);
            if (annotations.contains("@Test") || annotations.contains("@ParameterizedTest")) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
