package org.carerelay.engine.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Idempotent grants of Camunda authorizations to groups: a grant that is already there
 * changes nothing, so start-up can apply the whole set every time.
 */
@Component
public class Grants {

  private final AuthorizationService authorizationService;

  Grants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /**
   * Makes sure {@code groupId} holds {@code permissions} on the resource.
   *
   * @return whether anything was written
   */
  public boolean grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = find(groupId, resource, resourceId);
    boolean created = authorization == null;
    if (created) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (created || !authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (created || missing) {
      authorizationService.saveAuthorization(authorization);
      return true;
    }
    return false;
  }

  /** Removes every grant a group holds, before the group itself goes. */
  public int revokeAll(String groupId) {
    List<Authorization> all = authorizationService.createAuthorizationQuery().groupIdIn(groupId).list();
    all.forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    return all.size();
  }

  private Authorization find(String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }
}
