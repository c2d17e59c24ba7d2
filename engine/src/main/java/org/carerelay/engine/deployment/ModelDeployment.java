package org.carerelay.engine.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.carerelay.engine.partner.DirectorySource;
import org.carerelay.engine.partner.DirectorySource.Locality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of the {@code processes} and {@code forms} modules, and the region's routing
 * table kept beside its partner directory ({@code carerelay.models.routing}), when the engine
 * starts, before the job executor runs. Forms get their region's choices as they are deployed
 * ({@link RegionForms}). Each resource is named by its path below the class-path root
 * ({@code processes/partner-handover/partner-handover.bpmn}), the same on every machine, so
 * Camunda's duplicate filter can tell what changed: only changed resources become new versions.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  /** The name the region's routing table is deployed under, whichever file it comes from. */
  static final String ROUTING_RESOURCE = "region/handover-routing.dmn";

  private final ModelProperties properties;
  private final ResourcePatternResolver resolver;
  private final DirectorySource directory;

  ModelDeployment(ModelProperties properties, ResourcePatternResolver resolver, DirectorySource directory) {
    this.properties = properties;
    this.resolver = resolver;
    this.directory = directory;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      LOG.warn("No BPMN, DMN or form resources found at {}", properties.locations());
      return;
    }
    DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
        .name(properties.deploymentName())
        .source("carerelay")
        .enableDuplicateFiltering(true);
    List<Locality> localities = directory.localities();
    List<DirectorySource.ServiceOption> services = directory.services();
    List<DirectorySource.PartnerOption> partners = directory.partners();
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        byte[] model = in.readAllBytes();
        if (name.endsWith(".form")) {
          model = RegionForms.withRegion(model, localities, services, partners);
        }
        deployment.addInputStream(name, new ByteArrayInputStream(model));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + resource, e);
      }
    });
    DeploymentWithDefinitions result = deployment.deployWithResult();
    LOG.info("Models: {} resources; new versions of {} process and {} decision definitions",
        resources.size(), sizeOf(result.getDeployedProcessDefinitions()),
        sizeOf(result.getDeployedDecisionDefinitions()));
  }

  /**
   * Resources by their path below the folder their pattern starts from, that folder included:
   * {@code classpath*:processes/**}{@code /*.bpmn} names a model {@code processes/<pathway>/<file>.bpmn}.
   */
  Map<String, Resource> findResources() {
    Map<String, Resource> found = new TreeMap<>();
    if (properties.routing() != null && !properties.routing().isBlank()) {
      Resource routing = resolver.getResource(properties.routing());
      if (!routing.exists()) {
        throw new IllegalStateException("The routing table carerelay.models.routing=" + properties.routing()
            + " does not exist");
      }
      found.put(ROUTING_RESOURCE, routing);
    }
    for (String location : properties.locations()) {
      int wildcard = location.indexOf('*', location.indexOf(':') + 2);
      String rootPattern = location.substring(0, location.lastIndexOf('/', wildcard < 0 ? location.length() : wildcard) + 1);
      String folder = rootPattern.substring(rootPattern.lastIndexOf('/', rootPattern.length() - 2) + 1);
      if (folder.contains(":")) {
        folder = folder.substring(folder.indexOf(':') + 1);
      }
      try {
        List<String> roots = new ArrayList<>();
        for (Resource root : resolver.getResources(rootPattern)) {
          roots.add(root.getURL().toString());
        }
        for (Resource resource : resolver.getResources(location)) {
          String url = resource.getURL().toString();
          String prefix = folder;
          roots.stream().filter(url::startsWith).findFirst().ifPresent(
              root -> found.put(prefix + url.substring(root.length()), resource));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list models at " + location, e);
      }
    }
    return found;
  }

  private static int sizeOf(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
