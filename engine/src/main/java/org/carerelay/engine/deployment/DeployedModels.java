package org.carerelay.engine.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.carerelay.engine.time.PartnershipTime;
import org.springframework.stereotype.Component;

/** The pathways, hand-off block and decision tables deployed, each with its versions, for designers. */
@Component
class DeployedModels {

  record Version(String id, int version, String deployed, String resource) {}

  record Model(String key, String name, String kind, List<Version> versions) {}

  static final String PROCESS = "process";
  static final String DECISION = "decision";

  private final RepositoryService repository;
  private final PartnershipTime time;

  DeployedModels(RepositoryService repository, PartnershipTime time) {
    this.repository = repository;
    this.time = time;
  }

  /** Processes first, then decision tables; each by name, newest version first. */
  List<Model> all() {
    Map<String, String> deployed = new LinkedHashMap<>();
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      deployed.put(deployment.getId(), time.show(deployment.getDeploymentTime().toInstant()));
    }
    List<Model> models = new ArrayList<>();
    models.addAll(group(PROCESS, repository.createProcessDefinitionQuery().orderByProcessDefinitionVersion().desc()
        .list(), deployed));
    models.addAll(group(DECISION, repository.createDecisionDefinitionQuery().orderByDecisionDefinitionVersion().desc()
        .list(), deployed));
    return models;
  }

  private static List<Model> group(String kind, List<? extends ResourceDefinition> definitions,
      Map<String, String> deployed) {
    Map<String, List<ResourceDefinition>> byKey = new LinkedHashMap<>();
    definitions.forEach(definition -> byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>())
        .add(definition));
    return byKey.values().stream()
        .map(versions -> new Model(versions.get(0).getKey(),
            versions.get(0).getName() == null ? versions.get(0).getKey() : versions.get(0).getName(), kind,
            versions.stream().map(definition -> new Version(definition.getId(), definition.getVersion(),
                deployed.getOrDefault(definition.getDeploymentId(), ""), definition.getResourceName())).toList()))
        .sorted(java.util.Comparator.comparing(Model::name))
        .toList();
  }

  /** The new versions a designer's deployment made, by key. */
  record NewVersion(String key, String name, int version) {}

  record Deployed(String deploymentId, String deployedBy, String deployed, List<NewVersion> versions) {}

  /**
   * Deploys models that passed the checker as new versions, recording who and when in the
   * deployment's name and source ({@code carerelay-designer}). Running cases keep their version.
   */
  Deployed deploy(Map<String, byte[]> resources, String user) {
    var builder = repository.createDeployment().name("Deployed by " + user).source("carerelay-designer");
    resources.forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
    var result = builder.deployWithResult();
    List<NewVersion> versions = new ArrayList<>();
    // Camunda answers null, not an empty list, for a kind the deployment has none of.
    java.util.Objects.requireNonNullElse(result.getDeployedProcessDefinitions(),
            List.<org.camunda.bpm.engine.repository.ProcessDefinition>of())
        .forEach(definition -> versions.add(new NewVersion(definition.getKey(), definition.getName(),
            definition.getVersion())));
    java.util.Objects.requireNonNullElse(result.getDeployedDecisionDefinitions(),
            List.<org.camunda.bpm.engine.repository.DecisionDefinition>of())
        .forEach(definition -> versions.add(new NewVersion(definition.getKey(), definition.getName(),
            definition.getVersion())));
    return new Deployed(result.getId(), user, time.show(result.getDeploymentTime().toInstant()), versions);
  }

  /** A version's BPMN or DMN, or null when there is none with that id. */
  String xml(String kind, String id) {
    Function<String, InputStream> source = switch (kind) {
      case PROCESS -> definition -> repository.createProcessDefinitionQuery().processDefinitionId(definition).count() == 0
          ? null : repository.getProcessModel(definition);
      case DECISION -> definition -> repository.createDecisionDefinitionQuery().decisionDefinitionId(definition)
          .count() == 0 ? null : repository.getDecisionModel(definition);
      default -> definition -> null;
    };
    try (InputStream xml = source.apply(id)) {
      return xml == null ? null : new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
