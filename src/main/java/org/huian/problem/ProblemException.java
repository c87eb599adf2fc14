package org.huian.problem;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A client's request refused with a given status, as RFC 7807 problem+json: the detail in
 * Chinese, the offending fields, and optionally a {@code Retry-After}. Capabilities throw this
 * for statuses the dedicated exceptions do not cover (413, 415, 429, …) rather than each adding a
 * handler of its own to {@link ApiProblemHandler}.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldError> errors;
  private final Duration retryAfter;

  public ProblemException(HttpStatus status, String detail, List<FieldError> errors, Duration retryAfter) {
    super(detail);
    this.status = status;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public ProblemException(HttpStatus status, String field, String detail) {
    this(status, detail, field == null ? List.of() : List.of(new FieldError(field, detail)), null);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** How long the client should wait before retrying, or {@code null}. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
