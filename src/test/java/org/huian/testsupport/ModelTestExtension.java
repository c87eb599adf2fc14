package org.huian.testsupport;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The engine and coverage gate of every model test: Camunda's {@code ProcessEngineExtension} on
 * {@code model-test.camunda.cfg.xml} (in-memory H2, no job executor, engine {@code huian-model}),
 * through camunda-process-test-coverage, which fails a test class whose deployed models are below
 * {@link #CLASS_COVERAGE} and writes the HTML reports to {@code target/process-test-coverage/}.
 *
 * <p>{@code ProcessEngineCoverageExtension} is a final Kotlin class with a builder, so it cannot be
 * named in {@code @ExtendWith}; this extension holds one per test class (JUnit makes one instance
 * per class it is declared on) and hands every callback to it. Use it through {@link ProcessModelTest}.
 */
public class ModelTestExtension implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
    BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

  /** The class coverage every model test must reach (flow nodes and sequence flows of all deployed models). */
  public static final double CLASS_COVERAGE = 0.9;
  static final String ENGINE_CONFIGURATION = "model-test.camunda.cfg.xml";

  private final ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION).assertClassCoverageAtLeast(CLASS_COVERAGE).build();

  @Override
  public void beforeAll(ExtensionContext context) {
    engine.beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    engine.afterAll(context);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    engine.postProcessTestInstance(testInstance, context);
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    engine.beforeTestExecution(context);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    engine.afterTestExecution(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
    return engine.supportsParameter(parameter, context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
    return engine.resolveParameter(parameter, context);
  }
}
