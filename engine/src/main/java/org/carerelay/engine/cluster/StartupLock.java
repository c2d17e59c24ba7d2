package org.carerelay.engine.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same moment on one PostgreSQL database take turns at start-up: creating
 * or updating Camunda's schema (which is not safe to run twice at once: the second node crashed on
 * {@code pg_type_typname_nsp_index}), deploying the models, and writing the directory, roles and
 * demo accounts. The first node holds a PostgreSQL advisory lock from before the engine is built
 * until the application is ready; the others wait for it, then find the work done. The lock is
 * held by a connection of its own, so it goes with the node if the node dies. On H2 (one node
 * only) nothing is locked.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** The advisory lock's key: any number no other application on the database uses. */
  static final long KEY = 0x43617265_52656c61L; // "CareRela"

  private final DataSource dataSource;
  private Connection holder;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
        connection.close();
        return;
      }
      long waitingSince = System.nanoTime();
      try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
        lock.setLong(1, KEY);
        lock.execute();
      }
      holder = connection;
      LOG.info("Start-up lock taken after {} ms", (System.nanoTime() - waitingSince) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    }
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
  synchronized void release() {
    if (holder == null) {
      return;
    }
    try (Connection connection = holder) {
      try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
        unlock.setLong(1, KEY);
        unlock.execute();
      }
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock; it goes with its connection: {}", e.getMessage());
    } finally {
      holder = null;
    }
  }
}
