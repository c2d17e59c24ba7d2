package org.carerelay.engine.deployment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.engine.security.Callers;
import org.carerelay.engine.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The deployed models for designers and administrators ({@code GET /api/models}, one version's XML),
 * and {@code POST /api/models/validate}: the checker every deployment passes, asked without deploying. Send the models as
 * {@code {"resources": [{"name": "hospice-admission.bpmn", "content": "<?xml ..."}]}}; the answer
 * lists each problem with the element's id ({@code field}), where it is ({@code label}) and the rule.
 */
@RestController
@RequestMapping("/api/models")
class ModelsController {

  /** One model, by its file name (its ending says what it is: .bpmn, .dmn, .form). */
  record Model(String name, String content) {}

  record Validation(List<Model> resources) {}

  record Answer(boolean valid, List<FieldProblem> problems) {}

  private static final int MOST_RESOURCES = 50;

  private final DeploymentGuard guard;
  private final DeployedModels deployed;
  private final Migrations migrations;
  private final ModelChanges changes;

  ModelsController(DeploymentGuard guard, DeployedModels deployed, Migrations migrations, ModelChanges changes) {
    this.guard = guard;
    this.deployed = deployed;
    this.migrations = migrations;
    this.changes = changes;
  }

  /** {@code GET /api/models}: every deployed process and decision table with its versions. */
  @GetMapping
  List<DeployedModels.Model> models(Authentication caller) {
    designersOnly(caller);
    return deployed.all();
  }

  /** {@code GET /api/models/process/{id}} or {@code /api/models/decision/{id}}: one version's BPMN or DMN. */
  @GetMapping("/{kind}/{id}")
  ResponseEntity<String> model(@PathVariable String kind, @PathVariable String id, Authentication caller) {
    designersOnly(caller);
    String xml = deployed.xml(kind, id);
    if (xml == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + kind + " version " + id + " is deployed.");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
  }

  @PostMapping("/validate")
  Answer validate(@RequestBody(required = false) Validation validation, Authentication caller) {
    designersOnly(caller);
    List<FieldProblem> problems = guard.validate(resources(validation));
    return new Answer(problems.isEmpty(), problems);
  }

  /**
   * {@code POST /api/models/changes}: what the models change against the versions that run now, by
   * element id: added, removed or changed, with what it was and becomes. Nothing is deployed.
   */
  @PostMapping("/changes")
  ModelChanges.Changes changes(@RequestBody(required = false) Validation validation, Authentication caller) {
    designersOnly(caller);
    return changes.against(resources(validation));
  }

  /**
   * {@code POST /api/models/deploy}: deploys models as new versions, only when the checker finds
   * nothing (else 400 naming each element); answers the new versions and who deployed them when.
   */
  @PostMapping("/deploy")
  DeployedModels.Deployed deploy(@RequestBody(required = false) Validation validation, Authentication caller) {
    designersOnly(caller);
    Map<String, byte[]> resources = resources(validation);
    List<FieldProblem> problems = guard.validate(resources);
    if (!problems.isEmpty()) {
      throw new InvalidInput("The models", problems);
    }
    return deployed.deploy(resources, caller.getName());
  }

  private static Map<String, byte[]> resources(Validation validation) {
    if (validation == null || validation.resources() == null || validation.resources().isEmpty()) {
      throw new InvalidInput("The models", new FieldProblem("resources", "send at least one model: "
          + "{\"resources\": [{\"name\": \"x.bpmn\", \"content\": \"...\"}]}"));
    }
    if (validation.resources().size() > MOST_RESOURCES) {
      throw new InvalidInput("The models", new FieldProblem("resources", "at most " + MOST_RESOURCES + " at a time"));
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Model model : validation.resources()) {
      if (model == null || model.name() == null || model.name().isBlank() || model.content() == null) {
        throw new InvalidInput("The models", new FieldProblem("resources", "each model needs a name and a content"));
      }
      resources.put(model.name().strip(), model.content().getBytes(StandardCharsets.UTF_8));
    }
    return resources;
  }

  /** Which version running cases move to (the latest when not given), and which cases. */
  record MigrationRequest(Integer toVersion, List<String> caseIds) {}

  /**
   * {@code POST /api/models/{key}/migrations/dry-run}: every running case of the pathway on another
   * version, whether it can move to the target version and why not, and its timers (which keep
   * their due times). Nothing changes.
   */
  @PostMapping("/{key}/migrations/dry-run")
  Migrations.DryRun dryRun(@PathVariable String key, @RequestBody(required = false) MigrationRequest request,
      Authentication caller) {
    designersOnly(caller);
    return migrations.dryRun(target(key, request));
  }

  /** {@code POST /api/models/{key}/migrations}: moves the chosen cases onto the target version. */
  @PostMapping("/{key}/migrations")
  Migrations.Migrated migrate(@PathVariable String key, @RequestBody(required = false) MigrationRequest request,
      Authentication caller) {
    designersOnly(caller);
    var target = target(key, request);
    if (request == null || request.caseIds() == null || request.caseIds().isEmpty()) {
      throw new InvalidInput("The migration", new FieldProblem("caseIds", "name the cases to move"));
    }
    try {
      return migrations.migrate(target, request.caseIds(), caller.getName(), Callers.groups(caller));
    } catch (org.camunda.bpm.engine.ProcessEngineException | IllegalArgumentException e) {
      throw new InvalidInput("The migration", new FieldProblem("caseIds", "could not move: " + e.getMessage()));
    }
  }

  private org.camunda.bpm.engine.repository.ProcessDefinition target(String key,
      MigrationRequest request) {
    var target = migrations.target(key, request == null ? null : request.toVersion());
    if (target == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No version " + (request == null
          || request.toVersion() == null ? "" : request.toVersion() + " ") + "of " + key + " is deployed.");
    }
    return target;
  }

  static void designersOnly(Authentication caller) {
    List<String> groups = Callers.groups(caller);
    if (!groups.contains(Roles.DESIGNERS) && !groups.contains(Roles.ADMINISTRATORS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Models are for designers and administrators.");
    }
  }
}
