package org.carerelay.engine.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.carerelay.engine.problem.FieldProblem;
import org.carerelay.engine.problem.InvalidInput;
import org.carerelay.processes.SetsVariables;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Every new deployment passes {@link ModelRules} before it reaches the engine, whichever way it
 * comes: CareRelay's start-up, {@code /engine-rest/deployment/create}, the webapps or the Java API.
 * A refused deployment fails with {@link InvalidInput} (HTTP 400 naming each element and rule) and
 * nothing of it is stored. Deployments already in the database are not checked again when the
 * engine reloads them.
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, TaskListener.class,
      ExecutionListener.class, DelegateVariableMapping.class);

  private final ListableBeanFactory beans;
  private final ModelDeployment shipped;

  DeploymentGuard(ListableBeanFactory beans, ModelDeployment shipped) {
    this.beans = beans;
    this.shipped = shipped;
  }

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this::check);
    configuration.setCustomPreDeployers(deployers);
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new java.util.LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    List<FieldProblem> problems = problems(resources);
    if (!problems.isEmpty()) {
      throw new InvalidInput("The deployment '" + deployment.getName() + "'", problems);
    }
  }

  /**
   * The problems of a would-be deployment, without deploying it: what {@code POST /api/models/validate}
   * answers and what the build checks the shipped models with.
   */
  List<FieldProblem> validate(Map<String, byte[]> resources) {
    return configuration.getCommandExecutorTxRequired().execute(context -> problems(resources));
  }

  /** Needs a command context: references are looked up among the deployed definitions too. */
  private List<FieldProblem> problems(Map<String, byte[]> resources) {
    CommandContext context = Context.getCommandContext();
    Set<String> processes = new HashSet<>();
    Set<String> decisions = new HashSet<>();
    Set<String> forms = new HashSet<>();
    resources.forEach((name, content) -> DeployedKeys.collect(name, content, processes, decisions, forms));
    Map<String, Set<String>> fields = new java.util.HashMap<>();
    resources.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        FormFields.read(content).ifPresent(form -> fields.put(form.id(), form.keys()));
      }
    });
    ModelRules.Known known = new ModelRules.Known(
        key -> processes.contains(key) || context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null,
        key -> decisions.contains(key) || context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null,
        key -> forms.contains(key) || context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null,
        key -> fields.computeIfAbsent(key, deployed -> deployedFormFields(context, deployed)));
    Map<String, Set<String>> setBy = new java.util.HashMap<>();
    ModelRules.Allowed allowed = new ModelRules.Allowed(delegateBeans(), name -> shippedAsIs(name, resources.get(name)),
        known, bean -> setBy.computeIfAbsent(bean, this::variablesSetBy));
    List<FieldProblem> problems = new ArrayList<>();
    resources.forEach((name, content) -> problems.addAll(ModelRules.problems(name, content, allowed)));
    return problems;
  }

  /** The fields of the latest deployed form with this key; none when there is no such form. */
  private static Set<String> deployedFormFields(CommandContext context, String key) {
    var form = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
    if (form == null) {
      return Set.of();
    }
    var resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(form.getDeploymentId(),
        form.getResourceName());
    return resource == null ? Set.of() : FormFields.read(resource.getBytes()).map(FormFields::keys).orElse(Set.of());
  }

  /** The variables a CareRelay delegate bean declares it sets ({@code @SetsVariables}). */
  private Set<String> variablesSetBy(String bean) {
    Class<?> type = beans.containsBean(bean) ? beans.getType(bean, false) : null;
    SetsVariables declared = type == null ? null
        : org.springframework.core.annotation.AnnotationUtils.findAnnotation(type, SetsVariables.class);
    return declared == null ? Set.of() : Set.of(declared.value());
  }

  /** CareRelay's own delegates, by bean name: found by type without creating any bean. */
  private Set<String> delegateBeans() {
    Set<String> names = new HashSet<>();
    for (Class<?> type : DELEGATE_TYPES) {
      Arrays.stream(beans.getBeanNamesForType(type, true, false))
          .filter(name -> {
            Class<?> beanType = beans.getType(name, false);
            return beanType != null && beanType.getName().startsWith("org.carerelay.");
          })
          .forEach(names::add);
    }
    return names;
  }

  /** Whether a resource is a model CareRelay ships, unchanged (same name, same bytes). */
  private boolean shippedAsIs(String name, byte[] content) {
    Resource model = shipped.findResources().get(name);
    return model != null && Arrays.equals(bytes(model), content);
  }

  private static byte[] bytes(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + resource, e);
    }
  }
}
