package org.huian.privacy;

import org.huian.cases.CaseView;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes an access-log entry for every unmasked phone a case's detail ({@code GET /api/cases/{caseNo}})
 * hands to a caseworker: one per field shown ({@code reporter.phone}, {@code parties[<id>].phone}),
 * as the answer is written, so a refused request (403, 404) logs nothing.
 */
@ControllerAdvice
class CaseDetailAccessLogging implements ResponseBodyAdvice<Object> {

  private final AccessLog log;

  CaseDetailAccessLogging(AccessLog log) {
    this.log = log;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return CaseView.Detail.class.isAssignableFrom(returnType.getParameterType());
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof CaseView.Detail d && request instanceof ServletServerHttpRequest servlet
        && servlet.getServletRequest().getAttribute(ApiAuthenticationFilter.CURRENT_USER) instanceof CurrentUser user) {
      String path = "GET " + servlet.getServletRequest().getRequestURI();
      if (d.reporter() != null && d.reporter().phone() != null) {
        log.record(user.id(), d.caseNo(), null, "reporter.phone", AccessLog.Purpose.CASE_DETAIL, path);
      }
      if (d.parties() != null) {
        for (CaseView.Party p : d.parties()) {
          if (p.phone() != null) {
            log.record(user.id(), d.caseNo(), null, "parties[" + p.id() + "].phone", AccessLog.Purpose.CASE_DETAIL, path);
          }
        }
      }
    }
    return body;
  }
}
