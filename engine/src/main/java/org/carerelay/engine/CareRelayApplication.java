package org.carerelay.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CareRelay: cross-organisation care pathways on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareRelayApplication {

  public static void main(String[] args) {
    SpringApplication.run(CareRelayApplication.class, args);
  }
}
