package org.carerelay.engine.reports;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The heatmap's read model and what Camunda's history may leave out. */
class ActivityTimesTests {

  @Test
  void historyMayNotLeaveOutAStepWhereCasesWait() {
    assertThatThrownBy(() -> new ActivityTimes(null, Set.of("exclusiveGateway", "userTask", "intermediateTimer")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("carerelay.history.steps-left-out names intermediateTimer, userTask, where cases wait");
  }

  @Test
  void historyMayLeaveOutStepsThatOnlyChooseOrCompute() {
    assertThatCode(() -> new ActivityTimes(null,
        Set.of("exclusiveGateway", "serviceTask", "businessRuleTask", "scriptTask", "startEvent"))).doesNotThrowAnyException();
  }
}
