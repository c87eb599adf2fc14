package org.huian.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed, named process variable, so delegates never cast {@code getVariable("x")} by hand.
 * Descriptors (one per BPMN file) hold the instances.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public String name() {
    return name;
  }

  /** The value; fails loudly when the variable is missing, which is a modelling error. */
  public T get(VariableScope scope) {
    return optional(scope)
        .orElseThrow(() -> new IllegalStateException("process variable '" + name + "' is not set"));
  }

  public Optional<T> optional(VariableScope scope) {
    return Optional.ofNullable(convert(scope.getVariable(name)));
  }

  public T getOrDefault(VariableScope scope, T fallback) {
    return optional(scope).orElse(fallback);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  @SuppressWarnings("unchecked")
  T convert(Object value) {
    if (value == null || type.isInstance(value)) {
      return (T) value;
    }
    if (value instanceof Number n) {
      if (type == Integer.class) {
        return (T) Integer.valueOf(n.intValue());
      }
      if (type == Long.class) {
        return (T) Long.valueOf(n.longValue());
      }
      if (type == Double.class) {
        return (T) Double.valueOf(n.doubleValue());
      }
    }
    if (type == String.class) {
      return (T) value.toString();
    }
    if (type == Boolean.class && value instanceof String s) {
      return (T) Boolean.valueOf(s);
    }
    throw new IllegalStateException(
        "process variable '" + name + "' holds a " + value.getClass().getSimpleName()
            + ", expected " + type.getSimpleName());
  }
}
