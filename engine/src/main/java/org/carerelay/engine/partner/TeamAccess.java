package org.carerelay.engine.partner;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.carerelay.engine.security.Grants;
import org.carerelay.processes.cases.RecordDeath;
import org.carerelay.engine.security.Roles;
import org.springframework.stereotype.Component;

/**
 * A partner team in Camunda: its group, its Tasklist filter (its candidate tasks, claimed ones
 * included) and what its members may do. Staff see a task only while their team is a candidate
 * for it: Camunda grants the candidate group read and work rights on each task it is offered,
 * and nothing here grants access to other tasks or to process instances.
 */
@Component
class TeamAccess {

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final Grants grants;

  TeamAccess(IdentityService identityService, FilterService filterService, TaskService taskService, Grants grants) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
  }

  /** The outcome of one team's synchronisation. */
  record Result(String filterId, int changes) {}

  Result synchronise(String groupId, String displayName, String filterId) {
    int changes = 0;
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identityService.newGroup(groupId);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
    }
    if (!Objects.equals(group.getName(), displayName)) {
      group.setName(displayName);
      identityService.saveGroup(group);
      changes++;
    }

    Filter filter = filterId == null ? null : filterService.getFilter(filterId);
    Map<String, Object> properties = filterProperties(displayName);
    if (filter == null) {
      filter = filterService.newTaskFilter(displayName)
          .setQuery(taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks())
          .setProperties(properties);
      filterService.saveFilter(filter);
      changes++;
    } else if (!displayName.equals(filter.getName()) || !properties.equals(filter.getProperties())) {
      filter.setName(displayName);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
      changes++;
    }

    changes += grants.grant(groupId, APPLICATION, Roles.TASKLIST, ACCESS) ? 1 : 0;
    changes += grants.grant(groupId, PROCESS_DEFINITION, ANY, READ) ? 1 : 0;
    changes += grants.grant(groupId, FILTER, filter.getId(), READ) ? 1 : 0;
    // Anyone involved in a case may record, from Tasklist, that its patient died.
    changes += grants.grant(groupId, PROCESS_DEFINITION, RecordDeath.KEY, CREATE_INSTANCE) ? 1 : 0;
    changes += grants.grant(groupId, PROCESS_INSTANCE, ANY, CREATE) ? 1 : 0;
    return new Result(filter.getId(), changes);
  }

  /**
   * The Tasklist filter of a partnership role's group (the hub), found by its name since no
   * directory row keeps its id.
   */
  int synchroniseRoleFilter(String groupId, String displayName) {
    Filter existing = filterService.createFilterQuery().filterName(displayName).singleResult();
    return synchronise(groupId, displayName, existing == null ? null : existing.getId()).changes();
  }

  /** Removes a team that left the directory: its grants, its filter and its group. */
  void remove(String groupId, String filterId) {
    grants.revokeAll(groupId);
    if (filterId != null && filterService.getFilter(filterId) != null) {
      filterService.deleteFilter(filterId);
    }
    identityService.deleteGroup(groupId);
  }

  private static Map<String, Object> filterProperties(String displayName) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "Tasks offered to " + displayName + ", claimed ones included");
    properties.put("priority", 0);
    properties.put("refresh", true);
    properties.put("variables", List.of());
    return properties;
  }
}
