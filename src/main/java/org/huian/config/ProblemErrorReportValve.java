package org.huian.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests itself, before any servlet sees them (an encoded slash or a NUL
 * in the path, a malformed request line). Those answers are problem+json too, not Tomcat's HTML
 * page, and never reveal the server version; under {@code /open311/} they are Open311's error list.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || response.isCommitted() && response.getContentWritten() > 0) {
      return;
    }
    try {
      String detail = status >= 500 ? "服务器内部错误，请联系管理员" : "请求无法解析，请检查地址和内容";
      var open311 = org.huian.open311.Open311TomcatErrors.forPath(request.getRequestURI(), status, detail);
      if (open311.isPresent()) {
        response.setContentType(open311.get().contentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(new String(open311.get().bytes(), StandardCharsets.UTF_8));
          response.finishResponse();
        }
        return;
      }
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status >= 500 ? "Internal Server Error" : "Bad Request")
            + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was already sent; nothing more to say
    }
  }
}
