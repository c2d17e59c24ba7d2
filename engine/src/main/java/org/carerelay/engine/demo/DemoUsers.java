package org.carerelay.engine.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo region's staff, one or more per team, each with the password {@value #PASSWORD}.
 * Runs only in the demo profile, after the directory has created the teams. A user that already
 * exists keeps its password (someone may have changed it); its memberships follow the file.
 */
@Component
@Profile("demo")
@Order(2)
class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "demo";

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  record DemoUserFile(List<DemoUser> users) {}

  private final IdentityService identityService;
  private final TransactionTemplate transaction;
  private final Resource file;

  DemoUsers(IdentityService identityService, TransactionTemplate transaction,
      @Value("${carerelay.demo.users-location}") Resource file) {
    this.identityService = identityService;
    this.transaction = transaction;
    this.file = file;
  }

  @Override
  public void run(ApplicationArguments args) {
    DemoUserFile demo;
    try (InputStream in = file.getInputStream()) {
      demo = YAML.readValue(in, DemoUserFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo users " + file, e);
    }
    int changes = transaction.execute(status -> demo.users().stream().mapToInt(this::synchronise).sum());
    LOG.info("Demo users: {} declared, {} changes; every password is '{}'", demo.users().size(), changes, PASSWORD);
  }

  private int synchronise(DemoUser demoUser) {
    int changes = 0;
    User user = identityService.createUserQuery().userId(demoUser.id()).singleResult();
    if (user == null) {
      user = identityService.newUser(demoUser.id());
      user.setFirstName(demoUser.firstName());
      user.setLastName(demoUser.lastName());
      user.setEmail(demoUser.id() + "@demo.carerelay.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      changes++;
    }
    Set<String> current = identityService.createGroupQuery().groupMember(demoUser.id()).list().stream()
        .map(Group::getId).collect(Collectors.toCollection(HashSet::new));
    for (String group : demoUser.groups()) {
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        throw new IllegalStateException("Demo user " + demoUser.id() + " names unknown group " + group);
      }
      if (!current.remove(group)) {
        identityService.createMembership(demoUser.id(), group);
        changes++;
      }
    }
    for (String group : current) {
      identityService.deleteMembership(demoUser.id(), group);
      changes++;
    }
    return changes;
  }
}
