package org.huian.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests itself, before any servlet sees them (an encoded slash or a NUL
 * in the path, a malformed request line). Those answers are problem+json too, not Tomcat's HTML
 * page, and never reveal the server version. A capability whose paths answer errors in another
 * format (Open311's error list under {@code /open311/}) registers a {@link PathErrors}: Tomcat
 * creates the valve by class name, outside Spring, so the registry is static.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  /** An error body of its own for the paths a capability owns; empty for every other path. */
  public interface PathErrors {
    Optional<Body> forPath(String uri, int status, String detail);
  }

  /** A content type and the body to send. */
  public record Body(String contentType, byte[] bytes) {}

  private static final List<PathErrors> PATH_ERRORS = new CopyOnWriteArrayList<>();

  public static void register(PathErrors errors) {
    if (!PATH_ERRORS.contains(errors)) {
      PATH_ERRORS.add(errors);
    }
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || response.isCommitted() && response.getContentWritten() > 0) {
      return;
    }
    try {
      String detail = status >= 500 ? "服务器内部错误，请联系管理员" : "请求无法解析，请检查地址和内容";
      Optional<Body> own = PATH_ERRORS.stream().map(p -> p.forPath(request.getRequestURI(), status, detail))
          .flatMap(Optional::stream).findFirst();
      if (own.isPresent()) {
        response.setContentType(own.get().contentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(new String(own.get().bytes(), StandardCharsets.UTF_8));
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
