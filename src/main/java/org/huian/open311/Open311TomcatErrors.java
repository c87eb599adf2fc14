package org.huian.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.huian.config.ProblemErrorReportValve;
import org.huian.config.ProblemErrorReportValve.Body;
import org.huian.open311.Open311Views.Error;
import org.springframework.stereotype.Component;

/**
 * For Tomcat's own refusals (an encoded slash or a NUL in the path, answered before any filter
 * runs, see {@code ProblemErrorReportValve}): under {@code /open311/} the answer is the
 * specification's error list in the path's format too.
 */
@Component
class Open311TomcatErrors implements ProblemErrorReportValve.PathErrors {

  private static final Open311Writer WRITER = new Open311Writer(new ObjectMapper());

  Open311TomcatErrors() {
    ProblemErrorReportValve.register(this);
  }

  @Override
  public Optional<Body> forPath(String uri, int status, String description) {
    if (uri == null || !uri.startsWith("/open311/")) {
      return Optional.empty();
    }
    Open311Format format = uri.endsWith(".json") ? Open311Format.JSON : Open311Format.XML;
    return Optional.of(new Body(format.contentType(), WRITER.write(format, "errors", List.of(new Error(status, description)))));
  }
}
