package org.huian.config;

import org.huian.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.huian.problem.ConflictException;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of {@code /api} as RFC 7807 {@code application/problem+json}; invalid input names
 * its fields in {@code errors:[{field,message}]}. A client's mistake is never a 5xx.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "请求内容不符合要求", e.errors());
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> refused(ProblemException e) {
    ResponseEntity<Object> response = problem(e.status(), e.getMessage(), e.errors());
    if (e.retryAfter() == null) {
      return response;
    }
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(response.getBody());
  }

  /** A refused import file: every row's reason, nothing applied. */
  @ExceptionHandler(org.huian.problem.FileRejectedException.class)
  ResponseEntity<Object> fileRejected(org.huian.problem.FileRejectedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("文件未导入");
    problem.setProperty("errors", e.errors());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage(), null);
  }

  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  ResponseEntity<Object> notAuthorized(org.camunda.bpm.engine.AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "无权办理该任务", null);
  }

  /** A model the deployment guard (or the engine's parser) refused: nothing deployed. */
  @ExceptionHandler(org.camunda.bpm.engine.ParseException.class)
  ResponseEntity<Object> modelRefused(org.camunda.bpm.engine.ParseException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("部署被拒绝");
    problem.setProperty("errors", e.getResorceReports().stream().flatMap(r -> r.getErrors().stream()
        .map(p -> new FieldError(r.getResourceName(), p.getMessage()))).toList());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** A migration plan or instance Camunda cannot migrate, as a client's mistake. */
  @ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
  ResponseEntity<Object> badEngineRequest(org.camunda.bpm.engine.BadUserRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "请求参数类型不正确",
        List.of(new FieldError(e.getName(), "取值无效：" + e.getValue())));
  }

  @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
  ResponseEntity<Object> databaseDown(RuntimeException e) {
    log.warn("database unavailable: {}", e.toString());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "数据库暂时不可用，请稍后重试；本次请求未保存", null);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getMostSpecificCause();
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return problem(HttpStatus.BAD_REQUEST, "请求内容不符合要求", List.of(JsonProblems.fieldError(mapping)));
    }
    String detail = cause instanceof JsonMappingException || ex.getMessage() != null && ex.getMessage().contains("Required request body")
        ? "请求体为空或不是有效的 JSON" : "请求体不是有效的 JSON";
    return problem(HttpStatus.BAD_REQUEST, detail, List.of(new FieldError("body", detail)));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(response.getBody());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    if (DatabaseFailures.unreachable(e)) {
      return databaseDown(new RuntimeException(e.toString()));
    }
    log.error("unexpected error in /api", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请联系管理员", null);
  }


  static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (errors != null && !errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
