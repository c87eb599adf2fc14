package org.huian.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real-HTTP client for the end-to-end tests: Basic auth, JSON in and out. */
final class HuianClient {

  record Reply(int status, String contentType, JsonNode body, String location, String raw) {}

  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  HuianClient(int port) {
    this.base = "http://localhost:" + port;
  }

  Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply post(String user, String path, Object body) {
    return postRaw(user, path, "application/json", write(body));
  }

  Reply postRaw(String user, String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(user, b);
  }

  Reply postBytes(String user, String path, String contentType, byte[] body) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart/form-data POST as Camunda Modeler sends a deployment: text fields and one file part. */
  Reply postMultipart(String user, String path, Map<String, String> fields, String fileName, byte[] file) {
    return postMultipart(user, path, fields, Map.of(fileName, file));
  }

  /** A deployment of several files at once (Modeler's "include additional files", or a script). */
  Reply postMultipart(String user, String path, Map<String, String> fields, Map<String, byte[]> files) {
    String boundary = "huian" + System.nanoTime();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> f : fields.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
            + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        String fileName = file.getKey();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file.getValue());
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return postBytes(user, path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  Reply put(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
  }

  Reply putRaw(String user, String path, String contentType, String body) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  Reply delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  record Download(int status, String contentType, byte[] bytes) {}

  /** A file (xlsx, PDF) as bytes. */
  Download download(String user, String path) {
    String password = user.equals("admin") ? "admin" : "demo";
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A page as a browser asks for it. */
  Reply getHtml(String path) {
    return send(null, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  /** A form post without a browser's Accept header, so errors come back as problem+json. */
  Reply postForm(String path, String form) {
    return postRaw(null, path, "application/x-www-form-urlencoded", form);
  }

  /** Completes a task through {@code /engine-rest} as the given user. */
  Reply completeTask(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  private Reply send(String user, HttpRequest.Builder b) {
    if (user != null) {
      String password = user.equals("admin") ? "admin" : "demo";
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String raw = r.body();
      String type = r.headers().firstValue("Content-Type").orElse("");
      JsonNode body = raw == null || raw.isBlank() || !type.contains("json") ? null : JSON.readTree(raw);
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body,
          r.headers().firstValue("Location").orElse(null), raw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
