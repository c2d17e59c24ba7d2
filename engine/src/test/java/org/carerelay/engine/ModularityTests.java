package org.carerelay.engine;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The engine's feature packages depend only on the features their {@code package-info.java}
 * allows, and on no cycle: a dependency added against the design fails the build here.
 */
class ModularityTests {

  @Test
  void everyFeatureUsesOnlyTheFeaturesItMay() {
    ApplicationModules.of(CareRelayApplication.class).verify();
  }
}
