package org.huian.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Files made in the tests: photos with EXIF GPS, PNGs, WebPs, PDFs and hostile ones. */
public final class TestImages {

  /** 1×1 lossy and lossless WebP (the well-known feature-detection images). */
  public static final byte[] WEBP_LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
  public static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  private TestImages() {}

  /** A photo-like JPEG: a red left half and a blue right half. */
  public static byte[] jpeg(int width, int height) {
    return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
  }

  public static byte[] png(int width, int height, boolean alpha) {
    BufferedImage image = picture(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    if (alpha) {
      image.setRGB(0, 0, 0x00FFFFFF);
    }
    return write(image, "png");
  }

  /** A JPEG whose EXIF holds a GPS position (and, when not 1, an orientation), as phones write them. */
  public static byte[] jpegWithGps(int width, int height, double latitude, double longitude, int orientation) {
    try {
      TiffOutputSet exif = new TiffOutputSet();
      exif.setGpsInDegrees(longitude, latitude);
      TiffOutputDirectory root = exif.getOrCreateRootDirectory();
      root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
      root.add(TiffTagConstants.TIFF_TAG_MAKE, "HuianTestPhone");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid PNG header declaring {@code width × height} pixels, with no image data: a decompression bomb's opening. */
  public static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
        .put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0x60});
    return out.toByteArray();
  }

  /** The first bytes of an iPhone HEIC photo (ISO base media "ftyp" box with brand heic) and some filler. */
  public static byte[] heic() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'});
    out.writeBytes(new byte[] {0, 0, 0, 0x10, 'm', 'e', 't', 'a', 0, 0, 0, 0, 0, 0, 0, 0});
    out.writeBytes(new byte[512]);
    return out.toByteArray();
  }

  /** A JPEG cut after its first bytes: the header is there, the picture is not. */
  public static byte[] brokenJpeg() {
    byte[] whole = jpeg(64, 48);
    byte[] part = new byte[40];
    System.arraycopy(whole, 0, part, 0, part.length);
    return part;
  }

  public static byte[] gif() {
    return write(picture(8, 8, BufferedImage.TYPE_INT_RGB), "gif");
  }

  public static byte[] pdf(String text) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.setNonStrokingColor(Color.RED);
        content.addRect(50, 500, 300, 200);
        content.fill();
      }
      doc.getDocumentInformation().setTitle(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BufferedImage picture(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  private static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
