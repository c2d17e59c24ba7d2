package org.carerelay.engine.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.carerelay.engine.supply.KnownVulnerabilities.Advisory;
import org.carerelay.engine.supply.KnownVulnerabilities.Finding;
import org.carerelay.engine.supply.KnownVulnerabilities.Library;
import org.junit.jupiter.api.Test;

/**
 * No library CareRelay runs with has a known vulnerability: the build's bill of materials
 * ({@code target/bom.json}, CycloneDX) against {@code deploy/security/advisories.yaml}. The report is
 * kept with the build in {@code target/dependency-check/report.txt}.
 */
class KnownVulnerabilitiesTests {

  private static final Path BILL_OF_MATERIALS = Path.of("target", "bom.json");
  private static final Path ADVISORIES = Path.of("..", "deploy", "security", "advisories.yaml");
  private static final Path REPORT = Path.of("target", "dependency-check", "report.txt");

  @Test
  void noLibraryCareRelayRunsWithHasAKnownVulnerability() throws IOException {
    List<Library> libraries = KnownVulnerabilities.libraries(BILL_OF_MATERIALS);
    List<Advisory> advisories = KnownVulnerabilities.advisories(ADVISORIES);
    List<Finding> findings = KnownVulnerabilities.findings(libraries, advisories);

    Files.createDirectories(REPORT.getParent());
    StringBuilder report = new StringBuilder("CareRelay: known vulnerabilities of the libraries it runs with\n")
        .append("checked ").append(Instant.now()).append(": ").append(libraries.size()).append(" libraries (")
        .append(BILL_OF_MATERIALS).append("), ").append(advisories.size()).append(" advisories (")
        .append(ADVISORIES.normalize()).append(")\n\n");
    findings.forEach(finding -> report.append("VULNERABLE ").append(finding.line()).append('\n'));
    report.append(findings.isEmpty() ? "No library is affected.\n" : "");
    report.append("\nLibraries of advisories, as found:\n");
    libraries.stream().filter(library -> advisories.stream().anyMatch(a -> a.artifact().equals(library.artifact())))
        .forEach(library -> report.append("  ").append(library.artifact()).append(' ').append(library.version())
            .append('\n'));
    Files.writeString(REPORT, report);

    assertThat(libraries).as("the bill of materials lists the application's libraries")
        .extracting(Library::artifact).contains("org.camunda.bpm:camunda-engine", "org.postgresql:postgresql");
    assertThat(findings).extracting(Finding::line).as("see " + REPORT).isEmpty();
  }

  @Test
  void aLibraryInAnAdvisorysRangeIsFound() throws IOException {
    List<Advisory> advisories = KnownVulnerabilities.advisories(ADVISORIES);
    List<Library> libraries = List.of(new Library("org.yaml:snakeyaml", "1.33"),
        new Library("org.apache.tomcat.embed:tomcat-embed-core", "10.1.34"),
        new Library("org.apache.tomcat.embed:tomcat-embed-core", "9.0.98"), // before the advisory's range
        new Library("org.postgresql:postgresql", "42.7.2"),
        new Library("org.apache.commons:commons-text", "1.9"));

    assertThat(KnownVulnerabilities.findings(libraries, advisories)).extracting(finding -> finding.advisory().id())
        .containsExactly("CVE-2022-1471", "CVE-2025-24813", "CVE-2022-42889");
  }

  @Test
  void versionsAreOrderedAsMavenOrdersThem() {
    assertThat(KnownVulnerabilities.compare("2.13.4.2", "2.13.4")).isPositive();
    assertThat(KnownVulnerabilities.compare("10.1.35", "10.1.9")).isPositive();
    assertThat(KnownVulnerabilities.compare("2.0", "2.0.0")).isZero();
    assertThat(KnownVulnerabilities.compare("2.0-M1", "2.0")).isNegative();
    assertThat(KnownVulnerabilities.compare("1.5.13", "1.5.2")).isPositive();
  }
}
