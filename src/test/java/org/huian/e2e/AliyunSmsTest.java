package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.notification.OutboxRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Aliyun SMS channel through the official SDK against a local HTTP server standing in for the
 * dysmsapi endpoint: the request the SDK signs (ACS3-HMAC-SHA256, checked here with the test's
 * secret), the BizId in the outbox row, the scheduled QuerySendDetails that marks it delivered or
 * failed, a flow-control error that is retried after its pause, and an illegal number that is
 * dead-lettered at once.
 */
class AliyunSmsTest extends AbstractApiTest {

  static final String KEY_ID = "LTAI5tTestKeyId0001";
  static final String KEY_SECRET = "test-secret-known-only-to-this-test";
  static final String TOKEN = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh1";
  static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the endpoint saw it. */
  record Call(String method, String action, Map<String, String> query, Headers headers, byte[] body) {}

  static final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Answers to the next SendSms calls (status, JSON); empty: OK with a new BizId. */
  static final Queue<Object[]> sendAnswers = new ConcurrentLinkedQueue<>();
  /** What QuerySendDetails reports: SendStatus 1 (waiting), 2 (failed) or 3 (delivered) and the ErrCode. */
  static final AtomicReference<Object[]> detail = new AtomicReference<>(new Object[] {1, ""});
  static final java.util.concurrent.atomic.AtomicLong bizIds = new java.util.concurrent.atomic.AtomicLong(1000);
  static final HttpServer endpoint = startEndpoint();

  @Autowired OutboxRelay relay;

  @DynamicPropertySource
  static void aliyun(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:huian-aliyun;DB_CLOSE_DELAY=-1");
    registry.add("huian.notifications.channels", () -> "log,sms-aliyun");
    registry.add("ALIBABA_CLOUD_ACCESS_KEY_ID", () -> KEY_ID);
    registry.add("ALIBABA_CLOUD_ACCESS_KEY_SECRET", () -> KEY_SECRET);
    registry.add("huian.notifications.sms.aliyun.endpoint", () -> "127.0.0.1:" + endpoint.getAddress().getPort());
    registry.add("huian.notifications.sms.aliyun.protocol", () -> "HTTP");
    registry.add("huian.notifications.sms.aliyun.sign-name", () -> "汇安");
    registry.add("huian.notifications.sms.aliyun.template.code", () -> "SMS_900000000");
    registry.add("huian.notifications.sms.aliyun.templates.AGREEMENT_LINK.code", () -> "SMS_900000001");
    registry.add("huian.notifications.sms.aliyun.templates.AGREEMENT_LINK.params.caseNo", () -> "caseNo");
    registry.add("huian.notifications.sms.aliyun.templates.AGREEMENT_LINK.params.token", () -> "token");
    registry.add("huian.notifications.sms.aliyun.status-poll-interval", () -> "PT0.3S");
    registry.add("huian.notifications.sms.retry-after", () -> "PT1M");
  }

  static HttpServer startEndpoint() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String action = exchange.getRequestHeaders().getFirst("x-acs-action");
        Call call = new Call(exchange.getRequestMethod(), action, query(exchange.getRequestURI().getRawQuery()),
            exchange.getRequestHeaders(), body);
        calls.add(call);
        Object[] answer = "SendSms".equals(action) ? sendAnswer() : queryAnswer(call);
        byte[] out = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders((int) answer[0], out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object[] sendAnswer() {
    Object[] queued = sendAnswers.poll();
    if (queued != null) {
      return queued;
    }
    return new Object[] {200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\","
        + "\"BizId\":\"900619746936498440^" + bizIds.incrementAndGet() + "\"}"};
  }

  static Object[] queryAnswer(Call call) {
    Object[] d = detail.get();
    return new Object[] {200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"RequestId\":\"B1C2D3E4\",\"TotalCount\":\"1\","
        + "\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":[{\"PhoneNum\":\"" + call.query().get("PhoneNumber") + "\","
        + "\"SendStatus\":" + d[0] + ",\"ErrCode\":\"" + d[1] + "\",\"TemplateCode\":\"SMS_900000001\","
        + "\"Content\":\"【汇安】…\",\"SendDate\":\"2026-12-01 10:00:00\",\"ReceiveDate\":\"2026-12-01 10:00:05\"}]}}"};
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new TreeMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.stop(0);
  }

  @BeforeEach
  void reset() {
    calls.clear();
    sendAnswers.clear();
    detail.set(new Object[] {1, ""});
  }

  @Test
  void shouldSendASignedSendSmsAndMarkTheRowDeliveredFromQuerySendDetails() throws Exception {
    outbox.enqueue("SMS-A1", "AGREEMENT_LINK", "sms:13812345678", "请确认调解协议",
        "李建国：请于 2026-12-08 前打开链接阅读并确认调解协议：http://localhost:8080/m/" + TOKEN);
    long id = rowId("SMS-A1");

    relay.relay();

    Call send = sendCalls(id).get(0);
    assertThat(send.method()).isEqualTo("POST");
    assertThat(send.action()).isEqualTo("SendSms");
    assertThat(send.headers().getFirst("x-acs-version")).isEqualTo("2017-05-25");
    assertThat(send.query()).containsEntry("PhoneNumbers", "13812345678").containsEntry("SignName", "汇安")
        .containsEntry("TemplateCode", "SMS_900000001").containsEntry("OutId", Long.toString(id));
    JsonNode params = JSON.readTree(send.query().get("TemplateParam"));
    assertThat(params.path("caseNo").asText()).isEqualTo("SMS-A1");
    assertThat(params.path("token").asText()).isEqualTo(TOKEN);
    assertThat(params.size()).isEqualTo(2);
    assertSignedWithTheTestSecret(send);

    assertThat(row(id, "status")).isEqualTo("SENT");
    assertThat(row(id, "delivery_channel")).isEqualTo("sms-aliyun");
    assertThat(row(id, "delivery_status")).isEqualTo("SUBMITTED");
    assertThat(row(id, "body")).as("the token leaves the outbox once sent").doesNotContain(TOKEN);
    String bizId = jdbc.sql("SELECT message_id FROM sms_submissions WHERE outbox_id = ?").param(id).query(String.class).single();
    assertThat(bizId).startsWith("900619746936498440^");

    await(() -> queryCalls(bizId).size() >= 1, "a QuerySendDetails while the report is pending");
    assertThat(row(id, "delivery_status")).isEqualTo("SUBMITTED");
    detail.set(new Object[] {3, "DELIVERED"});
    await(() -> "DELIVERED".equals(row(id, "delivery_status")), "the scheduled status query marks the row delivered");

    Call query = queryCalls(bizId).get(0);
    assertThat(query.query()).containsEntry("PhoneNumber", "13812345678").containsEntry("BizId", bizId)
        .containsEntry("SendDate", DateTimeFormatter.ofPattern("yyyyMMdd").format(ClockUtil.getCurrentTime().toInstant()
            .atZone(ZoneId.of("Asia/Shanghai"))))
        .containsKeys("PageSize", "CurrentPage");
    assertSignedWithTheTestSecret(query);
    assertThat(row(id, "delivery_detail")).isEqualTo("DELIVERED");
    assertThat(row(id, "delivery_reported_at")).isNotNull();
  }

  @Test
  void shouldUseTheDefaultTemplateAndRecordACarrierFailure() throws Exception {
    outbox.enqueue("SMS-A2", "CLOSED", "sms:+86 139-0000-1111", "您反映的事项已办结", "您反映的事项（编号 SMS-A2）已办结。");
    long id = rowId("SMS-A2");
    outbox.enqueue("SMS-A2", "WARNED", "110101004001", "案件临期预警：SMS-A2", "请抓紧办理。");

    relay.relay();

    assertThat(sendCallsFor("SMS-A2")).as("units' messages keep their channels").hasSize(1);
    Call send = sendCalls(id).get(0);
    assertThat(send.query()).containsEntry("PhoneNumbers", "13900001111").containsEntry("TemplateCode", "SMS_900000000");
    assertThat(JSON.readTree(send.query().get("TemplateParam")))
        .isEqualTo(JSON.readTree("{\"caseNo\":\"SMS-A2\",\"subject\":\"您反映的事项已办结\"}"));
    detail.set(new Object[] {2, "MK:0001"});
    await(() -> "UNDELIVERED".equals(row(id, "delivery_status")), "a failed SendStatus marks the row undelivered");
    assertThat(row(id, "delivery_detail")).isEqualTo("MK:0001");
    assertThat(row(id, "status")).as("sent, the report says what became of it").isEqualTo("SENT");
  }

  @Test
  void shouldRetryBusinessLimitControlAfterItsPauseAndThenSend() {
    sendAnswers.add(new Object[] {200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控Permits:1\","
        + "\"RequestId\":\"C0FFEE00\"}"});
    outbox.enqueue("SMS-A3", "CLOSED", "sms:13812345678", "您反映的事项已办结", "您反映的事项（编号 SMS-A3）已办结。");
    long id = rowId("SMS-A3");

    relay.relay();
    assertThat(row(id, "status")).isEqualTo("PENDING");
    assertThat(row(id, "attempts")).isEqualTo("1");
    assertThat(row(id, "last_error")).contains("isv.BUSINESS_LIMIT_CONTROL").doesNotContain("13812345678");
    assertThat(row(id, "next_attempt_at")).isNotNull();

    relay.relay();
    assertThat(sendCalls(id)).as("no second try before the pause is over").hasSize(1);

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofSeconds(61))));
    relay.relay();
    assertThat(sendCalls(id)).hasSize(2);
    assertThat(row(id, "status")).isEqualTo("SENT");
    assertThat(row(id, "attempts")).isEqualTo("2");
  }

  @Test
  void shouldRetryAFlowControlRefusalOfTheGatewayItself() {
    sendAnswers.add(new Object[] {400, "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\","
        + "\"RequestId\":\"D00D\"}"});
    outbox.enqueue("SMS-A4", "CLOSED", "sms:13812345678", "您反映的事项已办结", "您反映的事项（编号 SMS-A4）已办结。");
    long id = rowId("SMS-A4");

    relay.relay();

    assertThat(row(id, "status")).isEqualTo("PENDING");
    assertThat(row(id, "last_error")).contains("Throttling.User");
  }

  @Test
  void shouldDeadLetterAnIllegalNumberAtOnce() {
    sendAnswers.add(new Object[] {200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\",\"RequestId\":\"BAD0\"}"});
    outbox.enqueue("SMS-A5", "CLOSED", "sms:13812345678", "您反映的事项已办结", "您反映的事项（编号 SMS-A5）已办结。");
    long id = rowId("SMS-A5");
    outbox.enqueue("SMS-A5", "CLOSED", "sms:010-87654321", "您反映的事项已办结", "您反映的事项（编号 SMS-A5）已办结。");
    long landline = jdbc.sql("SELECT MAX(id) FROM notification_outbox WHERE case_no = 'SMS-A5'").query(Long.class).single();

    relay.relay();

    assertThat(row(id, "status")).isEqualTo("DEAD");
    assertThat(row(id, "attempts")).isEqualTo("1");
    assertThat(row(id, "last_error")).contains("isv.MOBILE_NUMBER_ILLEGAL");
    assertThat(row(landline, "status")).as("a landline never reaches the provider").isEqualTo("DEAD");
    assertThat(row(landline, "last_error")).contains("not a mainland mobile number: 010****4321").doesNotContain("87654321");
    assertThat(sendCalls(id, landline)).hasSize(1);
  }

  // ---------------------------------------------------------------------------------- helpers

  /**
   * Recomputes the ACS3-HMAC-SHA256 signature of a request from what arrived (method, path,
   * canonical query, the signed headers, the payload hash) with the test's secret, and compares it
   * with the Authorization header the SDK wrote.
   */
  static void assertSignedWithTheTestSecret(Call call) throws Exception {
    String authorization = call.headers().getFirst("Authorization");
    assertThat(authorization).startsWith("ACS3-HMAC-SHA256 Credential=" + KEY_ID + ",SignedHeaders=");
    assertThat(call.headers().getFirst("x-acs-signature-nonce")).isNotBlank();
    assertThat(call.headers().getFirst("x-acs-date")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    Map<String, String> parts = Arrays.stream(authorization.substring("ACS3-HMAC-SHA256 ".length()).split(","))
        .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
    List<String> signed = List.of(parts.get("SignedHeaders").split(";"));
    assertThat(signed).contains("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version");

    String payloadHash = hex(MessageDigest.getInstance("SHA-256").digest(call.body()));
    assertThat(call.headers().getFirst("x-acs-content-sha256")).isEqualTo(payloadHash);
    String canonicalQuery = call.query().entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String h : signed) {
      canonicalHeaders.append(h).append(':').append(call.headers().getFirst(h).trim()).append('\n');
    }
    String canonicalRequest = call.method() + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
        + parts.get("SignedHeaders") + "\n" + payloadHash;
    String stringToSign = "ACS3-HMAC-SHA256\n" + hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(parts.get("Signature")).as("signature over the request as received")
        .isEqualTo(hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8))));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** The SendSms calls for these outbox rows (other tests' rows may still be retried). */
  static List<Call> sendCalls(long... rows) {
    List<String> ids = Arrays.stream(rows).mapToObj(Long::toString).toList();
    return calls.stream().filter(c -> "SendSms".equals(c.action()) && ids.contains(c.query().get("OutId"))).toList();
  }

  static List<Call> sendCallsFor(String caseNo) {
    return calls.stream().filter(c -> "SendSms".equals(c.action())
        && c.query().getOrDefault("TemplateParam", "").contains(caseNo)).toList();
  }

  static List<Call> queryCalls(String bizId) {
    return calls.stream().filter(c -> "QuerySendDetails".equals(c.action()) && bizId.equals(c.query().get("BizId"))).toList();
  }

  long rowId(String caseNo) {
    return jdbc.sql("SELECT MIN(id) FROM notification_outbox WHERE case_no = ?").param(caseNo).query(Long.class).single();
  }

  String row(long id, String column) {
    return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR(4000)) FROM notification_outbox WHERE id = ?").param(id)
        .query(String.class).optional().orElse(null);
  }

  static void await(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
