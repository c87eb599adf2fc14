package org.huian.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine the {@link CachingFeelEngine}: FEEL parsed once per expression
 * text instead of on every evaluation ({@code docs/performance.md}, "Expression cost"). The
 * decision tables, their expression languages and their semantics are unchanged; only where the
 * parsed form comes from differs. {@code huian.dmn.feel-parse-cache=false} restores Camunda's own
 * FEEL engine (the A/B of the benchmark); the evaluation counter counts only while the cache is on.
 *
 * <p>Metric: {@code huian_feel_evaluations_total{kind="expression"|"unary_tests"}}, from the first
 * scrape at 0.
 */
@Component
class FeelParseCache extends AbstractProcessEnginePlugin {

  private final boolean enabled;
  private final Counter expressions;
  private final Counter unaryTests;

  FeelParseCache(@Value("${huian.dmn.feel-parse-cache:true}") boolean enabled, MeterRegistry registry) {
    this.enabled = enabled;
    this.expressions = counter(registry, "expression");
    this.unaryTests = counter(registry, "unary_tests");
  }

  private static Counter counter(MeterRegistry registry, String kind) {
    return Counter.builder("huian.feel.evaluations")
        .description("FEEL evaluations of the decision tables (input expressions and output entries; input entries)")
        .tag("kind", kind).register(registry);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!enabled) {
      return;
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    DefaultDmnEngineConfiguration built = dmn;
    CachingFeelEngine.Evaluations counted = new CachingFeelEngine.Evaluations() {
      @Override
      public void expression() {
        expressions.increment();
      }

      @Override
      public void unaryTests() {
        unaryTests.increment();
      }
    };
    // the custom function providers are known only when the engine builds its DMN engine
    dmn.setFeelEngineFactory(new FeelEngineFactory() {
      @Override
      public FeelEngine createInstance() {
        return new CachingFeelEngine(built.getFeelCustomFunctionProviders() == null ? List.of()
            : built.getFeelCustomFunctionProviders(), counted);
      }
    });
  }
}
