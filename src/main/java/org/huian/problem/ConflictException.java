package org.huian.problem;

/** The request clashes with what is stored (e.g. a reused external reference); answered with 409. */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
