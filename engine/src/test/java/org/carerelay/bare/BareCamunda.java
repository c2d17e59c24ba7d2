package org.carerelay.bare;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jersey.JerseyAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's bare Camunda: Camunda 7.24's Spring Boot starter with its REST API and nothing
 * of CareRelay (no security, no authorization, no forms, no audit, no outbox), on the database
 * it is given, with the stock settings (history level full, the default job executor). It deploys
 * {@code benchmark/bare-handover.bpmn}, the shape of CareRelay's hand-off. Started by the benchmark
 * in a JVM of its own from the engine's test classpath, outside CareRelay's packages so nothing of
 * CareRelay is scanned; {@code --bare.seed-open-tasks=N} starts N hand-offs (250 to a transaction)
 * once it serves, for the task list benchmark.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
    JacksonAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class, JerseyAutoConfiguration.class,
    CamundaBpmAutoConfiguration.class, CamundaBpmRestJerseyAutoConfiguration.class})
public class BareCamunda {

  /** The teams the seeded hand-offs are offered to, in turn. */
  static final String[] TEAMS = {"oakleaf-care-coordinators", "bluebell-care-coordinators",
      "ces-deliveries", "ces-deliveries", "hw-community-nursing", "dc-community-nursing"};

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(BareCamunda.class);
    application.setDefaultProperties(Map.of(
        "spring.config.name", "bare-camunda",
        "camunda.bpm.auto-deployment-enabled", "false",
        "camunda.bpm.database.schema-update", "true"));
    application.run(args);
  }

  @Bean
  ApplicationRunner deployAndSeed(ProcessEngine engine, TransactionTemplate transaction, Environment environment) {
    return arguments -> {
      if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("bare-handover").count() == 0) {
        engine.getRepositoryService().createDeployment().name("bare-handover")
            .addClasspathResource("benchmark/bare-handover.bpmn").deploy();
      }
      int open = environment.getProperty("bare.seed-open-tasks", Integer.class, 0);
      for (int done = 0; done < open; done += 250) {
        int from = done;
        transaction.executeWithoutResult(status -> {
          for (int i = from; i < Math.min(open, from + 250); i++) {
            engine.getRuntimeService().startProcessInstanceByKey("bare-handover", "BM-" + i,
                variables(TEAMS[i % TEAMS.length], "Benchmark request " + i));
          }
        });
      }
      if (open > 0) {
        System.out.println("bare-camunda seeded " + open + " open hand-offs");
      }
    };
  }

  /** A bare hand-off's start variables: its team, its summary and the same timers as a CareRelay hand-off. */
  public static Map<String, Object> variables(String team, String summary) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerTeam", team);
    variables.put("requestSummary", summary);
    for (String stage : new String[] {"respond", "complete"}) {
      variables.put(stage + "Level1In", "PT2H");
      variables.put(stage + "Level2In", "PT4H");
      variables.put(stage + "Level3In", "PT8H");
      variables.put(stage + "DeadlineIn", "PT24H");
    }
    return variables;
  }
}
