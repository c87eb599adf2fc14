package org.huian.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A benchmark HTTP client: one keep-alive HTTP/1.1 connection per instance (Java's client would
 * otherwise try an h2c upgrade), Basic auth with the demo passwords, latency in nanoseconds.
 */
final class Http {

  record Reply(int status, String body, long nanos) {}

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://localhost:" + port;
  }

  Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply postJson(String user, String path, String json) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /**
   * A {@code multipart/form-data} POST, as Camunda Modeler deploys to {@code /engine-rest/deployment/create}:
   * one text part per field, one file part per file (named after the file).
   */
  Reply postMultipart(String user, String path, java.util.Map<String, String> fields, java.util.Map<String, byte[]> files) {
    String boundary = "----huian-bench-" + Long.toHexString(System.nanoTime());
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> part(body, boundary, "name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, bytes) -> part(body, boundary, "name=\"" + name + "\"; filename=\"" + name + "\"",
        "application/octet-stream", bytes));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void part(java.io.ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] content) {
    StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; ").append(disposition).append("\r\n");
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    head.append("\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** A GET that answers null instead of failing while the server is not listening yet. */
  Reply getQuietly(String user, String path) {
    try {
      return get(user, path);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private Reply send(String user, HttpRequest.Builder b) {
    if (user != null) {
      String password = user.equals("admin") ? "admin" : "demo";
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    b.timeout(Duration.ofSeconds(120));
    long started = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.body(), System.nanoTime() - started);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
