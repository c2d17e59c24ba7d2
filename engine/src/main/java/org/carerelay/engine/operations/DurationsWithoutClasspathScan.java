package org.carerelay.engine.operations;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory}, unless the JVM names one already. Camunda reads every
 * timer's ISO 8601 duration (a hand-off sets eight) through a new {@code DatatypeFactory}, and without
 * this name the JDK looks for one in every jar on the class path, each time: CareRelay carries about
 * 200 jars and none provides one, so the JDK's own was used after a scan that took 2 % of the request
 * threads' CPU in the benchmark's P1 (README, "Benchmark"). The factory used is the same.
 */
@Component
class DurationsWithoutClasspathScan extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }
}
