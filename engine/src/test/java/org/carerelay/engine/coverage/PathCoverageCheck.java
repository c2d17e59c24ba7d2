package org.carerelay.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every path of every pathway is proven: after all the other tests (a surefire execution of its
 * own, last), every activity, event, gateway and sequence flow of each model in {@code processes/}
 * must have been taken by some test, as {@link PathRecorder} saw it in each test JVM.
 */
@Tag("path-coverage")
class PathCoverageCheck {

  @Test
  void everyElementOfEveryModelWasTakenBySomeTest() throws IOException {
    Set<String> taken = new TreeSet<>();
    if (Files.isDirectory(PathRecorder.DIRECTORY)) {
      try (Stream<java.nio.file.Path> files = Files.list(PathRecorder.DIRECTORY)) {
        for (java.nio.file.Path file : files.toList()) {
          taken.addAll(Files.readAllLines(file));
        }
      }
    }
    Set<String> missing = new TreeSet<>();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
      try (InputStream in = model.getInputStream()) {
        BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
          String key = process.getId();
          Stream.concat(
                  bpmn.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId),
                  bpmn.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId))
              .map(id -> key + " " + id)
              .filter(element -> !taken.contains(element))
              .forEach(missing::add);
        }
      }
    }
    assertThat(missing).as("elements no test took (process element), out of %d taken", taken.size()).isEmpty();
  }
}
