package org.huian.problem;

import java.util.List;

/** An imported file refused whole (answered 400 with every row error); nothing of it was applied. */
public class FileRejectedException extends RuntimeException {

  private final transient List<RowError> errors;

  public FileRejectedException(String detail, List<RowError> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public List<RowError> errors() {
    return errors;
  }
}
