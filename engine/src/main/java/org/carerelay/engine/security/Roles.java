package org.carerelay.engine.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.carerelay.processes.cases.Case;
import org.carerelay.processes.handover.PartnerHandover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partnership's roles as Camunda groups, and what each may do. Partner staff are members of
 * their team's group (see the partner directory); the roles here span organisations.
 *
 * <ul>
 *   <li>partner staff: Tasklist; a task, and the case's values it shows, only while their team is its
 *       candidate group
 *   <li>{@value #HUB}: Tasklist; hub tasks; read access to every case and its values
 *   <li>{@value #MANAGERS}: Cockpit, read only; cases, their stages and references, but not their
 *       values (the patient's identity among them: {@code enforceSpecificVariablePermission})
 *   <li>{@value #DESIGNERS}: Cockpit, without case values; deploy process and decision definitions
 *   <li>{@value #GOVERNANCE}: the audit trail of who read or changed which case ({@code /api/audit})
 *   <li>{@value #OPERATIONS}: CareRelay's metrics for monitoring ({@code /actuator/prometheus})
 *   <li>{@value #ADMINISTRATORS}: everything, Admin included
 * </ul>
 */
@Component
@Order(0)
public class Roles implements ApplicationRunner {

  public static final String HUB = Case.HUB_GROUP;
  public static final String MANAGERS = "carerelay-managers";
  public static final String DESIGNERS = "carerelay-designers";
  /** Information governance: reads the audit trail of who saw which case; sees no case itself. */
  public static final String GOVERNANCE = "carerelay-governance";
  /** Operations: scrapes CareRelay's metrics ({@code /actuator/prometheus}); sees no case. */
  public static final String OPERATIONS = "carerelay-operations";
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";

  private static final Logger LOG = LoggerFactory.getLogger(Roles.class);

  private final IdentityService identityService;
  private final Grants grants;
  private final TransactionTemplate transaction;

  Roles(IdentityService identityService, Grants grants, TransactionTemplate transaction) {
    this.identityService = identityService;
    this.grants = grants;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    int changes = transaction.execute(status -> synchronise());
    LOG.info("Partnership roles in place ({} changes)", changes);
  }

  int synchronise() {
    int changes = 0;
    changes += group(HUB, "Coordination hub");
    changes += group(MANAGERS, "Partnership managers");
    changes += group(DESIGNERS, "Process designers");
    changes += group(GOVERNANCE, "Information governance");
    changes += group(OPERATIONS, "Operations");
    changes += group(ADMINISTRATORS, "Administrators");

    changes += count(grants.grant(HUB, APPLICATION, TASKLIST, ACCESS));
    changes += count(grants.grant(HUB, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK,
        READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE, READ_TASK_VARIABLE));
    changes += count(grants.grant(HUB, PROCESS_INSTANCE, ANY, READ));
    changes += count(grants.grant(HUB, TASK, ANY, READ));
    // The hub may start a stand-alone hand-off, e.g. for a request that arrived by phone.
    changes += count(grants.grant(HUB, PROCESS_DEFINITION, PartnerHandover.KEY, CREATE_INSTANCE));
    // ... and record a death for a patient with no open case.
    changes += count(grants.grant(HUB, PROCESS_DEFINITION, org.carerelay.processes.death.AfterDeath.KEY, CREATE_INSTANCE));
    changes += count(grants.grant(HUB, PROCESS_INSTANCE, ANY, CREATE));

    changes += count(grants.grant(MANAGERS, APPLICATION, COCKPIT, ACCESS));
    changes += count(grants.grant(MANAGERS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK));
    changes += count(grants.grant(MANAGERS, PROCESS_INSTANCE, ANY, READ));
    changes += count(grants.grant(MANAGERS, TASK, ANY, READ));
    changes += count(grants.grant(MANAGERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY));
    changes += count(grants.grant(MANAGERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ));
    changes += count(grants.grant(MANAGERS, DEPLOYMENT, ANY, READ));

    changes += count(grants.grant(DESIGNERS, APPLICATION, COCKPIT, ACCESS));
    changes += count(grants.grant(DESIGNERS, DEPLOYMENT, ANY, CREATE, READ, DELETE));
    // Designers move running cases onto a new version (/designer/), recorded as themselves.
    changes += count(grants.grant(DESIGNERS, PROCESS_DEFINITION, ANY, READ, UPDATE, READ_HISTORY,
        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.MIGRATE_INSTANCE));
    changes += count(grants.grant(DESIGNERS, DECISION_DEFINITION, ANY, READ, UPDATE, READ_HISTORY));
    changes += count(grants.grant(DESIGNERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ));

    for (Resources resource : Resources.values()) {
      changes += count(grants.grant(ADMINISTRATORS, resource, ANY, ALL));
    }
    return changes;
  }

  private int group(String id, String name) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group != null) {
      return 0;
    }
    group = identityService.newGroup(id);
    group.setName(name);
    group.setType(Groups.GROUP_TYPE_SYSTEM);
    identityService.saveGroup(group);
    return 1;
  }

  private static int count(boolean changed) {
    return changed ? 1 : 0;
  }
}
