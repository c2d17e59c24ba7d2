package org.carerelay.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CareRelay's copy of Camunda's task mappings stays a copy: Camunda's own files are the ones it was
 * made from (an upgrade fails here until the copy is made again), the copy differs only where it
 * should, and the running engine uses it.
 */
@DemoRegionTest
class TaskQueryMappingTests {

  private static final String CAMUNDA = "org/camunda/bpm/engine/impl/mapping/";

  @Autowired
  ProcessEngine engine;

  @Test
  void camundasOwnMappingsAreTheOnesTheCopyWasMadeFrom() throws Exception {
    assertThat(sha256(CAMUNDA + "entity/Task.xml")).as("Camunda's Task.xml changed: copy it again into"
        + " carerelay/mybatis/Task.xml with the EXISTS check, then record its new digest here")
        .isEqualTo("616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821");
    assertThat(sha256(CAMUNDA + "mappings.xml")).as("Camunda's mappings.xml changed: copy it again")
        .isEqualTo("77b6b8df55c88b0f3a7b2239259ab5e4374884f2a8b1eb10d94107364c151d23");
  }

  @Test
  void theCopyDiffersOnlyInTheTaskQuerysAuthorizationCheck() throws Exception {
    assertThat(read(CareRelayProcessEngineConfiguration.MAPPINGS)).isEqualTo(read(CAMUNDA + "mappings.xml").replace(
        "<mapper resource=\"org/camunda/bpm/engine/impl/mapping/entity/Task.xml\" />",
        "<mapper resource=\"carerelay/mybatis/Task.xml\" /> <!-- CareRelay: the task query checks grants with EXISTS -->"));
    String ours = read("carerelay/mybatis/Task.xml");
    String camundas = read(CAMUNDA + "entity/Task.xml");
    assertThat(ours).contains("exists (").contains("carerelayExists");
    assertThat(ours.replaceAll("(?s)<!--\\s*CareRelay.*?-->", "").replaceAll("(?s)<choose>\\s*<when test=\"authCheck"
        + ".shouldPerformAuthorizatioCheck[^\"]*carerelayExists\">.*?<otherwise>\\s*(<include refid=\"org.camunda.bpm.engine"
        + ".impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\" />)\\s*</otherwise>\\s*</choose>", "$1")
        .replaceAll("\\s*<bind name=\"carerelayExists\"[^>]*/>", "")
        .replace(" &amp;&amp; !carerelayExists\">", "\">    ")
        .replaceAll("\\s+", " "))
        .as("everything else is Camunda's").isEqualTo(camundas.replaceAll("\\s+", " "));
  }

  @Test
  void theRunningEngineUsesTheCopy() {
    var statement = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration().getMappedStatement(
            "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria");
    assertThat(statement.getResource()).contains("carerelay/mybatis/Task.xml");
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = TaskQueryMappingTests.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sha256(String resource) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
        read(resource).getBytes(StandardCharsets.UTF_8)));
  }
}
