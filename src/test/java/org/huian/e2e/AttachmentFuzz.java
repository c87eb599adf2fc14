package org.huian.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.huian.attachment.TestImages;
import org.huian.e2e.HuianClient.Reply;
import org.huian.e2e.MultipartBody.Part;

/**
 * The attachment endpoints under {@link ApiFuzzTest}: random and mutated files (bytes flipped,
 * cut short), hostile field values, broken multipart bodies, too many parts and hostile ids.
 */
final class AttachmentFuzz {

  private final JsonFuzzer fuzz;
  private final HuianClient client;
  /** Attachments stored by the accepted uploads (201). */
  long stored;

  AttachmentFuzz(JsonFuzzer fuzz, HuianClient client) {
    this.fuzz = fuzz;
    this.client = client;
  }

  void run(String user, String caseNo, int n) {
    String path = "/api/cases/" + caseNo + "/attachments";
    List<byte[]> valid = List.of(TestImages.jpegWithGps(64, 48, 39.9, 116.4, 6), TestImages.png(40, 30, true),
        TestImages.pdf("协议"), TestImages.WEBP_LOSSY, TestImages.WEBP_LOSSLESS);
    for (int i = 0; i < n; i++) {
      byte[] base = valid.get(fuzz.random.nextInt(valid.size()));
      Reply r = switch (fuzz.random.nextInt(8)) {
        case 0 -> {
          byte[] junk = new byte[fuzz.random.nextInt(50_000)];
          fuzz.random.nextBytes(junk);
          yield upload(user, path, List.of(Part.file(name(), type(), junk)));
        }
        case 1 -> {
          byte[] flipped = base.clone();
          for (int k = 0; k < 1 + fuzz.random.nextInt(20); k++) {
            flipped[fuzz.random.nextInt(flipped.length)] = (byte) fuzz.random.nextInt(256);
          }
          yield upload(user, path, List.of(Part.file(name(), type(), flipped), Part.field("step", "fuzz-" + i)));
        }
        case 2 -> {
          byte[] cut = java.util.Arrays.copyOf(base, fuzz.random.nextInt(base.length));
          yield upload(user, path, List.of(Part.file(name(), type(), cut), Part.field("step", "fuzz-" + i)));
        }
        case 3 -> upload(user, path, List.of(Part.file(name(), type(), base),
            Part.field(fuzz.pick(List.of("step", "caption", "clientRef", "useLocation")), fuzz.pick(JsonFuzzer.HOSTILE))));
        case 4 -> client.postBytes(user, path, fuzz.pick(List.of("multipart/form-data", "multipart/form-data; boundary=",
            "multipart/form-data; boundary=zzz", "multipart/mixed; boundary=zzz")),
            ("--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n"
                + fuzz.pick(JsonFuzzer.HOSTILE)).getBytes(StandardCharsets.UTF_8));
        case 5 -> {
          List<Part> parts = new ArrayList<>();
          for (int k = 0; k < 8 + fuzz.random.nextInt(6); k++) {
            parts.add(Part.file(name(), type(), TestImages.jpeg(8, 8)));
          }
          parts.add(Part.field("step", "many-" + i));
          yield upload(user, path, parts);
        }
        case 6 -> upload(user, path, List.of(new Part(fuzz.pick(JsonFuzzer.HOSTILE).replace("\"", "").replace("\r", "")
            .replace("\n", ""), name(), type(), base)));
        default -> {
          String id = java.net.URLEncoder.encode(fuzz.pick(JsonFuzzer.HOSTILE), StandardCharsets.UTF_8).replace("+", "%20");
          id = id.length() > 2000 ? id.substring(0, 2000).replaceAll("%[0-9A-F]?$", "") : id;
          yield client.get(user, fuzz.pick(List.of("/api/attachments/", "/api/cases/")) + (id.isEmpty() ? "x" : id)
              + fuzz.pick(List.of("", "/thumbnail", "/attachments")));
        }
      };
      fuzz.check(path, r);
      if (r.status() == 201) {
        stored += r.body().path("attachments").size();
      }
    }
  }

  private Reply upload(String user, String path, List<Part> parts) {
    return MultipartBody.post(client, user, path, parts);
  }

  private String name() {
    return fuzz.pick(List.of("a.jpg", "photo.png", "IMG_0001.HEIC", "协议.pdf", "", "../../etc/passwd", "x".repeat(300),
        "a\u0000b.jpg", "<script>.jpg"));
  }

  private String type() {
    return fuzz.pick(List.of("image/jpeg", "image/png", "application/pdf", "application/octet-stream", "text/html", "x/y"));
  }
}
