package org.huian.problem;

/** The caller's units may not see this; answered with 403. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
