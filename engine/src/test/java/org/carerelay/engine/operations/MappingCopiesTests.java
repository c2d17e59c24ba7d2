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
 * CareRelay's copies of Camunda's mappings (the task query, the authorized group ids) stay copies:
 * Camunda's own files are the ones they were made from (an upgrade fails here until the copies are
 * made again), each copy differs only where it should, and the running engine uses them.
 */
@DemoRegionTest
class MappingCopiesTests {

  private static final String CAMUNDA = "org/camunda/bpm/engine/impl/mapping/";

  @Autowired
  ProcessEngine engine;

  @Test
  void camundasOwnMappingsAreTheOnesTheCopyWasMadeFrom() throws Exception {
    assertThat(sha256(CAMUNDA + "entity/Task.xml")).as("Camunda's Task.xml changed: copy it again into"
        + " carerelay/mybatis/Task.xml with the EXISTS check, then record its new digest here")
        .isEqualTo("616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821");
    assertThat(sha256(CAMUNDA + "entity/Authorization.xml")).as("Camunda's Authorization.xml changed: copy it"
        + " again into carerelay/mybatis/Authorization.xml with the stepping query, then record its new digest here")
        .isEqualTo("4d73791119716f7ce1ca86e4344d285c51c09a17e75d5f1e93013a5c551ccf92");
    assertThat(sha256(CAMUNDA + "mappings.xml")).as("Camunda's mappings.xml changed: copy it again")
        .isEqualTo("77b6b8df55c88b0f3a7b2239259ab5e4374884f2a8b1eb10d94107364c151d23");
  }

  @Test
  void theMappingsListDiffersOnlyInTheTwoCopies() throws Exception {
    assertThat(read(CareRelayProcessEngineConfiguration.MAPPINGS)).isEqualTo(read(CAMUNDA + "mappings.xml").replace(
        "<mapper resource=\"org/camunda/bpm/engine/impl/mapping/entity/Task.xml\" />",
        "<mapper resource=\"carerelay/mybatis/Task.xml\" /> <!-- CareRelay: the task query checks grants with EXISTS -->")
        .replace("<mapper resource=\"org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml\" />",
            "<mapper resource=\"carerelay/mybatis/Authorization.xml\" /> <!-- CareRelay: authorized group ids by index -->"));
  }

  @Test
  void theAuthorizationCopyDiffersOnlyInHowItReadsTheAuthorizedGroupIds() throws Exception {
    String ours = read("carerelay/mybatis/Authorization.xml");
    String camundas = read(CAMUNDA + "entity/Authorization.xml");
    assertThat(ours).contains("WITH RECURSIVE");
    assertThat(ours.replaceAll("(?s)<!--\\s*CareRelay.*?-->", "")
        .replaceAll("(?s)(<select id=\"selectAuthorizedGroupIds\" resultType=\"string\">).*?(</select>)",
            "$1 SELECT distinct(A.GROUP_ID_) FROM \\${prefix}ACT_RU_AUTHORIZATION A $2")
        .replaceAll("\\s+", " ")).as("everything else is Camunda's").isEqualTo(camundas.replaceAll("\\s+", " "));
  }

  @Test
  void theAuthorizedGroupIdsAreEveryGroupThatHoldsAGrant() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    java.util.List<String> everyGroup = engine.getAuthorizationService().createAuthorizationQuery().list().stream()
        .map(org.camunda.bpm.engine.authorization.Authorization::getGroupId).filter(java.util.Objects::nonNull)
        .distinct().sorted().toList();
    java.util.List<String> stepped = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getDbEntityManager().<String>selectList("selectAuthorizedGroupIds"));
    assertThat(everyGroup).hasSizeGreaterThan(10);
    assertThat(stepped).containsExactlyElementsOf(everyGroup);
  }

  @Test
  void theTaskCopyDiffersOnlyInTheTaskQuerysAuthorizationCheck() throws Exception {
    String ours = read("carerelay/mybatis/Task.xml");
    String camundas = read(CAMUNDA + "entity/Task.xml");
    assertThat(ours).contains("RES.ID_ IN ( <include refid=\"carerelayGrantedResourceIds\" /> )").contains("carerelayExists");
    assertThat(ours.replaceAll("(?s)<!--\\s*CareRelay.*?-->", "").replaceAll("(?s)<choose>\\s*<when test=\"authCheck"
        + ".shouldPerformAuthorizatioCheck[^\"]*carerelayExists\">.*?<otherwise>\\s*(<include refid=\"org.camunda.bpm.engine"
        + ".impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\" />)\\s*</otherwise>\\s*</choose>", "$1")
        .replaceAll("\\s*<bind name=\"carerelayExists\"[^>]*/>", "")
        .replaceAll("(?s)<sql id=\"carerelayGrantedResourceIds\">.*?</sql>", "")
        .replaceAll("\\s*<bind name=\"carerelayCountsEveryTask\"[^>]*/>", "")
        .replace(" &amp;&amp; !carerelayExists\">", "\">    ")
        .replaceAll("\\s+", " "))
        .as("everything else is Camunda's").isEqualTo(camundas.replaceAll("\\s+", " "));
  }

  @Test
  void theRunningEngineUsesTheCopies() {
    var mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration();
    assertThat(mybatis.getMappedStatement("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity"
        + ".selectTaskByQueryCriteria").getResource()).contains("carerelay/mybatis/Task.xml");
    assertThat(mybatis.getMappedStatement("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
        + ".selectAuthorizedGroupIds").getResource()).contains("carerelay/mybatis/Authorization.xml");
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = MappingCopiesTests.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sha256(String resource) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
        read(resource).getBytes(StandardCharsets.UTF_8)));
  }
}
