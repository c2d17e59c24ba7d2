package org.carerelay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * CareRelay on its embedded default, H2 in files: a restart keeps every case, and only changed
 * models become new versions.
 */
@StandaloneApplication
class EmbeddedDatabaseRestartTests {

  @TempDir
  Path workDir;

  @Test
  void aRestartKeepsCasesAndRedeploysOnlyChangedModels() throws IOException {
    Path models = Files.createDirectories(workDir.resolve("models/processes/probe"));
    Path bpmn = models.resolve("team-task-probe.bpmn");
    String model;
    try (InputStream in = getClass().getResourceAsStream("/org/carerelay/engine/team-task-probe.bpmn")) {
      model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(bpmn, model);
    try (InputStream form = getClass().getResourceAsStream("/org/carerelay/engine/team-task-probe.form")) {
      Files.write(models.resolve("team-task-probe.form"), form.readAllBytes()); // its task's form
    }

    String caseId;
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      assertThat(versions(engine.getRepositoryService())).isEqualTo(1);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(TeamTaskProbe.KEY)
          .singleResult().getResourceName()).isEqualTo("processes/probe/team-task-probe.bpmn");
      caseId = engine.getRuntimeService().startProcessInstanceByKey(TeamTaskProbe.KEY,
          java.util.Map.of("team", "icb-chc")).getId();
    }
    assertThat(workDir.resolve("data")).isDirectoryContaining(path -> path.getFileName().toString().endsWith(".mv.db"));

    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(caseId).taskCandidateGroup("icb-chc").count())
          .isOne();
      assertThat(versions(engine.getRepositoryService())).as("an unchanged model is not redeployed").isEqualTo(1);
    }

    Files.writeString(bpmn, model.replace("name=\"Team task probe\"", "name=\"Team task probe, revised\""));
    try (ConfigurableApplicationContext third = start()) {
      ProcessEngine engine = third.getBean(ProcessEngine.class);
      assertThat(versions(engine.getRepositoryService())).as("a changed model is a new version").isEqualTo(2);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CareRelayApplication.class)
        .profiles("demo")
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("data/carerelay") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--camunda.bpm.job-execution.enabled=false",
            "--carerelay.demo-mail.port=0",
            "--carerelay.models.locations=file:" + workDir.resolve("models") + "/processes/**/*.bpmn,file:"
                + workDir.resolve("models") + "/processes/**/*.form");
  }

  private static long versions(RepositoryService repository) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(TeamTaskProbe.KEY).count();
  }
}
