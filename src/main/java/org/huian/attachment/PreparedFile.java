package org.huian.attachment;

import java.util.Optional;

/**
 * A checked file, re-encoded when it is an image (all metadata gone), with its thumbnail; not yet
 * stored. Made only by {@link AttachmentService#prepare}.
 */
public final class PreparedFile {

  private final String fileName;
  private final String contentType;
  private final byte[] bytes;
  private final Integer width;
  private final Integer height;
  private final String thumbnailType;
  private final byte[] thumbnail;
  private final GeoPoint gps;

  PreparedFile(String fileName, String contentType, byte[] bytes, Integer width, Integer height,
      String thumbnailType, byte[] thumbnail, GeoPoint gps) {
    this.fileName = fileName;
    this.contentType = contentType;
    this.bytes = bytes;
    this.width = width;
    this.height = height;
    this.thumbnailType = thumbnailType;
    this.thumbnail = thumbnail;
    this.gps = gps;
  }

  /** The type of the file that will be stored (after re-encoding). */
  public String contentType() {
    return contentType;
  }

  /** Bytes of the file that will be stored. */
  public long size() {
    return bytes.length;
  }

  /**
   * The photo's EXIF GPS position, read once before the metadata was stripped. Only a suggestion
   * for the location, for a reporter who allows it; never stored.
   */
  public Optional<GeoPoint> gps() {
    return Optional.ofNullable(gps);
  }

  public String fileName() {
    return fileName;
  }

  public Integer width() {
    return width;
  }

  public Integer height() {
    return height;
  }

  /** The bytes that will be stored (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  byte[] content() {
    return bytes;
  }

  String thumbnailType() {
    return thumbnailType;
  }

  byte[] thumbnail() {
    return thumbnail;
  }
}
