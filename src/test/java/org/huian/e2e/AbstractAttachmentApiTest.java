package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huian.attachment.TestImages;
import org.huian.e2e.HuianClient.Download;
import org.huian.e2e.HuianClient.Reply;
import org.huian.e2e.MultipartBody.Part;
import org.junit.jupiter.api.Test;

/**
 * Attachments over real HTTP (docs/attachments.md): photos and PDFs of a case and of a grid
 * report, what is stripped, every kind of bad upload refused with nothing stored, the owner's
 * scope, and repeats. Run on H2 and on PostgreSQL.
 */
abstract class AbstractAttachmentApiTest extends AbstractApiTest {

  Reply upload(String user, String path, Part... parts) {
    return MultipartBody.post(client, user, path, List.of(parts));
  }

  String newCase() {
    return create(b -> { }).path("caseNo").asText();
  }

  long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM attachments").query(Long.class).single();
  }

  long blobs() {
    return jdbc.sql("SELECT COUNT(*) FROM attachment_blobs").query(Long.class).single();
  }

  static boolean hasGps(byte[] image) throws Exception {
    Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
    return m.getFirstDirectoryOfType(GpsDirectory.class) != null;
  }

  @Test
  void shouldStoreAPhotoWithoutItsGpsAndSuggestThePositionOnlyWhenAllowed() throws Exception {
    String caseNo = newCase();
    byte[] photo = TestImages.jpegWithGps(800, 600, 39.9489, 116.4123, 1);
    assertThat(hasGps(photo)).isTrue();

    Reply r = upload(STREET_USER, "/api/cases/" + caseNo + "/attachments", Part.file("IMG_0001.jpg", "image/jpeg", photo),
        Part.field("step", "处置案件（处置前）"), Part.field("caption", "楼道堆物"), Part.field("useLocation", "true"));

    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    JsonNode a = r.body().path("attachments").get(0);
    assertThat(a.path("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(a.path("step").asText()).isEqualTo("处置案件（处置前）");
    assertThat(a.path("caption").asText()).isEqualTo("楼道堆物");
    assertThat(a.path("width").asInt()).isEqualTo(800);
    assertThat(r.body().path("suggestedLocation").path("latitude").asDouble()).isBetween(39.9488, 39.9490);
    assertThat(r.body().path("suggestedLocation").path("longitude").asDouble()).isBetween(116.4122, 116.4124);
    assertThat(r.location()).endsWith(a.path("url").asText());

    Download served = client.download(STREET_USER, a.path("url").asText());
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).isEqualTo("image/jpeg");
    assertThat(hasGps(served.bytes())).as("GPS in the served image").isFalse();
    assertThat(new String(served.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("HuianTestPhone");
    Download thumb = client.download(STREET_USER, a.path("thumbnailUrl").asText());
    assertThat(thumb.status()).isEqualTo(200);
    assertThat(hasGps(thumb.bytes())).as("GPS in the thumbnail").isFalse();
    assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(thumb.bytes())).getWidth()).isEqualTo(320);

    // no position is kept anywhere: not in the row, and not suggested without the reporter's consent
    Reply again = upload(STREET_USER, "/api/cases/" + caseNo + "/attachments", Part.file("IMG_0001.jpg", "image/jpeg", photo));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().has("suggestedLocation")).isFalse();
    String row = jdbc.sql("SELECT * FROM attachments WHERE id = ?").param(a.path("id").asText()).query().listOfRows().get(0).toString();
    assertThat(row).doesNotContain("39.94").doesNotContain("116.41");

    Reply list = client.get(STREET_USER, "/api/cases/" + caseNo + "/attachments");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().path("items")).hasSize(2);
    assertThat(client.get("district", "/api/cases/" + caseNo + "/attachments").body().path("items")).hasSize(2);
  }

  @Test
  void shouldTakePngWebpAndPdfByTheirBytes() {
    String caseNo = newCase();
    byte[] agreement = TestImages.pdf("调解协议书");
    Reply r = upload(STREET_USER, "/api/cases/" + caseNo + "/attachments",
        Part.file("screen.png", "image/png", TestImages.png(120, 80, true)),
        Part.file("photo.webp", "image/webp", TestImages.WEBP_LOSSY),
        // the name and the declared type are wrong: the bytes decide
        Part.file("agreement.jpg", "image/jpeg", agreement),
        Part.field("step", "调解协议"));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("attachments").findValuesAsText("contentType"))
        .containsExactly("image/png", "image/jpeg", "application/pdf");
    JsonNode pdf = r.body().path("attachments").get(2);
    Download served = client.download(STREET_USER, pdf.path("url").asText());
    assertThat(served.contentType()).isEqualTo("application/pdf");
    assertThat(served.bytes()).as("a PDF is stored as sent").isEqualTo(agreement);
    assertThat(client.download(STREET_USER, pdf.path("thumbnailUrl").asText()).contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void shouldRefuseEveryBadUploadWithItsStatusAndStoreNothing() {
    String caseNo = newCase();
    String path = "/api/cases/" + caseNo + "/attachments";
    long rows = rows();
    long blobs = blobs();

    Map<String, Reply> replies = new LinkedHashMap<>();
    replies.put("415 text as .jpg", upload(STREET_USER, path, Part.file("photo.jpg", "image/jpeg", "<html>hi</html>".getBytes())));
    replies.put("415 gif", upload(STREET_USER, path, Part.file("a.gif", "image/gif", TestImages.gif())));
    replies.put("415 heic", upload(STREET_USER, path, Part.file("IMG_0002.HEIC", "image/heic", TestImages.heic())));
    replies.put("413 over 10 MB", upload(STREET_USER, path, Part.file("big.jpg", "image/jpeg", new byte[10 * 1024 * 1024 + 10])));
    replies.put("413 bomb", upload(STREET_USER, path, Part.file("bomb.png", "image/png", TestImages.pngHeaderOnly(60_000, 60_000))));
    replies.put("400 broken jpeg", upload(STREET_USER, path, Part.file("cut.jpg", "image/jpeg", TestImages.brokenJpeg())));
    replies.put("400 broken pdf", upload(STREET_USER, path, Part.file("x.pdf", "application/pdf", "%PDF-1.7\n1 0 obj <<".getBytes())));
    replies.put("400 empty file", upload(STREET_USER, path, Part.file("empty.jpg", "image/jpeg", new byte[0])));
    replies.put("400 no file", upload(STREET_USER, path, Part.field("caption", "没有文件")));
    List<Part> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(Part.file("p" + i + ".jpg", "image/jpeg", TestImages.jpeg(20, 20)));
    }
    replies.put("400 ten files", upload(STREET_USER, path, ten.toArray(Part[]::new)));
    replies.put("400 caption too long", upload(STREET_USER, path, Part.file("a.jpg", "image/jpeg", TestImages.jpeg(20, 20)),
        Part.field("caption", "长".repeat(201))));
    replies.put("400 bad clientRef", upload(STREET_USER, path, Part.file("a.jpg", "image/jpeg", TestImages.jpeg(20, 20)),
        Part.field("clientRef", "有 空格")));
    replies.put("400 one good one bad", upload(STREET_USER, path, Part.file("a.jpg", "image/jpeg", TestImages.jpeg(20, 20)),
        Part.file("b.jpg", "image/jpeg", TestImages.brokenJpeg())));
    replies.put("415 not multipart", client.post(STREET_USER, path, Map.of("file", "x")));

    replies.forEach((what, r) -> {
      int expected = Integer.parseInt(what.substring(0, 3));
      assertThat(r.status()).as(what + ": " + r.raw()).isEqualTo(expected);
      assertThat(r.contentType()).as(what).startsWith("application/problem+json");
      if (!what.equals("415 not multipart")) {
        assertThat(r.body().path("errors").get(0).path("field").asText()).as(what).isNotBlank();
      }
    });
    assertThat(replies.get("413 over 10 MB").body().path("errors").get(0).path("field").asText()).isEqualTo("file");
    assertThat(replies.get("415 heic").body().path("detail").asText()).contains("兼容性最佳");
    assertThat(replies.get("400 one good one bad").body().path("errors").get(0).path("field").asText()).isEqualTo("files[1]");
    assertThat(rows()).as("no row").isEqualTo(rows);
    assertThat(blobs()).as("no stored object").isEqualTo(blobs);
  }

  @Test
  void shouldHoldAtMostNineFilesPerStep() {
    String caseNo = newCase();
    String path = "/api/cases/" + caseNo + "/attachments";
    List<Part> nine = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      nine.add(Part.file("p" + i + ".jpg", "image/jpeg", TestImages.jpeg(20, 20)));
    }
    nine.add(Part.field("step", "处置后"));
    assertThat(upload(STREET_USER, path, nine.toArray(Part[]::new)).status()).isEqualTo(201);
    long rows = rows();
    long blobs = blobs();
    Reply tenth = upload(STREET_USER, path, Part.file("p9.jpg", "image/jpeg", TestImages.jpeg(20, 20)), Part.field("step", "处置后"));
    assertThat(tenth.status()).as(tenth.raw()).isEqualTo(400);
    assertThat(tenth.body().path("errors").get(0).path("message").asText()).contains("9");
    assertThat(rows()).isEqualTo(rows);
    assertThat(blobs()).isEqualTo(blobs);
    // another step has room of its own
    assertThat(upload(STREET_USER, path, Part.file("p9.jpg", "image/jpeg", TestImages.jpeg(20, 20)), Part.field("step", "处置前")).status())
        .isEqualTo(201);
  }

  @Test
  void shouldStoreARepeatedUploadOnce() {
    String caseNo = newCase();
    String path = "/api/cases/" + caseNo + "/attachments";
    Part photo = Part.file("a.jpg", "image/jpeg", TestImages.jpeg(40, 30));
    Reply first = upload(STREET_USER, path, photo, Part.field("clientRef", "app-7f3a-0001"));
    long rows = rows();
    Reply second = upload(STREET_USER, path, photo, Part.field("clientRef", "app-7f3a-0001"));
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).as(second.raw()).isEqualTo(200);
    assertThat(second.body().path("attachments").get(0).path("id").asText())
        .isEqualTo(first.body().path("attachments").get(0).path("id").asText());
    assertThat(rows()).isEqualTo(rows);
    assertThat(client.get(STREET_USER, path).body().path("items")).hasSize(1);
  }

  @Test
  void shouldAnswerAnotherStreetWithNotFound() {
    String caseNo = newCase();
    Reply r = upload(STREET_USER, "/api/cases/" + caseNo + "/attachments", Part.file("a.jpg", "image/jpeg", TestImages.jpeg(40, 30)));
    JsonNode a = r.body().path("attachments").get(0);
    long rows = rows();

    assertThat(client.get(OTHER_STREET_USER, "/api/cases/" + caseNo + "/attachments").status()).isEqualTo(404);
    assertThat(client.download(OTHER_STREET_USER, a.path("url").asText()).status()).isEqualTo(404);
    assertThat(client.download(OTHER_STREET_USER, a.path("thumbnailUrl").asText()).status()).isEqualTo(404);
    Reply write = upload(OTHER_STREET_USER, "/api/cases/" + caseNo + "/attachments", Part.file("b.jpg", "image/jpeg", TestImages.jpeg(40, 30)));
    assertThat(write.status()).isEqualTo(404);
    assertThat(write.contentType()).startsWith("application/problem+json");
    assertThat(rows()).isEqualTo(rows);
    // the district centre and the city centre see it; an unknown id or case is the same 404
    assertThat(client.download("district", a.path("url").asText()).status()).isEqualTo(200);
    assertThat(client.download(STREET_USER, "/api/attachments/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    assertThat(client.download(STREET_USER, "/api/attachments/nope").status()).isEqualTo(404);
    assertThat(client.get(STREET_USER, "/api/cases/DC-NONE/attachments").status()).isEqualTo(404);
    assertThat(client.download("city", a.path("url").asText()).status()).isEqualTo(200);
  }

  @Test
  void shouldAttachPhotosToAGridReport() {
    Map<String, Object> report = new HashMap<>();
    report.put("kind", "PLACE");
    report.put("gridId", ANDINGMEN_GRID);
    report.put("description", "楼道堆物，堵塞消防通道");
    report.put("severity", 3);
    report.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString());
    Reply created = client.post("grid-110101004001-01", "/api/grid-reports", report);
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String reportNo = created.body().path("reportNo").asText();
    String path = "/api/grid-reports/" + reportNo + "/attachments";

    Reply r = upload("grid-110101004001-01", path, Part.file("a.jpg", "image/jpeg", TestImages.jpegWithGps(64, 48, 39.95, 116.41, 1)));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    assertThat(r.body().path("attachments").get(0).path("owner").asText()).isEqualTo("GRID_REPORT");
    assertThat(client.get(STREET_USER, path).body().path("items")).hasSize(1);
    assertThat(client.get(OTHER_STREET_USER, path).status()).isEqualTo(404);
    String url = r.body().path("attachments").get(0).path("url").asText();
    assertThat(client.download(OTHER_STREET_USER, url).status()).isEqualTo(404);
    assertThat(client.download(STREET_USER, url).status()).isEqualTo(200);
  }
}
