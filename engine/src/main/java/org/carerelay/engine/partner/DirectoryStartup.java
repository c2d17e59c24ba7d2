package org.carerelay.engine.partner;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the partner directory file at start-up; a file with mistakes stops the start. */
@Component
@Order(1)
class DirectoryStartup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryStartup.class);

  private final DirectorySource source;
  private final DirectorySynchronizer synchronizer;

  DirectoryStartup(DirectorySource source, DirectorySynchronizer synchronizer) {
    this.source = source;
    this.synchronizer = synchronizer;
  }

  @Override
  public void run(ApplicationArguments args) {
    Optional<DirectoryFile> file = source.read();
    if (file.isEmpty()) {
      LOG.warn("No partner directory configured (carerelay.directory.location): hand-offs cannot be routed");
      return;
    }
    int changes = synchronizer.synchronise(file.get());
    LOG.info("Partner directory {}: {} organisations, {} changes applied",
        source.location(), file.get().organisations().size(), changes);
  }
}
