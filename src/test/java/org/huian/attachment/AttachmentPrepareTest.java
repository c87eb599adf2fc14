package org.huian.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** {@link AttachmentService#prepare}: the checks and the re-encoding, without a database. */
class AttachmentPrepareTest {

  private final AttachmentService service = new AttachmentService(null, null,
      new AttachmentProperties(null, null, null, null, null, null, null, null));

  @Test
  void shouldReadTheGpsOnceAndStripItFromTheStoredPhotoAndItsThumbnail() throws Exception {
    byte[] photo = TestImages.jpegWithGps(640, 480, 39.9489, 116.4123, 1);
    assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo)).getFirstDirectoryOfType(GpsDirectory.class))
        .as("the test photo carries GPS").isNotNull();

    PreparedFile f = service.prepare(List.of(new Upload("IMG_0001.jpg", photo))).get(0);

    assertThat(f.contentType()).isEqualTo("image/jpeg");
    assertThat(f.gps()).hasValueSatisfying(p -> {
      assertThat(p.latitude()).isCloseTo(39.9489, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(p.longitude()).isCloseTo(116.4123, org.assertj.core.data.Offset.offset(1e-4));
    });
    for (byte[] stored : List.of(f.bytes(), f.thumbnail())) {
      Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
      assertThat(m.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
      assertThat(m.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
      assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("HuianTestPhone");
    }
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(f.thumbnail()));
    assertThat(thumb.getWidth()).isEqualTo(320);
    assertThat(thumb.getHeight()).isEqualTo(240);
  }

  @Test
  void shouldTurnThePixelsUprightBecauseTheOrientationTagIsNotKept() throws Exception {
    // orientation 6: the camera was turned; a viewer rotates 90° clockwise
    PreparedFile f = service.prepare(List.of(new Upload(null, TestImages.jpegWithGps(200, 100, 39.9, 116.4, 6)))).get(0);
    BufferedImage upright = ImageIO.read(new ByteArrayInputStream(f.bytes()));
    assertThat(upright.getWidth()).isEqualTo(100);
    assertThat(upright.getHeight()).isEqualTo(200);
    assertThat(f.width()).isEqualTo(100);
    // the red left half is now the top half
    assertThat(red(upright.getRGB(50, 20))).isGreaterThan(200);
    assertThat(blue(upright.getRGB(50, 180))).isGreaterThan(200);
  }

  @Test
  void shouldKeepPngAsPngAndScaleDownLargePhotos() throws Exception {
    PreparedFile png = service.prepare(List.of(new Upload("shot.png", TestImages.png(300, 200, true)))).get(0);
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(png.gps()).isEmpty();
    PreparedFile big = service.prepare(List.of(new Upload("big.jpg", TestImages.jpeg(6000, 3000)))).get(0);
    assertThat(big.width()).isEqualTo(2560);
    assertThat(big.height()).isEqualTo(1280);
  }

  @Test
  void shouldAcceptWebpAndStoreItAsJpegOrPng() {
    assertThat(service.prepare(List.of(new Upload("a.webp", TestImages.WEBP_LOSSY))).get(0).contentType()).isEqualTo("image/jpeg");
    PreparedFile lossless = service.prepare(List.of(new Upload("b.webp", TestImages.WEBP_LOSSLESS))).get(0);
    assertThat(lossless.contentType()).isIn("image/jpeg", "image/png");
    assertThat(lossless.width()).isEqualTo(1);
  }

  @Test
  void shouldKeepAPdfAsSentWithAThumbnailOfItsFirstPage() throws Exception {
    byte[] pdf = TestImages.pdf("调解协议");
    PreparedFile f = service.prepare(List.of(new Upload("协议.pdf", pdf))).get(0);
    assertThat(f.contentType()).isEqualTo("application/pdf");
    assertThat(f.bytes()).isEqualTo(pdf);
    assertThat(ImageIO.read(new ByteArrayInputStream(f.thumbnail())).getHeight()).isEqualTo(320);
  }

  @Test
  void shouldRefuseByTheBytesNotTheName() {
    refused(new Upload("photo.jpg", "<html><script>alert(1)</script></html>".getBytes()), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file");
    refused(new Upload("photo.jpg", TestImages.gif()), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file");
    assertThat(service.prepare(List.of(new Upload("document.pdf", TestImages.png(10, 10, false)))).get(0).contentType())
        .isEqualTo("image/png");
  }

  @Test
  void shouldRefuseHeicWithAnExplanationHowToSendJpeg() {
    ProblemException e = refused(new Upload("IMG_0002.HEIC", TestImages.heic()), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file");
    assertThat(e.getMessage()).contains("HEIC").contains("兼容性最佳");
  }

  @Test
  void shouldRefuseADecompressionBombFromItsHeaderAlone() {
    ProblemException e = refused(new Upload("bomb.png", TestImages.pngHeaderOnly(100_000, 100_000)), HttpStatus.PAYLOAD_TOO_LARGE, "file");
    assertThat(e.getMessage()).contains("100000×100000");
  }

  @Test
  void shouldRefuseFilesOverTenMegabytes() {
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(TestImages.jpeg(10, 10), 0, big, 0, 100);
    refused(new Upload("big.jpg", big), HttpStatus.PAYLOAD_TOO_LARGE, "file");
  }

  @Test
  void shouldRefuseWhatDoesNotDecodeWithFourHundred() {
    assertThatThrownBy(() -> service.prepare(List.of(new Upload("x.jpg", TestImages.brokenJpeg()))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("file"));
    assertThatThrownBy(() -> service.prepare(List.of(new Upload("x.pdf", "%PDF-1.7\n1 0 obj garbage".getBytes()))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> service.prepare(List.of(new Upload("x.jpg", new byte[0])))).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void shouldNameTheFileOfSeveralThatFailedAndRefuseMoreThanNine() {
    List<Upload> two = List.of(new Upload("a.jpg", TestImages.jpeg(10, 10)), new Upload("b.txt", "hello".getBytes()));
    assertThatThrownBy(() -> service.prepare(two)).isInstanceOfSatisfying(ProblemException.class,
        e -> assertThat(e.errors()).extracting(org.huian.problem.FieldError::field).containsExactly("files[1]"));
    List<Upload> ten = new ArrayList<>(Collections.nCopies(10, new Upload("a.jpg", TestImages.jpeg(10, 10))));
    assertThatThrownBy(() -> service.prepare(ten)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.errors().get(0).field()).isEqualTo("files"));
  }

  private ProblemException refused(Upload upload, HttpStatus status, String field) {
    try {
      service.prepare(List.of(upload));
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.errors()).extracting(org.huian.problem.FieldError::field).containsExactly(field);
      return e;
    }
    throw new AssertionError("not refused: " + upload.fileName());
  }

  private static int red(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  private static int blue(int rgb) {
    return rgb & 0xff;
  }
}
