package org.huian.problem;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A client's request (REST body or submitted form) that breaks a rule; answered with 400. It is a
 * {@link FormFieldValidationException}, the one engine exception that {@code /engine-rest} (and so
 * Tasklist) answers with 400 and the message when a delegate throws it while a form is submitted
 * or a task completed.
 */
public class InvalidRequestException extends FormFieldValidationException {

  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(List.copyOf(errors), summary(errors));
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    StringBuilder sb = new StringBuilder("提交的内容有误：");
    for (FieldError e : errors) {
      sb.append(e.field()).append(" ").append(e.message()).append("；");
    }
    return sb.toString();
  }
}
