package org.huian.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code huian.attachments.*} (docs/attachments.md).
 *
 * @param store where files live: {@code database} (default, nothing to set up) or {@code s3}
 * @param maxFileSize per file as received (10 MB; the multipart limit in spring.servlet.multipart matches it)
 * @param maxFilesPerStep files of one owner's step (9, the WeChat habit)
 * @param maxPixels an image whose header declares more pixels is refused before it is decoded
 * @param maxEdge the longest side of a stored (re-encoded) image; larger photos are scaled down
 * @param thumbnailEdge the longest side of a thumbnail
 * @param jpegQuality quality of re-encoded JPEGs, 0..1
 * @param s3 the S3-compatible store (MinIO, Alibaba Cloud OSS, AWS)
 */
@ConfigurationProperties("huian.attachments")
public record AttachmentProperties(
    String store,
    DataSize maxFileSize,
    Integer maxFilesPerStep,
    Long maxPixels,
    Integer maxEdge,
    Integer thumbnailEdge,
    Float jpegQuality,
    S3 s3) {

  public AttachmentProperties {
    store = store == null || store.isBlank() ? "database" : store;
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
    maxFilesPerStep = maxFilesPerStep == null ? 9 : maxFilesPerStep;
    maxPixels = maxPixels == null ? 50_000_000L : maxPixels;
    maxEdge = maxEdge == null ? 2560 : maxEdge;
    thumbnailEdge = thumbnailEdge == null ? 320 : thumbnailEdge;
    jpegQuality = jpegQuality == null ? 0.85f : jpegQuality;
    s3 = s3 == null ? new S3(null, null, null, null, null, null, null) : s3;
  }

  /**
   * @param endpoint e.g. {@code http://minio:9000} or {@code https://oss-cn-beijing.aliyuncs.com}; none: AWS
   * @param bucket the bucket, which must exist
   * @param region e.g. {@code cn-beijing} (OSS), {@code us-east-1} (MinIO's default)
   * @param accessKey from the environment only
   * @param secretKey from the environment only
   * @param pathStyle {@code true} for MinIO; {@code false} (virtual-hosted) for OSS
   * @param prefix a key prefix inside the bucket ({@code attachments/})
   */
  public record S3(String endpoint, String bucket, String region, String accessKey, String secretKey,
      Boolean pathStyle, String prefix) {
    public S3 {
      region = region == null || region.isBlank() ? "us-east-1" : region;
      pathStyle = pathStyle == null ? Boolean.TRUE : pathStyle;
      endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
      prefix = prefix == null ? "attachments/" : prefix;
    }
  }
}
