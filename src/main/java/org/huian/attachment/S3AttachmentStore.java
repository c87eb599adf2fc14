package org.huian.attachment;

import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * An S3-compatible object store (MinIO, Alibaba Cloud OSS, AWS S3) through the AWS SDK v2:
 * {@code huian.attachments.store=s3} and {@code huian.attachments.s3.*}. Objects are written
 * before the rows and deleted again when the transaction rolls back (see {@link AttachmentService}).
 */
@Component
@ConditionalOnProperty(name = "huian.attachments.store", havingValue = "s3")
class S3AttachmentStore implements AttachmentStore, DisposableBean {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  @org.springframework.beans.factory.annotation.Autowired
  S3AttachmentStore(AttachmentProperties properties) {
    this(client(properties.s3()), properties.s3());
  }

  S3AttachmentStore(S3Client s3, AttachmentProperties.S3 config) {
    if (config.bucket() == null || config.bucket().isBlank()) {
      throw new IllegalStateException("huian.attachments.store=s3 needs huian.attachments.s3.bucket");
    }
    this.s3 = s3;
    this.bucket = config.bucket();
    this.prefix = config.prefix();
  }

  static S3Client client(AttachmentProperties.S3 config) {
    AwsCredentialsProvider credentials = config.accessKey() == null || config.accessKey().isBlank()
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
    S3ClientBuilder builder = S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        // OSS and older MinIO releases refuse the SDK's default aws-chunked uploads with trailing
        // CRC checksums: send and check checksums only where an operation requires them
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder()
            .pathStyleAccessEnabled(config.pathStyle())
            .chunkedEncodingEnabled(false)
            .build());
    if (config.endpoint() != null) {
      builder.endpointOverride(java.net.URI.create(config.endpoint()));
    }
    return builder.build();
  }

  @Override
  public String name() {
    return "s3";
  }

  @Override
  public void put(String key, String contentType, byte[] bytes) {
    s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType).contentLength((long) bytes.length),
        RequestBody.fromBytes(bytes));
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
  }

  @Override
  public boolean transactional() {
    return false;
  }

  @Override
  public void destroy() {
    s3.close();
  }
}
