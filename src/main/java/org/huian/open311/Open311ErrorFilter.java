package org.huian.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.huian.open311.Open311Views.Error;
import org.huian.security.StartupGate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every error under {@code /open311} the specification's list of {@code {code,
 * description}} in the path's format, instead of problem+json. Huian's controllers throw its
 * usual exceptions and {@code ApiProblemHandler} answers them as everywhere else; this filter
 * rewrites such an answer (status and {@code Retry-After} kept, one error per named field). Until
 * the unit tree and identities are in place ({@link StartupGate}) it answers 503 itself.
 */
class Open311ErrorFilter extends OncePerRequestFilter {

  private final StartupGate gate;
  private final ObjectMapper json;
  private final Open311Writer writer;

  Open311ErrorFilter(StartupGate gate, ObjectMapper json) {
    this.gate = gate;
    this.json = json;
    this.writer = new Open311Writer(json);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Open311Format format = Open311Format.of(request);
    if (!gate.isOpen()) {
      response.setHeader("Retry-After", "5");
      write(response, format, 503, List.of(new Error(503, "系统正在启动（单位与用户尚未就绪），请稍后重试")));
      return;
    }
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, cached);
    String type = cached.getContentType();
    if (cached.getStatus() >= 400 && type != null && type.contains("problem+json")) {
      int status = cached.getStatus();
      List<Error> errors = errors(status, cached.getContentAsByteArray());
      write(response, format, status, errors);
      return;
    }
    cached.copyBodyToResponse();
  }

  private List<Error> errors(int status, byte[] problem) {
    List<Error> errors = new ArrayList<>();
    try {
      JsonNode body = json.readTree(problem);
      for (JsonNode e : body.path("errors")) {
        String field = e.path("field").asText("");
        String message = e.path("message").asText("");
        errors.add(new Error(status, field.isEmpty() || message.contains(field) ? message : field + "：" + message));
      }
      if (errors.isEmpty()) {
        errors.add(new Error(status, body.path("detail").asText(status >= 500 ? "服务器内部错误，请联系管理员" : "请求无效")));
      }
    } catch (IOException e) {
      errors.add(new Error(status, status >= 500 ? "服务器内部错误，请联系管理员" : "请求无效"));
    }
    return errors;
  }

  private void write(HttpServletResponse response, Open311Format format, int status, List<Error> errors) throws IOException {
    byte[] body = writer.write(format, "errors", errors);
    response.setStatus(status);
    response.setContentType(format.contentType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
