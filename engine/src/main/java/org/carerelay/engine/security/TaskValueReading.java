package org.carerelay.engine.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With {@code enforceSpecificVariablePermission}, a team reads the values of a task it is offered
 * through the task's own grant of {@code READ_VARIABLE}, which the engine adds to the grants it
 * writes for a task's candidate groups and users. Tasks opened before that setting have grants
 * without it: at start-up this adds it to every grant on one task that allows reading it, so partners
 * still see what their open tasks are about (grants on every task, such as the managers', are left
 * as they are). One statement; nothing changes once done.
 */
@Component
@Order(1)
class TaskValueReading implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TaskValueReading.class);

  private final JdbcClient jdbc;
  private final ProcessEngineConfigurationImpl engine;

  TaskValueReading(JdbcClient jdbc, ProcessEngineConfigurationImpl engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!engine.isEnforceSpecificVariablePermission()) {
      return;
    }
    int readVariable = TaskPermissions.READ_VARIABLE.getValue();
    int read = TaskPermissions.READ.getValue();
    int added = jdbc.sql("update " + engine.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION"
            + " set PERMS_ = PERMS_ + :readVariable, REV_ = REV_ + 1"
            + " where RESOURCE_TYPE_ = :task and RESOURCE_ID_ <> :any and TYPE_ = :grant and PERMS_ >= 0"
            + " and mod(PERMS_ / :read, 2) = 1 and mod(PERMS_ / :readVariable, 2) = 0")
        .param("readVariable", readVariable).param("read", read)
        .param("task", Resources.TASK.resourceType()).param("any", Authorization.ANY)
        .param("grant", Authorization.AUTH_TYPE_GRANT)
        .update();
    if (added > 0) {
      LOG.info("Open tasks: {} grants now let their team read the task's values", added);
    }
  }
}
