package org.huian.config;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine ({@link ScalaFeelEngine}: the same feel-scala engine, value mappers and
 * custom functions) that parses each expression once. Camunda's own engine calls feel-scala's
 * {@code evalExpression(String, …)}, which parses the text again on every evaluation; a case's
 * three decision tables evaluate up to about 55 input expressions and entries, always the same
 * few dozen texts. Here the parsed (and validated) expression is kept per text, and evaluation
 * runs feel-scala's {@code eval(ParsedExpression, Context)}: the same interpreter on the same
 * tree, so the semantics and the error messages are the engine's.
 *
 * <p>The cache is keyed by the expression's text, so a designer's new table version simply adds
 * its texts; it is cleared when it holds more than {@link #MAX_CACHED} texts (far more than all
 * deployed tables hold), so a stream of generated expressions cannot grow it without bound.
 * Every evaluation is counted by {@link Evaluations} (metric {@code huian_feel_evaluations_total}).
 */
class CachingFeelEngine extends ScalaFeelEngine {

  static final int MAX_CACHED = 10_000;

  /** Counts evaluations by kind: {@code expression} (input expressions, output entries) or {@code unary_tests} (input entries). */
  interface Evaluations {
    void expression();

    void unaryTests();

    Evaluations NONE = new Evaluations() {
      @Override
      public void expression() {}

      @Override
      public void unaryTests() {}
    };
  }

  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
  private final Evaluations evaluations;

  CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders, Evaluations evaluations) {
    super(functionProviders);
    this.evaluations = evaluations;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    evaluations.expression();
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) valueOf(feelEngine.eval(parsed, context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    evaluations.unaryTests();
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
  }

  /** Texts held in the two caches (for tests). */
  int cached() {
    return expressions.size() + unaryTests.size();
  }

  private static ParsedExpression parsed(ConcurrentHashMap<String, Either<Failure, ParsedExpression>> cache, String text,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    Either<Failure, ParsedExpression> parsed = cache.get(text);
    if (parsed == null) {
      parsed = parser.apply(text);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(text, parsed);
    }
    return (ParsedExpression) valueOf(parsed);
  }

  /** The value of a feel-scala result, or the engine's own exception with feel-scala's message. */
  private static Object valueOf(Either<Failure, ?> either) {
    if (either instanceof Right<?, ?> right) {
      return right.value();
    }
    Failure failure = (Failure) ((Left<?, ?>) either).value();
    throw evaluationException(failure.message());
  }

  private static FeelException evaluationException(String message) {
    return LOGGER.evaluationException(message);
  }
}
