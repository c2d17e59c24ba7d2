package org.carerelay.engine.web;

import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.carerelay.engine.partner.PartnerDirectory;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.security.Roles;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** CareRelay's own pages: the login page and the start page that leads to the webapps. */
@Controller
class HomeController {

  record Webapp(String id, String name, String description) {}

  private static final List<Webapp> WEBAPPS = List.of(
      new Webapp("tasklist", "Tasklist", "Your team's hand-offs and tasks"),
      new Webapp("cockpit", "Cockpit", "Running cases, incidents and process definitions"),
      new Webapp("admin", "Admin", "Users, groups and authorizations"));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final PartnerDirectory directory;
  private final boolean demo;

  HomeController(IdentityService identityService, AuthorizationService authorizationService,
      PartnerDirectory directory, Environment environment) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.directory = directory;
    this.demo = environment.matchesProfiles("demo");
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(Principal principal, Model model) {
    String userId = principal.getName();
    User user = identityService.createUserQuery().userId(userId).singleResult();
    List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<Webapp> webapps = WEBAPPS.stream()
        .filter(app -> authorizationService.isUserAuthorized(
            userId, groupIds, Permissions.ACCESS, Resources.APPLICATION, app.id()))
        .toList();
    model.addAttribute("userId", userId);
    model.addAttribute("displayName", user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim());
    model.addAttribute("webapps", webapps);
    boolean overview = Callers.seesWholePartnership(groupIds);
    model.addAttribute("overview", overview);
    model.addAttribute("designer", groupIds.contains(Roles.DESIGNERS) || groupIds.contains(Roles.ADMINISTRATORS));
    model.addAttribute("ownEngagement", !overview && !directory.organisationsOfGroups(groupIds).isEmpty());
    model.addAttribute("demoMailbox", demo
        && (groupIds.contains(Roles.ADMINISTRATORS) || groupIds.contains(Roles.MANAGERS)));
    return "home";
  }
}
