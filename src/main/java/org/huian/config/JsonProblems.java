package org.huian.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.huian.problem.FieldError;

/** Names the field a JSON body got wrong, for problem+json answers (whole bodies and NDJSON lines). */
public final class JsonProblems {

  private JsonProblems() {}

  /** The field error for a JSON body that could not be read; {@code body} when no field is to blame. */
  public static FieldError fieldError(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String message;
      if (mapping instanceof UnrecognizedPropertyException) {
        message = "不支持的字段";
      } else if (mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException) {
        message = "类型不正确";
      } else {
        message = "取值无效";
      }
      return new FieldError(path(mapping), message);
    }
    return new FieldError("body", "请求体不是有效的 JSON");
  }

  static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
