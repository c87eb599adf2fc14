package org.huian.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Jakarta constraints a request record breaks, as {@link FieldError}s named by JSON path
 * ({@code problems[0].links[1].kind}). The record's annotations state the rules (and springdoc
 * shows them in the OpenAPI schema); the service calls this where its own checks begin, so one
 * answer lists every broken rule, and the 403/404/409 it owes before validating still come first.
 */
public final class Constraints {

  private Constraints() {}

  /** One error per field: a missing value is reported before a malformed one. Empty when the body is valid. */
  public static List<FieldError> check(Validator validator, Object body) {
    if (body == null) {
      return List.of();
    }
    Set<? extends ConstraintViolation<?>> violations = validator.validate(body);
    Map<String, ConstraintViolation<?>> byField = new LinkedHashMap<>();
    violations.stream().sorted(Comparator.comparing((ConstraintViolation<?> v) -> path(v.getPropertyPath()))
            .thenComparing(v -> required(v) ? 0 : 1).thenComparing(ConstraintViolation::getMessage))
        .forEach(v -> byField.putIfAbsent(path(v.getPropertyPath()), v));
    List<FieldError> errors = new ArrayList<>();
    byField.forEach((field, v) -> errors.add(new FieldError(field.isEmpty() ? "body" : field, v.getMessage())));
    return errors;
  }

  private static boolean required(ConstraintViolation<?> v) {
    Class<?> type = v.getConstraintDescriptor().getAnnotation().annotationType();
    return type == NotNull.class || type == NotBlank.class || type == NotEmpty.class;
  }

  static String path(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(node.getName());
      }
    }
    return sb.toString();
  }
}
