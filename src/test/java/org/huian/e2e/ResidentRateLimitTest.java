package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The abuse limits of the resident's page with small buckets (docs/field-and-residents.md): per
 * phone number, per address, and on tracking look-ups, each answered 429 problem+json with
 * {@code Retry-After}, nothing stored for a refused report. Every request here comes from 127.0.0.1.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:huian-resident-limits;DB_CLOSE_DELAY=-1",
    "huian.resident.reports-per-ip=4", "huian.resident.reports-per-phone=2", "huian.resident.report-period=PT1H",
    "huian.resident.reads-per-ip=5"})
class ResidentRateLimitTest extends AbstractApiTest {

  @Test
  void shouldRefuseReportsBeyondThePhoneLimitThenBeyondTheAddressLimitWithRetryAfter() {
    long cases = jdbc.sql("SELECT COUNT(*) FROM cases").query(Long.class).single();
    for (int i = 0; i < 2; i++) {
      assertThat(report("13955556666").status()).isEqualTo(201);
    }
    Answer phone = report("13955556666");
    assertThat(phone.status()).as(phone.raw()).isEqualTo(429);
    assertThat(phone.contentType()).startsWith("application/problem+json");
    assertThat(phone.body().path("errors").get(0).path("field").asText()).isEqualTo("phone");
    assertThat(retryAfter(phone)).isBetween(1L, 3600L);

    assertThat(report("13977778888").status()).as("another number, the address's fourth report").isEqualTo(201);
    Answer address = report("13999990000");
    assertThat(address.status()).as(address.raw()).isEqualTo(429);
    assertThat(address.body().path("detail").asText()).contains("提交过于频繁");
    assertThat(retryAfter(address)).isBetween(3000L, 3600L);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM cases").query(Long.class).single()).as("only the accepted reports")
        .isEqualTo(cases + 3);
  }

  @Test
  void shouldLimitTrackingLookUpsPerAddress() {
    for (int i = 0; i < 5; i++) {
      assertThat(track("C".repeat(43)).status()).isEqualTo(404);
    }
    Answer limited = track("C".repeat(43));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(retryAfter(limited)).isBetween(1L, 60L);
  }

  /** The answer with its headers: HuianClient's replies carry none. */
  record Answer(int status, String contentType, JsonNode body, String raw, java.util.Optional<String> retryAfter) {}

  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  Answer report(String phone) {
    String boundary = AbstractResidentReportApiTest.boundary();
    byte[] body = AbstractResidentReportApiTest.multipart(boundary,
        AbstractResidentReportApiTest.report(r -> r.put("phone", phone)), Map.of());
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/reports"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Answer track(String token) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/track/" + token)).GET());
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = r.headers().firstValue("Content-Type").orElse("");
      return new Answer(r.statusCode(), type, type.contains("json") ? HuianClient.JSON.readTree(r.body()) : null, r.body(),
          r.headers().firstValue("Retry-After"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static long retryAfter(Answer a) {
    return Long.parseLong(a.retryAfter().orElseThrow(() -> new AssertionError("no Retry-After on " + a.raw())));
  }
}
