package org.carerelay.engine.decisions;

import camundajar.impl.scala.util.Either;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentLruCache;

/**
 * Camunda's FEEL engine (decision tables, and the forms' conditions), parsing each expression once.
 * Camunda's {@link ScalaFeelEngine} hands the FEEL engine an expression's text at every evaluation,
 * and the FEEL engine parses it anew each time (camunda/feel-scala#1149): in the benchmark's profile
 * of CareRelay, 80 of the 105 samples spent in decision tables were parsing the same rules again.
 * A parsed expression depends on its text only and is never changed by an evaluation, so the last
 * {@value #KEPT} of each kind are kept; everything else is Camunda's own, unchanged.
 */
public class ParseOnceFeelEngine extends ScalaFeelEngine {

  static final int KEPT = 2000;

  ParseOnceFeelEngine(List<FeelCustomFunctionProvider> functions) {
    super(functions);
  }

  /** The FEEL engine underneath, which keeps what it parsed. */
  Parsing parsing() {
    return (Parsing) feelEngine;
  }

  @Override
  protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions, CompositeValueMapper values) {
    return new Parsing(functions, values);
  }

  /** The FEEL engine as Camunda builds it (no external functions), remembering what it parsed. */
  static final class Parsing extends org.camunda.feel.FeelEngine {

    private final ConcurrentLruCache<String, Either<Failure, ParsedExpression>> expressions =
        new ConcurrentLruCache<>(KEPT, super::parseExpression);
    private final ConcurrentLruCache<String, Either<Failure, ParsedExpression>> unaryTests =
        new ConcurrentLruCache<>(KEPT, super::parseUnaryTests);

    Parsing(FunctionProvider functions, ValueMapper values) {
      super(functions, values, new Configuration(false), org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return expressions.get(expression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return unaryTests.get(expression);
    }
  }

  /**
   * Gives Camunda's decision engine this FEEL engine, with the custom functions it is configured
   * with; the legacy FEEL (Camunda's JUEL-based one), when asked for, stays as it is.
   */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (configuration.isDmnFeelEnableLegacyBehavior()) {
        return;
      }
      if (configuration.getDmnEngineConfiguration() == null) {
        configuration.setDmnEngineConfiguration(
            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
      }
      DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
      dmn.setFeelEngineFactory(() -> new ParseOnceFeelEngine(dmn.getFeelCustomFunctionProviders()));
    }
  }
}
