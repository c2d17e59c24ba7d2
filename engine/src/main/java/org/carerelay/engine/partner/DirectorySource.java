package org.carerelay.engine.partner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The partner directory file this partnership is configured with ({@code carerelay.directory.location}),
 * read when needed: at start-up before the engine deploys its forms (whose locality options come
 * from it), and when the directory is loaded into the database.
 */
@Component
public class DirectorySource {

  /** A locality of the partnership, as people see it. */
  public record Locality(String id, String name) {}

  /** A service the partnership knows, as people name it. */
  public record ServiceOption(String id, String name) {}

  /** An organisation, as people see it, and what it offers where ({@code service@locality}). */
  public record PartnerOption(String id, String name, List<String> offers) {}

  private final DirectoryProperties properties;
  private final ResourceLoader resources;

  DirectorySource(DirectoryProperties properties, ResourceLoader resources) {
    this.properties = properties;
    this.resources = resources;
  }

  /** The localities the directory names, in its order; none when no directory is configured. */
  public List<Locality> localities() {
    return read().map(file -> file.localities().stream()
        .map(locality -> new Locality(locality.id(), locality.name())).toList()).orElse(List.of());
  }

  /** The services the directory names, in its order; none when no directory is configured. */
  public List<ServiceOption> services() {
    return read().map(file -> file.services().stream()
        .map(service -> new ServiceOption(service.id(), service.name())).toList()).orElse(List.of());
  }

  /** The organisations the directory names, by name; none when no directory is configured. */
  public List<PartnerOption> partners() {
    return read().map(file -> file.organisations().stream()
        .sorted(java.util.Comparator.comparing(DirectoryFile.Organisation::name))
        .map(organisation -> new PartnerOption(organisation.id(), organisation.name(), organisation.services().stream()
            .flatMap(service -> service.localities().stream().map(locality -> service.service() + "@" + locality))
            .toList()))
        .toList()).orElse(List.of());
  }

  Optional<DirectoryFile> read() {
    String location = location();
    if (location == null) {
      return Optional.empty();
    }
    try (InputStream in = resources.getResource(location).getInputStream()) {
      return Optional.of(DirectoryFile.read(in, location));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the partner directory " + location, e);
    }
  }

  String location() {
    String location = properties.location();
    return location == null || location.isBlank() ? null : location;
  }
}
