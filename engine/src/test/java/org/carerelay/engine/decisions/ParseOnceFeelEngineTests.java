package org.carerelay.engine.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.carerelay.engine.DemoRegionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's FEEL parses a rule once and answers each evaluation for its own values. */
@DemoRegionTest
class ParseOnceFeelEngineTests {

  @Autowired
  ProcessEngineConfigurationImpl engine;

  private FeelEngine feel() {
    return engine.getDmnEngineConfiguration().getFeelEngine();
  }

  @Test
  void theDecisionTablesAndFormsUseIt() {
    assertThat(feel()).isInstanceOf(ParseOnceFeelEngine.class);
  }

  @Test
  void aRuleParsedOnceStillAnswersForEachInput() {
    String rule = "< 10, [20..30]";
    assertThat(unaryTest(rule, 5)).isTrue();
    assertThat(unaryTest(rule, 15)).isFalse();
    assertThat(unaryTest(rule, 25)).isTrue();
    var parsing = ((ParseOnceFeelEngine) feel()).parsing();
    assertThat(parsing.parseUnaryTests(rule)).as("the same parse, kept").isSameAs(parsing.parseUnaryTests(rule));

    String expression = "hours * 60 + minutes";
    assertThat((Object) feel().evaluateSimpleExpression(expression,
        Variables.fromMap(Map.of("hours", 2, "minutes", 5)).asVariableContext())).isEqualTo(125L);
    assertThat((Object) feel().evaluateSimpleExpression(expression,
        Variables.fromMap(Map.of("hours", 0, "minutes", 7)).asVariableContext())).isEqualTo(7L);
  }

  @Test
  void anExpressionThatDoesNotParseFailsEveryTime() {
    for (int time = 0; time < 2; time++) {
      assertThatThrownBy(() -> unaryTest("< < 10", 5)).isInstanceOf(FeelException.class);
    }
  }

  private boolean unaryTest(String rule, int value) {
    return feel().evaluateSimpleUnaryTests(rule, "value",
        Variables.fromMap(Map.of("value", value)).asVariableContext());
  }
}
