package org.carerelay.engine.supply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a CycloneDX bill of materials against a list of advisories (see
 * {@code deploy/security/advisories.yaml}): each library whose version lies in an advisory's range
 * is a finding.
 */
final class KnownVulnerabilities {

  record Advisory(String id, String artifact, String introducedIn, String fixedIn, String summary) {

    boolean affects(String version) {
      return (introducedIn == null || compare(version, introducedIn) >= 0) && compare(version, fixedIn) < 0;
    }
  }

  record Library(String artifact, String version) {}

  record Finding(Library library, Advisory advisory) {

    String line() {
      return library.artifact() + " " + library.version() + ": " + advisory.id() + " (fixed in " + advisory.fixedIn()
          + "): " + advisory.summary();
    }
  }

  private static final Pattern PARTS = Pattern.compile("[.\\-]");

  private KnownVulnerabilities() {}

  static List<Advisory> advisories(Path file) throws IOException {
    JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("advisories");
    List<Advisory> advisories = new ArrayList<>();
    for (JsonNode advisory : list) {
      advisories.add(new Advisory(advisory.path("id").asText(), advisory.path("artifact").asText(),
          advisory.hasNonNull("introducedIn") ? advisory.path("introducedIn").asText() : null,
          advisory.path("fixedIn").asText(), advisory.path("summary").asText()));
    }
    return advisories;
  }

  static List<Library> libraries(Path billOfMaterials) throws IOException {
    List<Library> libraries = new ArrayList<>();
    for (JsonNode component : new ObjectMapper().readTree(billOfMaterials.toFile()).path("components")) {
      libraries.add(new Library(component.path("group").asText() + ":" + component.path("name").asText(),
          component.path("version").asText()));
    }
    return libraries;
  }

  static List<Finding> findings(List<Library> libraries, List<Advisory> advisories) {
    List<Finding> findings = new ArrayList<>();
    for (Library library : libraries) {
      for (Advisory advisory : advisories) {
        if (advisory.artifact().equals(library.artifact()) && advisory.affects(library.version())) {
          findings.add(new Finding(library, advisory));
        }
      }
    }
    return findings;
  }

  /**
   * Orders versions as Maven does for the usual shapes: numbers compare as numbers, part by part; a
   * qualifier after the numbers ({@code -M1}, {@code -RC2}) comes before the release.
   */
  static int compare(String left, String right) {
    String[] a = PARTS.split(left);
    String[] b = PARTS.split(right);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : null;
      String y = i < b.length ? b[i] : null;
      int order = comparePart(x, y);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static int comparePart(String x, String y) {
    boolean xNumber = x != null && x.chars().allMatch(Character::isDigit);
    boolean yNumber = y != null && y.chars().allMatch(Character::isDigit);
    if (x == null) {
      return yNumber ? (Long.parseLong(y) == 0 ? 0 : -1) : 1; // 1.0 = 1.0.0; 1.0 > 1.0-RC1
    }
    if (y == null) {
      return -comparePart(y, x);
    }
    if (xNumber && yNumber) {
      return Long.compare(Long.parseLong(x), Long.parseLong(y));
    }
    if (xNumber != yNumber) {
      return xNumber ? 1 : -1; // a release part beats a qualifier
    }
    return x.compareToIgnoreCase(y);
  }
}
