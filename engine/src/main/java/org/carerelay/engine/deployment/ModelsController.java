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
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/models/validate}: the checker every deployment passes, asked without deploying,
 * for designers and administrators. Send the models as
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

  ModelsController(DeploymentGuard guard) {
    this.guard = guard;
  }

  @PostMapping("/validate")
  Answer validate(@RequestBody(required = false) Validation validation, Authentication caller) {
    List<String> groups = Callers.groups(caller);
    if (!groups.contains(Roles.DESIGNERS) && !groups.contains(Roles.ADMINISTRATORS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Models are checked by designers and administrators.");
    }
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
    List<FieldProblem> problems = guard.validate(resources);
    return new Answer(problems.isEmpty(), problems);
  }
}
