package org.carerelay.engine.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which teams may start which pathway from Tasklist ({@code carerelay.pathways.starters}, by
 * process key, e.g. the ward and emergency department teams start {@code rapid-discharge}).
 * Granted at start-up, after the directory has made the teams.
 */
@Component
@Order(3)
@EnableConfigurationProperties(PathwayStarters.Properties.class)
public class PathwayStarters implements ApplicationRunner {

  /** @param starters team (Camunda group) ids by process key */
  @ConfigurationProperties("carerelay.pathways")
  record Properties(Map<String, List<String>> starters) {
    Properties {
      starters = starters == null ? Map.of() : starters;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(PathwayStarters.class);

  private final Properties properties;
  private final Grants grants;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;

  PathwayStarters(Properties properties, Grants grants, IdentityService identityService,
      TransactionTemplate transaction) {
    this.properties = properties;
    this.grants = grants;
    this.identityService = identityService;
    this.transaction = transaction;
  }

  /** The starting teams of a pathway. */
  public List<String> of(String processKey) {
    return properties.starters().getOrDefault(processKey, List.of());
  }

  @Override
  public void run(ApplicationArguments args) {
    int changes = transaction.execute(status -> {
      int count = 0;
      for (Map.Entry<String, List<String>> pathway : properties.starters().entrySet()) {
        for (String team : pathway.getValue()) {
          if (identityService.createGroupQuery().groupId(team).count() == 0) {
            LOG.warn("carerelay.pathways.starters.{} names unknown team {}", pathway.getKey(), team);
            continue;
          }
          count += grants.grant(team, PROCESS_DEFINITION, pathway.getKey(), CREATE_INSTANCE) ? 1 : 0;
          count += grants.grant(team, PROCESS_INSTANCE, ANY, CREATE) ? 1 : 0;
        }
      }
      return count;
    });
    LOG.info("Pathway starters in place ({} changes)", changes);
  }
}
