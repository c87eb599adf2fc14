package org.huian.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The parse-caching FEEL engine decides exactly as Camunda's own: every shipped decision table,
 * evaluated over thousands of seeded random inputs by two stand-alone DMN engines (one with each
 * FEEL engine), gives the same result list; a broken expression fails with the same message; and
 * every evaluation is counted.
 */
class CachingFeelEngineTest {

  static final List<String> CATEGORIES = List.of("NEIGHBOUR", "FAMILY", "LABOUR", "WAGE_ARREARS", "PROPERTY_MANAGEMENT",
      "CONSUMER", "MEDICAL", "PETITION", "SAFETY_HAZARD", "TRAFFIC", "HOUSING", "CONSTRUCTION", "OTHER");
  static final List<String> CHANNELS = List.of("WINDOW", "HOTLINE", "ONLINE", "GRID_APP", "LETTER", "OPEN311");
  static final List<String> LEVELS = List.of("GRID", "COMMUNITY", "STREET", "DISTRICT");

  final AtomicInteger expressions = new AtomicInteger();
  final AtomicInteger unaryTests = new AtomicInteger();
  final CachingFeelEngine caching = new CachingFeelEngine(List.of(), new CachingFeelEngine.Evaluations() {
    @Override
    public void expression() {
      expressions.incrementAndGet();
    }

    @Override
    public void unaryTests() {
      unaryTests.incrementAndGet();
    }
  });
  final DmnEngine cached = engine(caching);
  final DmnEngine stock = engine(new ScalaFeelEngine(List.of()));

  static DmnEngine engine(org.camunda.bpm.dmn.feel.impl.FeelEngine feel) {
    DefaultDmnEngineConfiguration c = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    c.setFeelEngineFactory(() -> feel);
    return c.buildEngine();
  }

  DmnDecision[] both(String file, String key) {
    return new DmnDecision[] {parse(cached, file, key), parse(stock, file, key)};
  }

  static DmnDecision parse(DmnEngine engine, String file, String key) {
    InputStream in = CachingFeelEngineTest.class.getClassLoader().getResourceAsStream("processes/" + file);
    assertThat(in).as(file).isNotNull();
    return engine.parseDecision(key, in);
  }

  void assertSame(String file, String key, int rounds, java.util.function.Function<Random, Map<String, Object>> inputs) {
    DmnDecision[] d = both(file, key);
    Random random = new Random(key.hashCode());
    int matched = 0;
    for (int i = 0; i < rounds; i++) {
      Map<String, Object> v = inputs.apply(random);
      Object a = outcome(() -> cached.evaluateDecisionTable(d[0], v).getResultList());
      Object b = outcome(() -> stock.evaluateDecisionTable(d[1], v).getResultList());
      assertThat(a).as("%s with %s", key, v).isEqualTo(b);
      if (a instanceof List<?> l && !l.isEmpty()) {
        matched++;
      }
    }
    assertThat(matched).as("inputs of %s that matched a rule", key).isGreaterThan(rounds / 2);
  }

  /** The result list, or the failure's class and message. */
  static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  static <T> T any(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  @Test
  void shouldRouteAsCamundasFeelEngineDoes() {
    assertSame("case-routing.dmn", "case-routing", 3000, r -> {
      Map<String, Object> v = new HashMap<>();
      v.put("category", any(r, CATEGORIES));
      v.put("channel", any(r, CHANNELS));
      v.put("peopleInvolved", r.nextInt(60));
      v.put("amountInvolved", r.nextBoolean() ? 0.0 : r.nextDouble() * 2_000_000);
      v.put("crossRegion", r.nextInt(8) == 0);
      v.put("crossDepartment", r.nextInt(8) == 0);
      return v;
    });
  }

  @Test
  void shouldSetDeadlinesAndDispatchAsCamundasFeelEngineDoes() {
    assertSame("case-deadlines.dmn", "case-deadlines", 500, r -> {
      Map<String, Object> v = new HashMap<>();
      v.put("level", any(r, LEVELS));
      v.put("complexity", r.nextBoolean() ? "NORMAL" : "COMPLEX");
      return v;
    });
    assertSame("case-dispatch.dmn", "case-dispatch", 2000, r -> {
      Map<String, Object> v = new HashMap<>();
      v.put("level", any(r, LEVELS));
      v.put("category", any(r, CATEGORIES));
      v.put("crossRegion", r.nextInt(4) == 0);
      v.put("crossDepartment", r.nextInt(4) == 0);
      return v;
    });
  }

  @Test
  void shouldColourAndAssessAsCamundasFeelEngineDoes() {
    assertSame("risk-colour.dmn", "risk-colour", 2000, r -> {
      Map<String, Object> v = new HashMap<>();
      v.put("level", any(r, List.of("GRID", "COMMUNITY", "STREET")));
      v.put("score", r.nextDouble() * 120 - 10);
      return v;
    });
    assertSame("dialogue-assessment.dmn", "dialogue-assessment", 1000, r -> Map.of("unitScore", r.nextDouble() * 110));
  }

  @Test
  void shouldCountEveryEvaluationAndParseEachTextOnce() {
    DmnDecision routing = parse(cached, "case-routing.dmn", "case-routing");
    Map<String, Object> v = Map.of("category", "LABOUR", "channel", "WINDOW", "peopleInvolved", 3,
        "amountInvolved", 0.0, "crossRegion", false, "crossDepartment", false);
    cached.evaluateDecisionTable(routing, v);
    int cachedTexts = caching.cached();
    int first = expressions.get() + unaryTests.get();
    cached.evaluateDecisionTable(routing, v);
    assertThat(expressions.get()).as("input expressions and output entries, twice").isGreaterThanOrEqualTo(2 * 6 + 2 * 2);
    assertThat(unaryTests.get()).as("non-empty input entries of the rules tried").isPositive();
    assertThat(expressions.get() + unaryTests.get()).isEqualTo(2 * first);
    assertThat(caching.cached()).as("the second evaluation parses nothing new").isEqualTo(cachedTexts).isPositive();
  }

  @Test
  void shouldFailABrokenExpressionWithCamundasMessage() {
    var context = Variables.createVariables().putValue("x", 1).asVariableContext();
    Throwable ours = catchThrowable(() -> caching.evaluateSimpleExpression("x +* 2", context));
    Throwable theirs = catchThrowable(() -> new ScalaFeelEngine(List.of()).evaluateSimpleExpression("x +* 2", context));
    assertThat(ours).isInstanceOf(FeelException.class).hasMessage(theirs.getMessage());
    // the same text fails the same way from the cache
    assertThatThrownBy(() -> caching.evaluateSimpleExpression("x +* 2", context)).hasMessage(theirs.getMessage());
    Throwable ours2 = catchThrowable(() -> caching.evaluateSimpleUnaryTests("> > 3", "cellInput", context));
    Throwable theirs2 = catchThrowable(() -> new ScalaFeelEngine(List.of()).evaluateSimpleUnaryTests("> > 3", "cellInput", context));
    assertThat(ours2).isInstanceOf(FeelException.class).hasMessage(theirs2.getMessage());
    assertThat(caching.<Object>evaluateSimpleExpression("x + 2", context)).isEqualTo(3L);
  }

  @Test
  void shouldNotGrowWithoutBound() {
    var context = Variables.createVariables().putValue("x", 1).asVariableContext();
    for (int i = 0; i < CachingFeelEngine.MAX_CACHED + 50; i++) {
      assertThat(caching.<Object>evaluateSimpleExpression("x + " + i, context)).isEqualTo(1L + i);
    }
    assertThat(caching.cached()).isLessThanOrEqualTo(CachingFeelEngine.MAX_CACHED);
  }
}
