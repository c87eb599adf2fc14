package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huian.e2e.HuianClient.Reply;
import org.huian.notification.OutboxRelay;
import org.huian.testsupport.InProcessSmsc;
import org.huian.testsupport.InProcessSmsc.Received;
import org.huian.testsupport.InProcessSmsc.Submit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMPP channel against a real SMSC in the test's JVM (jSMPP's server API, {@link
 * InProcessSmsc}): the bind, submit_sm with the resident's number and the text in UCS2 with a
 * receipt requested, long texts in concatenated segments, delivery receipts resolved into the
 * outbox row, a throttled submit retried after its pause, refused numbers dead-lettered at once;
 * and Mr Li's remote mediation, whose confirmation links reach both parties as SMS and are
 * confirmed from the texts the SMSC received.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmppSmsTest extends AbstractApiTest {

  static final InProcessSmsc smsc = startSmsc();
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String SIGNATURE = "【汇安】";

  @Autowired OutboxRelay relay;

  @DynamicPropertySource
  static void smpp(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:huian-smpp;DB_CLOSE_DELAY=-1");
    registry.add("huian.notifications.channels", () -> "log,sms-smpp");
    registry.add("huian.notifications.log-links", () -> "false");
    registry.add("HUIAN_SMPP_SYSTEM_ID", () -> "huian");
    registry.add("HUIAN_SMPP_PASSWORD", () -> "s3cret");
    registry.add("huian.notifications.sms.smpp.host", () -> "127.0.0.1");
    registry.add("huian.notifications.sms.smpp.port", smsc::port);
    registry.add("huian.notifications.sms.smpp.source-address", () -> "106900001234");
    registry.add("huian.notifications.sms.smpp.signature", () -> SIGNATURE);
    registry.add("huian.notifications.sms.smpp.reconnect-interval", () -> "PT1H");
    registry.add("huian.notifications.sms.retry-after", () -> "PT1M");
  }

  static InProcessSmsc startSmsc() {
    try {
      return new InProcessSmsc("huian", "s3cret");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopSmsc() throws IOException {
    smsc.close();
  }

  @BeforeEach
  void resetSmsc() {
    smsc.reset();
  }

  @Test
  void shouldSubmitInUcs2WithAReceiptRequestedAndResolveTheReceiptIntoTheRow() throws Exception {
    long id = enqueue("SMS-S1", "CLOSED", "sms:13812345678", "您反映的事项（编号 SMS-S1）已办结。感谢您对平安建设的支持。");

    relay.relay();

    assertThat(smsc.binds).contains(BindType.BIND_TRX);
    List<Submit> submits = submitsTo("13812345678");
    assertThat(submits).hasSize(1);
    Submit s = submits.get(0);
    assertThat(s.dataCoding()).as("UCS2").isEqualTo((byte) 0x08);
    assertThat(s.udh()).isFalse();
    assertThat(s.registeredDelivery() & 0x03).as("SMSC delivery receipt requested").isEqualTo(1);
    assertThat(s.source()).isEqualTo("106900001234");
    assertThat(s.text()).isEqualTo(SIGNATURE + "您反映的事项（编号 SMS-S1）已办结。感谢您对平安建设的支持。");
    assertThat(row(id, "status")).isEqualTo("SENT");
    assertThat(row(id, "delivery_channel")).isEqualTo("sms-smpp");
    assertThat(row(id, "delivery_status")).isEqualTo("SUBMITTED");

    smsc.receipt(s.messageId(), DeliveryReceiptState.DELIVRD, "000", false);

    await(() -> "DELIVERED".equals(row(id, "delivery_status")), "the receipt marks the row delivered");
    assertThat(row(id, "delivery_detail")).isEqualTo("stat:DELIVRD err:000");
    assertThat(row(id, "delivery_reported_at")).isNotNull();
  }

  @Test
  void shouldSplitALongTextIntoSegmentsAndTakeTheOutcomeOfAllOfThem() throws Exception {
    String body = "李建国：您好，您涉及的纠纷（编号 SMS-S2）定于 2026-12-01 10:00 远程视频调解，会议链接 "
        + "https://meeting.example.org/huian-li ，届时东城区人民法院诉调对接工作站王法官将一同参加，请提前十分钟进入会议并准备好身份证件。";
    long id = enqueue("SMS-S2", "MEDIATION_SCHEDULED", "sms:13812345678", body);

    relay.relay();

    List<Submit> parts = submitsTo("13812345678");
    String text = SIGNATURE + body;
    int expected = (text.length() + 66) / 67;
    assertThat(parts).hasSize(expected);
    for (int i = 0; i < parts.size(); i++) {
      Submit p = parts.get(i);
      assertThat(p.udh()).isTrue();
      assertThat(p.total()).isEqualTo(expected);
      assertThat(p.seq()).isEqualTo(i + 1);
      assertThat(p.reference()).isEqualTo((int) (id & 0xFF));
      assertThat(p.shortMessage().length).as("one SMS holds 140 octets").isLessThanOrEqualTo(140);
    }
    Received joined = smsc.received().stream().filter(r -> r.destination().equals("13812345678")).findFirst().orElseThrow();
    assertThat(joined.text()).isEqualTo(text);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_submissions WHERE outbox_id = ?").param(id).query(Long.class).single())
        .isEqualTo(expected);

    for (int i = 0; i < parts.size() - 1; i++) {
      // this SMSC writes the receipt id in decimal, the submit_sm_resp id was hexadecimal
      smsc.receipt(Long.toString(Long.parseLong(parts.get(i).messageId(), 16)), DeliveryReceiptState.DELIVRD, "000", i == 0);
    }
    await(() -> jdbc.sql("SELECT COUNT(*) FROM sms_submissions WHERE outbox_id = ? AND status = 'DELIVERED'").param(id)
        .query(Long.class).single() == parts.size() - 1, "the first segments delivered");
    assertThat(row(id, "delivery_status")).as("waits for the last segment").isEqualTo("SUBMITTED");

    smsc.receipt(parts.get(parts.size() - 1).messageId(), DeliveryReceiptState.UNDELIV, "011", true);
    await(() -> "UNDELIVERED".equals(row(id, "delivery_status")), "one undelivered segment makes the row undelivered");
    assertThat(row(id, "delivery_detail")).isEqualTo("stat:UNDELIV err:011");
  }

  @Test
  void shouldRetryAThrottledSubmitAfterItsPauseAndThenSucceed() {
    smsc.nextStatuses.add(SMPPConstant.STAT_ESME_RTHROTTLED);
    long id = enqueue("SMS-S3", "CLOSED", "sms:13812345678", "您反映的事项（编号 SMS-S3）已办结。");

    relay.relay();
    assertThat(row(id, "status")).isEqualTo("PENDING");
    assertThat(row(id, "attempts")).isEqualTo("1");
    assertThat(row(id, "last_error")).contains("ESME_RTHROTTLED").contains("138****5678").doesNotContain("13812345678");
    assertThat(submitsTo("13812345678")).isEmpty();

    relay.relay();
    assertThat(row(id, "attempts")).as("not before the pause is over").isEqualTo("1");

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofSeconds(61))));
    relay.relay();
    assertThat(row(id, "status")).isEqualTo("SENT");
    assertThat(row(id, "attempts")).isEqualTo("2");
    assertThat(submitsTo("13812345678")).hasSize(1);
  }

  @Test
  void shouldDeadLetterARefusedNumberAndALandlineAtOnce() {
    smsc.nextStatuses.add(SMPPConstant.STAT_ESME_RINVDSTADR);
    long refused = enqueue("SMS-S4", "CLOSED", "sms:13812345678", "您反映的事项（编号 SMS-S4）已办结。");
    long landline = enqueue("SMS-S4", "CLOSED", "sms:010-87654321", "您反映的事项（编号 SMS-S4）已办结。");
    long unit = enqueue("SMS-S4", "WARNED", "110101004001", "案件「SMS-S4」将到达办结时限，请抓紧办理。");

    relay.relay();

    assertThat(row(refused, "status")).isEqualTo("DEAD");
    assertThat(row(refused, "attempts")).isEqualTo("1");
    assertThat(row(refused, "last_error")).contains("ESME_RINVDSTADR");
    assertThat(row(landline, "status")).isEqualTo("DEAD");
    assertThat(row(landline, "last_error")).contains("not a mainland mobile number: 010****4321");
    assertThat(row(unit, "status")).isEqualTo("SENT");
    assertThat(row(unit, "delivery_channel")).as("units' messages keep their channels").isNull();
    assertThat(smsc.nextStatuses).as("the refused submit_sm reached the SMSC").isEmpty();
    assertThat(smsc.submits).as("nothing was accepted: the landline and the unit message never reached it").isEmpty();
  }

  @Test
  void shouldBindAgainWhenTheSmscDroppedTheSession() {
    long first = enqueue("SMS-S5", "CLOSED", "sms:13812345678", "第一条。");
    relay.relay();
    assertThat(row(first, "status")).isEqualTo("SENT");
    int bindsBefore = smsc.binds.size();

    smsc.dropSessions();
    long second = enqueue("SMS-S5", "CLOSED", "sms:13812345678", "第二条。");
    await(() -> {
      relay.relay();
      return "SENT".equals(row(second, "status")) || "1".equals(row(second, "attempts"));
    }, "an attempt after the drop");
    if (!"SENT".equals(row(second, "status"))) {
      // the drop was noticed while sending: the row waits for its retry
      ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofSeconds(61))));
      relay.relay();
    }
    assertThat(row(second, "status")).isEqualTo("SENT");
    assertThat(smsc.binds.size()).isGreaterThan(bindsBefore);
    assertThat(smsc.received()).extracting(Received::text).contains(SIGNATURE + "第二条。");
  }

  /**
   * Mr Li's unpaid wages, mediated remotely: the schedule and the agreement links go out through
   * the outbox as SMS to both parties' mobiles, and each party confirms from the link in the text
   * the SMSC received. No log line shows a full number.
   */
  @Test
  void shouldSendTheMediationLinksAsSmsAndLetBothPartiesConfirmFromThem(CapturedOutput output) throws Exception {
    String li = "13812345678";
    String company = "13900001111";
    Map<String, Object> b = body(x -> { });
    b.put("channel", "HOTLINE");
    b.put("category", "WAGE_ARREARS");
    b.put("title", "李师傅班组消防工程工资被拖欠四年");
    b.put("description", "尾款 86000 元至今未付，李师傅现居河北，无法来京。");
    b.put("crossRegion", true);
    b.put("peopleInvolved", 6);
    b.put("amountInvolved", 86000);
    b.put("reporter", new HashMap<>(Map.of("name", "李建国", "phone", li, "anonymous", false)));
    b.put("parties", List.of(
        Map.of("role", "APPLICANT", "kind", "PERSON", "name", "李建国", "phone", li),
        Map.of("role", "RESPONDENT", "kind", "ORGANISATION", "name", "北京某消防工程有限公司", "phone", company)));
    Reply intake = client.post(STREET_USER, "/api/cases", b);
    assertThat(intake.status()).as(intake.raw()).isEqualTo(201);
    String caseNo = intake.body().path("caseNo").asText();
    JsonNode parties = get(caseNo).path("parties");
    long liId = parties.get(0).path("id").asLong();
    long companyId = parties.get(1).path("id").asLong();

    Map<String, Object> session = new HashMap<>();
    session.put("mode", "REMOTE_VIDEO");
    session.put("scheduledAt", now.plus(Duration.ofDays(1)).atZone(BEIJING).toOffsetDateTime().toString());
    session.put("meetingLink", "https://meeting.example.org/huian-li");
    session.put("externalMediatorKind", "JUDGE");
    session.put("externalMediatorName", "王法官");
    session.put("courtStation", "东城区人民法院诉调对接工作站");
    Reply scheduled = client.post("district", "/api/cases/" + caseNo + "/mediations", session);
    assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
    runAsyncJobs();

    LocalDate today = LocalDate.now(BEIJING);
    Map<String, Object> obligation = new HashMap<>();
    obligation.put("obligorPartyId", companyId);
    obligation.put("beneficiaryPartyId", liId);
    obligation.put("description", "支付拖欠的工程款（班组工资）");
    obligation.put("totalAmount", 86000);
    obligation.put("instalments", List.of(Map.of("amount", 50000, "dueDate", today.plusDays(10).toString()),
        Map.of("amount", 36000, "dueDate", today.plusDays(40).toString())));
    Reply agreed = client.post("district", "/api/cases/" + caseNo + "/agreement", Map.of("outcome", "AGREEMENT",
        "responsibilities", "公司对班组工资负有直接支付义务。", "text", "北京某消防工程有限公司分两期向李建国支付工资款共计 86000 元。",
        "obligations", List.of(obligation)));
    assertThat(agreed.status()).as(agreed.raw()).isEqualTo(201);
    runAsyncJobs();

    relay.relay();

    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_no = ? AND status <> 'SENT'")
        .param(caseNo).query(Long.class).single()).isZero();
    List<Received> texts = smsc.received();
    assertThat(texts).anyMatch(r -> r.destination().equals(li) && r.text().startsWith(SIGNATURE + "李建国：您好")
        && r.text().contains(caseNo) && r.text().contains("调解"));
    assertThat(texts).anyMatch(r -> r.destination().equals(company) && r.text().contains("北京某消防工程有限公司"));
    List<String> links = new ArrayList<>();
    for (String phone : List.of(li, company)) {
      String link = texts.stream().filter(r -> r.destination().equals(phone)).map(Received::text)
          .map(SmppSmsTest::link).filter(l -> l != null).findFirst().orElseThrow(() -> new AssertionError("no link to " + phone));
      links.add(link);
    }
    assertThat(links.get(0)).isNotEqualTo(links.get(1));
    assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE case_no = ? AND kind = 'AGREEMENT_LINK'")
        .param(caseNo).query(String.class).list()).as("sent links are redacted from the outbox").allMatch(x -> x.contains("/m/***"));

    for (String link : links) {
      String path = link.substring(link.indexOf("/m/"));
      assertThat(client.getHtml(path).status()).isEqualTo(200);
      Reply confirmed = client.postForm(path, "answer=CONFIRM");
      assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
    }
    Reply agreement = client.get("district", "/api/cases/" + caseNo + "/agreement");
    assertThat(agreement.body().path("status").asText()).isEqualTo("EFFECTIVE");

    for (Submit s : smsc.submits) {
      smsc.receipt(s.messageId(), DeliveryReceiptState.DELIVRD, "000", true);
    }
    await(() -> jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_no = ? AND recipient LIKE 'sms:%' "
        + "AND (delivery_status IS NULL OR delivery_status <> 'DELIVERED')").param(caseNo).query(Long.class).single() == 0,
        "every SMS of the case delivered");

    assertThat(output.getAll()).doesNotContain(li).doesNotContain(company).contains("138****5678").contains("139****1111");
  }

  // ---------------------------------------------------------------------------------- helpers

  static String link(String text) {
    Matcher m = Pattern.compile("https?://\\S+/m/[A-Za-z0-9_-]+").matcher(text);
    return m.find() ? m.group() : null;
  }

  long enqueue(String caseNo, String kind, String recipient, String body) {
    outbox.enqueue(caseNo, kind, recipient, kind, body);
    return jdbc.sql("SELECT MAX(id) FROM notification_outbox WHERE case_no = ?").param(caseNo).query(Long.class).single();
  }

  static List<Submit> submitsTo(String destination) {
    return smsc.submits.stream().filter(s -> s.destination().equals(destination)).toList();
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
