package org.huian.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * An Open311 client over real HTTP, without credentials: GETs with query parameters, POSTs
 * form-encoded, answers parsed by the JDK's DOM parser (XML) or Jackson (JSON).
 */
final class Open311Client {

  record Answer(int status, String contentType, String raw, HttpResponse<String> response) {

    Document xml() {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
      } catch (ParserConfigurationException | SAXException | IOException e) {
        throw new AssertionError("not well-formed XML: " + raw, e);
      }
    }

    JsonNode json() {
      try {
        return HuianClient.JSON.readTree(raw);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw, e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  /** Every answer to a GET, for the test that nothing private leaks. */
  final List<Answer> reads = new ArrayList<>();

  Open311Client(int port) {
    this.base = "http://localhost:" + port;
  }

  Answer get(String path, Map<String, String> query) {
    String q = query.isEmpty() ? "" : "?" + form(query);
    Answer a = send(HttpRequest.newBuilder(URI.create(base + path + q)).GET());
    reads.add(a);
    return a;
  }

  Answer get(String path) {
    return get(path, Map.of());
  }

  Answer post(String path, Map<String, String> form) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form(form), StandardCharsets.UTF_8)));
  }

  /** Any method with any body and content type (for malformed requests). */
  Answer raw(String method, String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  Answer method(String method, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private Answer send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------ XML helpers

  /** The child elements of the given name, in document order. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    if (found.size() != 1) {
      throw new AssertionError("expected one <" + name + "> in <" + parent.getTagName() + ">, found " + found.size());
    }
    return found.get(0);
  }

  static String text(Element parent, String name) {
    return child(parent, name).getTextContent();
  }

  /** An element's children as name → text (leaf elements only). */
  static Map<String, String> fields(Element e) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.put(c.getTagName(), c.getTextContent());
      }
    }
    return out;
  }
}
