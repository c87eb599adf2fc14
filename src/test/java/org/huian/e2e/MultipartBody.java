package org.huian.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A multipart/form-data body as browsers and phones send uploads: text fields and file parts. */
final class MultipartBody {

  /** One part: a text field (fileName null) or a file. */
  record Part(String name, String fileName, String contentType, byte[] bytes) {
    static Part file(String fileName, String contentType, byte[] bytes) {
      return new Part("file", fileName, contentType, bytes);
    }

    static Part field(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  final String boundary = "huianPart" + System.nanoTime();
  final byte[] bytes;

  MultipartBody(List<Part> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
          + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\n"
          + (p.contentType() == null ? "" : "Content-Type: " + p.contentType() + "\r\n") + "\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    bytes = out.toByteArray();
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  static HuianClient.Reply post(HuianClient client, String user, String path, List<Part> parts) {
    MultipartBody body = new MultipartBody(parts);
    return client.postBytes(user, path, body.contentType(), body.bytes);
  }
}
