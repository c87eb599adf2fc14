package org.huian.attachment;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.Tika;
import org.huian.problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Checks one file and makes the version that is stored: the type from the bytes (Tika), the
 * dimensions from the header before anything is decoded (decompression bombs), then every image
 * decoded and encoded anew, which leaves all metadata behind (EXIF with GPS, XMP, IPTC, comments);
 * the EXIF orientation is applied to the pixels first, and the GPS position read once.
 */
final class FileInspector {

  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";
  static final String WEBP = "image/webp";
  static final String PDF = "application/pdf";
  /** Apple's photo formats; accepted only where an ImageIO reader for them is on the class path. */
  static final Set<String> HEIF = Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence");

  static final String HEIC_REFUSED = "暂不支持 HEIC/HEIF 格式的照片（苹果手机的默认格式）。请改用 JPEG：在 iPhone 的"
      + "「设置 → 相机 → 格式」中选择「兼容性最佳」后重新拍摄；或在「照片」中选中照片，点分享 → 「选项」→ 选择"
      + "「最兼容」后再上传；也可以通过微信发送照片（微信会转为 JPEG）。";

  private static final Logger log = LoggerFactory.getLogger(FileInspector.class);
  private static final Tika TIKA = new Tika();

  private final AttachmentProperties properties;

  FileInspector(AttachmentProperties properties) {
    this.properties = properties;
  }

  /** A refusal of one file: its status and its field error. */
  static final class Refused extends Exception {
    final HttpStatus status;
    final FieldError error;

    Refused(HttpStatus status, String field, String message) {
      super(message, null, false, false);
      this.status = status;
      this.error = new FieldError(field, message);
    }
  }

  PreparedFile prepare(Upload upload, String field) throws Refused {
    byte[] bytes = upload == null ? null : upload.bytes();
    if (bytes == null || bytes.length == 0) {
      throw new Refused(HttpStatus.BAD_REQUEST, field, "文件为空");
    }
    long max = properties.maxFileSize().toBytes();
    if (bytes.length > max) {
      throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, field,
          "文件过大（" + megabytes(bytes.length) + "），每个文件不能超过 " + megabytes(max));
    }
    String type = TIKA.detect(bytes);
    String name = displayName(upload.fileName());
    if (JPEG.equals(type) || PNG.equals(type) || WEBP.equals(type)) {
      return image(bytes, type, name, field);
    }
    if (HEIF.contains(type)) {
      if (ImageIO.getImageReadersByMIMEType(type).hasNext()) {
        return image(bytes, type, name, field);
      }
      throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, field, HEIC_REFUSED);
    }
    if (PDF.equals(type)) {
      return pdf(bytes, name, field);
    }
    throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, field,
        "不支持的文件类型（" + type + "）：只接受 JPEG、PNG、WebP 图片和 PDF 文件");
  }

  private PreparedFile image(byte[] bytes, String type, String name, String field) throws Refused {
    Metadata metadata = metadata(bytes);
    GeoPoint gps = gps(metadata);
    int orientation = orientation(metadata);
    BufferedImage decoded;
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
      if (!readers.hasNext()) {
        throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, field, "服务器无法读取该类型的图片（" + type + "）");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        // the header only: nothing is decoded before the size is known
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new Refused(HttpStatus.BAD_REQUEST, field, "图片无法解码：尺寸无效");
        }
        long pixels = (long) width * height;
        if (pixels > properties.maxPixels()) {
          throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, field, "图片像素过多（" + width + "×" + height
              + "），上限为 " + properties.maxPixels() / 10_000 + " 万像素");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / properties.maxEdge());
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        decoded = reader.read(0, param);
      } finally {
        reader.dispose();
      }
    } catch (Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      log.debug("image refused: {}", e.toString());
      throw new Refused(HttpStatus.BAD_REQUEST, field, "图片无法解码，文件可能已损坏");
    }
    if (decoded == null) {
      throw new Refused(HttpStatus.BAD_REQUEST, field, "图片无法解码，文件可能已损坏");
    }
    BufferedImage upright = orient(decoded, orientation);
    BufferedImage stored = fit(upright, properties.maxEdge());
    boolean alpha = stored.getColorModel().hasAlpha();
    String outType = PNG.equals(type) || alpha ? PNG : JPEG;
    BufferedImage thumbnail = fit(stored, properties.thumbnailEdge());
    try {
      return new PreparedFile(name, outType, encode(stored, outType), stored.getWidth(), stored.getHeight(),
          outType, encode(thumbnail, outType), gps);
    } catch (IOException e) {
      throw new IllegalStateException("re-encoding failed", e);
    }
  }

  private PreparedFile pdf(byte[] bytes, String name, String field) throws Refused {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      if (document.getNumberOfPages() == 0) {
        throw new Refused(HttpStatus.BAD_REQUEST, field, "PDF 文件没有页面");
      }
      return new PreparedFile(name, PDF, bytes, null, null, JPEG, pdfThumbnail(document), null);
    } catch (InvalidPasswordException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, field, "PDF 文件已加密，无法打开：请上传未加密的文件");
    } catch (IOException | RuntimeException e) {
      log.debug("PDF refused: {}", e.toString());
      throw new Refused(HttpStatus.BAD_REQUEST, field, "PDF 文件无法打开，文件可能已损坏");
    }
  }

  /** The first page at thumbnail size; none when it does not render (the PDF itself opened). */
  private byte[] pdfThumbnail(PDDocument document) {
    try {
      PDRectangle box = document.getPage(0).getCropBox();
      float longest = Math.max(box.getWidth(), box.getHeight());
      if (longest <= 0) {
        return null;
      }
      float scale = Math.min(2f, properties.thumbnailEdge() / longest);
      BufferedImage page = new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
      return encode(page, JPEG);
    } catch (IOException | RuntimeException e) {
      log.debug("no PDF thumbnail: {}", e.toString());
      return null;
    }
  }

  private static Metadata metadata(byte[] bytes) {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    } catch (Exception e) {
      return null; // no readable metadata: no position, no orientation
    }
  }

  static GeoPoint gps(Metadata metadata) {
    if (metadata == null) {
      return null;
    }
    for (GpsDirectory dir : metadata.getDirectoriesOfType(GpsDirectory.class)) {
      GeoLocation location = dir.getGeoLocation();
      if (location != null && !location.isZero()
          && Math.abs(location.getLatitude()) <= 90 && Math.abs(location.getLongitude()) <= 180) {
        return new GeoPoint(location.getLatitude(), location.getLongitude());
      }
    }
    return null;
  }

  private static int orientation(Metadata metadata) {
    if (metadata == null) {
      return 1;
    }
    ExifIFD0Directory dir = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    if (dir == null || !dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
      return 1;
    }
    Integer value = dir.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
    return value == null || value < 1 || value > 8 ? 1 : value;
  }

  /** Applies EXIF orientation 2..8 to the pixels, since the tag itself is not kept. */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation <= 1) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      default -> new AffineTransform(0, -1, 1, 0, 0, w);
    };
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, typeOf(image));
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Scales down (never up) so that the longest side is at most {@code edge}. */
  static BufferedImage fit(BufferedImage image, int edge) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage current = image;
    if (Math.max(w, h) <= edge) {
      return current.getType() == typeOf(current) ? current : redraw(current, w, h);
    }
    double scale = (double) edge / Math.max(w, h);
    int targetW = Math.max(1, (int) Math.round(w * scale));
    int targetH = Math.max(1, (int) Math.round(h * scale));
    // halve step by step, then the last step: bilinear stays sharp without the cost of bicubic
    while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
      current = redraw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return redraw(current, targetW, targetH);
  }

  private static BufferedImage redraw(BufferedImage image, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, typeOf(image));
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static int typeOf(BufferedImage image) {
    return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
  }

  private byte[] encode(BufferedImage image, String type) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (PNG.equals(type)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer");
      }
      return out.toByteArray();
    }
    BufferedImage rgb = image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      try {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(properties.jpegQuality());
      writer.write(null, new IIOImage(rgb, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static String displayName(String fileName) {
    if (fileName == null) {
      return null;
    }
    String base = fileName.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
    if (base.isEmpty()) {
      return null;
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }
}
