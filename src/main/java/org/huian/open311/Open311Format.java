package org.huian.open311;

import jakarta.servlet.http.HttpServletRequest;

/** The two formats of every Open311 method, chosen by the resource's suffix ({@code services.xml}). */
enum Open311Format {
  XML("text/xml;charset=utf-8"),
  JSON("application/json;charset=utf-8");

  private final String contentType;

  Open311Format(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  /** {@code xml} or {@code json}; anything else is no format of this API. */
  static Open311Format parse(String suffix) {
    if ("json".equals(suffix)) {
      return JSON;
    }
    return "xml".equals(suffix) ? XML : null;
  }

  /** The format a request's path asks for: JSON for {@code ….json}, else XML (the required one). */
  static Open311Format of(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path != null && path.endsWith(".json") ? JSON : XML;
  }
}
