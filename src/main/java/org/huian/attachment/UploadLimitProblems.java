package org.huian.attachment;

import java.util.List;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.huian.problem.FieldError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart requests refused by the servlet container before any controller runs
 * ({@code spring.servlet.multipart} limits, a broken multipart body): a 413 or 400 problem+json
 * naming the part, in the same shape as every other refusal of {@code /api}. These exceptions
 * come from Spring's request parsing, so they cannot be turned into a {@code ProblemException}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitProblems {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileSizeLimitExceededException file) {
        String field = file.getFieldName() == null ? "file" : file.getFieldName();
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, field, "文件过大：每个文件不能超过 "
            + megabytes(file.getPermittedSize()));
      }
      if (t instanceof FileCountLimitExceededException) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "files", "一次上传的部分过多");
      }
    }
    String limit = e.getMaxUploadSize() > 0 ? megabytes(e.getMaxUploadSize()) : "上限";
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "files", "上传的内容过大：一次请求合计不能超过 " + limit);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> broken(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return tooLarge(tooLarge);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileCountLimitExceededException) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "files", "一次上传的部分过多");
      }
    }
    return problem(HttpStatus.BAD_REQUEST, "body", "请求体不是有效的 multipart/form-data");
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("errors", List.of(new FieldError(field, detail)));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / 1024 / 1024 + " MB" : String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }
}
