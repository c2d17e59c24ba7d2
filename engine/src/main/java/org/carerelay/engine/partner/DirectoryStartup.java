package org.carerelay.engine.partner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Loads the partner directory file at start-up; a file with mistakes stops the start. */
@Component
@Order(1)
class DirectoryStartup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryStartup.class);

  private final DirectoryProperties properties;
  private final ResourceLoader resources;
  private final DirectorySynchronizer synchronizer;

  DirectoryStartup(DirectoryProperties properties, ResourceLoader resources, DirectorySynchronizer synchronizer) {
    this.properties = properties;
    this.resources = resources;
    this.synchronizer = synchronizer;
  }

  @Override
  public void run(ApplicationArguments args) {
    String location = properties.location();
    if (location == null || location.isBlank()) {
      LOG.warn("No partner directory configured (carerelay.directory.location): hand-offs cannot be routed");
      return;
    }
    Resource resource = resources.getResource(location);
    DirectoryFile file;
    try (InputStream in = resource.getInputStream()) {
      file = DirectoryFile.read(in, location);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the partner directory " + location, e);
    }
    int changes = synchronizer.synchronise(file);
    LOG.info("Partner directory {}: {} organisations, {} changes applied",
        location, file.organisations().size(), changes);
  }
}
