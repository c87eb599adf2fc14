package org.huian.problem;

/** One invalid field of a request: the JSON path and a Chinese message. */
public record FieldError(String field, String message) {}
