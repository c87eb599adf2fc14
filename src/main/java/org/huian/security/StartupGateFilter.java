package org.huian.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code /api} and {@code /engine-rest} with 503 problem+json and {@code Retry-After}
 * until the unit tree and the identities are in place ({@link StartupGate}), instead of a wrong 401.
 */
class StartupGateFilter extends OncePerRequestFilter {

  private final StartupGate gate;

  StartupGateFilter(StartupGate gate) {
    this.gate = gate;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (gate.isOpen()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    String body = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
        + "\"detail\":\"系统正在启动（单位与用户尚未就绪），请稍后重试\",\"instance\":\"" + json(request.getRequestURI()) + "\"}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
