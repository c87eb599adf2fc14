package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.huian.attachment.AttachmentOwner;
import org.huian.attachment.AttachmentService;
import org.huian.attachment.PreparedFile;
import org.huian.attachment.TestImages;
import org.huian.attachment.Upload;
import org.huian.e2e.HuianClient.Download;
import org.huian.e2e.HuianClient.Reply;
import org.huian.e2e.MultipartBody.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3-compatible store ({@code huian.attachments.store=s3}) against S3Mock, a real S3 HTTP
 * endpoint in this JVM (Adobe's JUnit 5 extension), through the AWS SDK v2 as MinIO or OSS would
 * be used: uploads land in the bucket, are served back, leave nothing behind when refused or rolled
 * back, and are deleted by purge.
 *
 * <p>S3Mock is a Spring Boot application of its own, started in this JVM on the same class path,
 * so it reads Huian's application.yaml and auto-configures a second process engine, which fails
 * ("invalid history level: huian-full"). The properties below keep it to itself: another config name (it reads no application.* file) and no data
 * source, Flyway or Camunda auto-configuration (docs/attachments.md).
 */
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:huian-attachments-s3;DB_CLOSE_DELAY=-1",
    "huian.attachments.store=s3",
    "huian.attachments.s3.bucket=" + S3AttachmentStoreTest.BUCKET,
    "huian.attachments.s3.access-key=test-key",
    "huian.attachments.s3.secret-key=test-secret",
    "huian.attachments.s3.path-style=true",
    "huian.attachments.s3.prefix=huian/"})
class S3AttachmentStoreTest extends AbstractApiTest {

  static final String BUCKET = "huian-attachments";

  @RegisterExtension
  static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent()
      .withInitialBuckets(BUCKET)
      .withProperty("spring.config.name", "s3mock-in-huian-tests")
      .withProperty("com.adobe.testing.s3mock.region", "us-east-1")
      .withProperty("spring.jmx.enabled", "false")
      .withProperty("spring.autoconfigure.exclude", String.join(",",
          "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
          "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
          "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
          "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
          "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"))
      .build();

  static S3Client bucket;

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    registry.add("huian.attachments.s3.endpoint", () -> "http://localhost:" + S3_MOCK.getHttpPort());
  }

  @BeforeAll
  static void client() {
    bucket = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .endpointOverride(java.net.URI.create("http://localhost:" + S3_MOCK.getHttpPort()))
        .forcePathStyle(true).build();
  }

  @AfterAll
  static void close() {
    bucket.close();
  }

  @Autowired AttachmentService attachments;
  @Autowired TransactionTemplate transactions;

  List<String> keys() {
    return bucket.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).sorted().toList();
  }

  @Test
  void shouldKeepFilesInTheBucketAndServeThemBack() throws Exception {
    String caseNo = create(b -> { }).path("caseNo").asText();
    String path = "/api/cases/" + caseNo + "/attachments";
    List<String> before = keys();

    Reply r = MultipartBody.post(client, STREET_USER, path, List.of(
        Part.file("IMG_0001.jpg", "image/jpeg", TestImages.jpegWithGps(400, 300, 39.9, 116.4, 1))));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    JsonNode a = r.body().path("attachments").get(0);
    String id = a.path("id").asText();

    assertThat(keys()).containsAll(before).contains("huian/" + id, "huian/" + id + "/thumbnail").hasSize(before.size() + 2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment_blobs").query(Long.class).single()).as("nothing in the database").isZero();
    assertThat(jdbc.sql("SELECT store FROM attachments WHERE id = ?").param(id).query(String.class).single()).isEqualTo("s3");
    byte[] object = bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key("huian/" + id)).asByteArray();
    Download served = client.download(STREET_USER, a.path("url").asText());
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.bytes()).isEqualTo(object);
    assertThat(AbstractAttachmentApiTest.hasGps(object)).isFalse();
    assertThat(client.download(OTHER_STREET_USER, a.path("url").asText()).status()).isEqualTo(404);

    // refused: nothing in the bucket
    Reply bad = MultipartBody.post(client, STREET_USER, path, List.of(Part.file("a.jpg", "image/jpeg", TestImages.brokenJpeg())));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(keys()).hasSize(before.size() + 2);

    // purge (retention, erasure): rows and objects gone
    assertThat(attachments.purge(AttachmentOwner.CASE, caseNo)).isEqualTo(1);
    assertThat(keys()).isEqualTo(before);
    assertThat(attachments.list(AttachmentOwner.CASE, caseNo)).isEmpty();
  }

  @Test
  void shouldDeleteTheObjectsWhenTheCallersTransactionRollsBack() {
    String caseNo = create(b -> { }).path("caseNo").asText();
    List<String> before = keys();
    List<PreparedFile> files = attachments.prepare(List.of(new Upload("a.jpg", TestImages.jpeg(50, 40)),
        new Upload("b.pdf", TestImages.pdf("协议"))));

    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      attachments.store(AttachmentOwner.CASE, caseNo, "调解协议", null, files, STREET_USER, null);
      assertThat(keys()).hasSize(before.size() + 4);
      throw new IllegalStateException("the caller's own write failed");
    })).hasMessageContaining("caller's own write");

    assertThat(keys()).as("objects of a rolled-back store").isEqualTo(before);
    assertThat(attachments.list(AttachmentOwner.CASE, caseNo)).isEmpty();
  }
}
