package org.huian.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the beans a model's expressions name ({@code ${xxxDelegate}}), in the style of
 * camunda-platform-7-mockito's {@code registerJavaDelegateMock}: each is registered in Camunda's
 * {@link Mocks} (which the model-test engine's expression manager reads) and every execution is
 * recorded, so a test can ask which delegates ran and how often. {@link ProcessModelTest} resets
 * them after each test.
 */
public final class DelegateMocks {

  private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

  /** A delegate that does {@code behaviour} and is recorded under its expression name. */
  public DelegateMocks delegate(String expression, JavaDelegate behaviour) {
    Mocks.register(expression, (JavaDelegate) execution -> {
      executed.add(expression);
      behaviour.execute(execution);
    });
    return this;
  }

  /** A delegate that only records that it ran. */
  public DelegateMocks delegate(String expression) {
    return delegate(expression, execution -> { });
  }

  /** An execution listener that does {@code behaviour} and is recorded under its expression name. */
  public DelegateMocks listener(String expression, ExecutionListener behaviour) {
    Mocks.register(expression, (ExecutionListener) execution -> {
      executed.add(expression);
      behaviour.notify(execution);
    });
    return this;
  }

  /** Any other bean an expression calls (e.g. {@code ${districtDecisions.tenantFor(…)}}). */
  public DelegateMocks bean(String name, Object bean) {
    Mocks.register(name, bean);
    return this;
  }

  /** How often the stand-in registered under {@code expression} ran. */
  public int executions(String expression) {
    synchronized (executed) {
      return (int) executed.stream().filter(expression::equals).count();
    }
  }

  /** The expression names in the order their stand-ins ran. */
  public List<String> executed() {
    synchronized (executed) {
      return List.copyOf(executed);
    }
  }

  void reset() {
    executed.clear();
    Mocks.reset();
  }
}
