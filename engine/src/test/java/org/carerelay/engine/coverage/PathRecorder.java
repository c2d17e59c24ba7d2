package org.carerelay.engine.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Records, in every test JVM whose engine deploys the models, each activity a case enters and each
 * sequence flow it takes, as {@code processKey elementId} lines under {@code target/path-coverage/}.
 * Written as it happens (a test JVM may be stopped without its shutdown hooks), read by
 * {@link PathCoverageCheck} once every test has run.
 */
@Component
class PathRecorder extends AbstractProcessEnginePlugin {

  static final Path DIRECTORY = Path.of(System.getProperty("carerelay.test.path-coverage", "target/path-coverage"));

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Path file = DIRECTORY.resolve("taken-" + ManagementFactory.getRuntimeMXBean().getPid() + ".txt");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        listenTo(process, process.getKey());
      }
    });
  }

  private void listenTo(ScopeImpl scope, String processKey) {
    for (ActivityImpl activity : scope.getActivities()) {
      activity.addListener(ExecutionListener.EVENTNAME_START, record(processKey, activity.getId()));
      for (var flow : activity.getOutgoingTransitions()) {
        ((TransitionImpl) flow).addListener(ExecutionListener.EVENTNAME_TAKE, record(processKey, flow.getId()));
      }
      listenTo(activity, processKey);
    }
  }

  private ExecutionListener record(String processKey, String elementId) {
    String line = processKey + " " + elementId;
    return (DelegateExecution execution) -> {
      if (seen.add(line)) {
        append(line);
      }
    };
  }

  private synchronized void append(String line) {
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
