package org.huian.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.huian.open311.Open311Views.Error;

/**
 * For Tomcat's own refusals (an encoded slash or a NUL in the path, answered before any filter
 * runs, see {@code ProblemErrorReportValve}): under {@code /open311/} the answer is the
 * specification's error list in the path's format too.
 */
public final class Open311TomcatErrors {

  /** A content type and the body to send. */
  public record Body(String contentType, byte[] bytes) {}

  private static final Open311Writer WRITER = new Open311Writer(new ObjectMapper());

  private Open311TomcatErrors() {}

  public static Optional<Body> forPath(String uri, int status, String description) {
    if (uri == null || !uri.startsWith("/open311/")) {
      return Optional.empty();
    }
    Open311Format format = uri.endsWith(".json") ? Open311Format.JSON : Open311Format.XML;
    return Optional.of(new Body(format.contentType(), WRITER.write(format, "errors", List.of(new Error(status, description)))));
  }
}
