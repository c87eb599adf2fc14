package org.huian.privacy;

import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.huian.security.ShowsPersonalNumbers;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes an access-log entry for every unmasked number an answer to a GET shows
 * ({@link ShowsPersonalNumbers}: a case's detail, a grid report's detail), one per field, as the
 * answer is written: a refused request (403, 404) logs nothing, and the answer to a POST (the
 * caller's own input echoed) neither.
 */
@ControllerAdvice
class AccessLogging implements ResponseBodyAdvice<Object> {

  private final AccessLog log;

  AccessLogging(AccessLog log) {
    this.log = log;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof ShowsPersonalNumbers shown && request.getMethod() == HttpMethod.GET
        && request instanceof ServletServerHttpRequest servlet
        && servlet.getServletRequest().getAttribute(ApiAuthenticationFilter.CURRENT_USER) instanceof CurrentUser user) {
      String path = "GET " + servlet.getServletRequest().getRequestURI();
      for (String field : shown.unmaskedNumberFields()) {
        log.record(user.id(), shown.accessLogCaseNo(), shown.accessLogItemRef(), field, AccessLog.Purpose.CASE_DETAIL, path);
      }
    }
    return body;
  }
}
