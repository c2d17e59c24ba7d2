package org.carerelay.engine.operations;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's configuration as Camunda's Spring Boot starter makes it, with one change: its MyBatis
 * mappings ({@code carerelay/mybatis/mappings.xml}, Camunda 7.24.0's own with one file replaced)
 * check a task query's grants with EXISTS per task instead of a join whose cost grows with the
 * square of a team's open tasks. {@code MappingCopiesTests} fails when Camunda's own mappings
 * change under it, so an upgrade cannot silently run with a stale copy.
 */
@Configuration(proxyBeanMethods = false)
class CareRelayProcessEngineConfiguration {

  static final String MAPPINGS = "carerelay/mybatis/mappings.xml";

  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(new Configured());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    return configuration;
  }

  /** Camunda's Spring configuration reading CareRelay's mappings. */
  static class Configured extends SpringProcessEngineConfiguration {

    @Override
    protected InputStream getMyBatisXmlConfigurationSteam() {
      return ReflectUtil.getResourceAsStream(MAPPINGS);
    }
  }
}
