package org.huian.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.huian.notification.Notification;
import org.huian.notification.PermanentNotificationFailure;
import org.junit.jupiter.api.Test;

class SmsTextTest {

  @Test
  void shouldTakeMainlandMobilesInTheirCommonSpellingsAndRefuseLandlines() {
    assertThat(SmsText.mobile("sms:13812345678")).contains("13812345678");
    assertThat(SmsText.mobile("sms:+86 138-1234-5678")).contains("13812345678");
    assertThat(SmsText.mobile("sms:008613812345678")).contains("13812345678");
    assertThat(SmsText.mobile("sms:8613812345678")).contains("13812345678");
    assertThat(SmsText.mobile("sms:010-87654321")).isEmpty();
    assertThat(SmsText.mobile("sms:12812345678")).as("no 12x mobiles").isEmpty();
    assertThat(SmsText.mobile("sms:1381234567")).isEmpty();
    assertThat(SmsText.masked("sms:+86 139-0000-1111")).isEqualTo("139****1111");
  }

  @Test
  void shouldKeepAShortTextInOnePartWithoutHeader() {
    String text = "【汇安】".repeat(1) + "您".repeat(66);
    assertThat(text).hasSize(70);
    List<byte[]> parts = SmsText.ucs2Segments(text, 7);
    assertThat(parts).hasSize(1);
    assertThat(new String(parts.get(0), StandardCharsets.UTF_16BE)).isEqualTo(text);
  }

  @Test
  void shouldSplitALongTextInto67CharacterSegmentsBehindAConcatenationHeader() {
    String text = "调".repeat(71);
    List<byte[]> parts = SmsText.ucs2Segments(text, 300);
    assertThat(parts).hasSize(2);
    assertThat(Arrays.copyOf(parts.get(0), 6)).containsExactly(0x05, 0x00, 0x03, 300 & 0xFF, 2, 1);
    assertThat(Arrays.copyOf(parts.get(1), 6)).containsExactly(0x05, 0x00, 0x03, 300 & 0xFF, 2, 2);
    assertThat(parts.get(0)).hasSize(6 + 67 * 2);
    assertThat(parts.get(1)).hasSize(6 + 4 * 2);
  }

  @Test
  void shouldNeverCutASurrogatePairBetweenSegments() {
    String text = "解".repeat(66) + "😀" + "解".repeat(10);
    List<byte[]> parts = SmsText.ucs2Segments(text, 1);
    String first = new String(parts.get(0), 6, parts.get(0).length - 6, StandardCharsets.UTF_16BE);
    String second = new String(parts.get(1), 6, parts.get(1).length - 6, StandardCharsets.UTF_16BE);
    assertThat(first).isEqualTo("解".repeat(66));
    assertThat(second).startsWith("😀");
    assertThat(first + second).isEqualTo(text);
  }

  @Test
  void shouldFillTemplateVariablesFromTheMessage() {
    Notification n = new Notification(1, "DC2026000042", "AGREEMENT_LINK", "sms:13812345678", "请确认调解协议",
        "李建国：请打开链接确认调解协议：https://huian.example.gov.cn/m/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh1");
    assertThat(SmsText.templateParams(Map.of("no", "caseNo", "t", "token", "url", "link", "s", "subject"), n))
        .containsEntry("no", "DC2026000042")
        .containsEntry("t", "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh1")
        .containsEntry("url", "https://huian.example.gov.cn/m/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh1")
        .containsEntry("s", "请确认调解协议");
    Notification tracking = new Notification(3, "DC2026000043", "TRACKING_LINK", "sms:13812345678", "您反映的事项已受理",
        "您反映的事项已受理（编号 DC2026000043），可打开链接查看办理进度：https://huian.example.gov.cn/track/9CIOQ891r_Ys53Qp-h27GJTP4sVCTHzt3a0QYB0uAoU");
    assertThat(SmsText.templateParams(Map.of("t", "token"), tracking)).as("a resident's tracking link")
        .containsEntry("t", "9CIOQ891r_Ys53Qp-h27GJTP4sVCTHzt3a0QYB0uAoU");
    Notification closed = new Notification(2, "DC2026000042", "CLOSED", "sms:13812345678", "您反映的事项已办结", "已办结。");
    assertThatThrownBy(() -> SmsText.templateParams(Map.of("t", "token"), closed))
        .isInstanceOf(PermanentNotificationFailure.class).hasMessageContaining("CLOSED message has none");
    assertThatThrownBy(() -> SmsText.templateParams(Map.of("x", "phone"), closed))
        .isInstanceOf(PermanentNotificationFailure.class).hasMessageContaining("unknown source 'phone'");
  }

  @Test
  void shouldTakeTheWorstSegmentAsTheMessagesOutcome() {
    assertThat(SmsDeliveries.outcome(List.of(new String[] {"DELIVERED", "a"}, new String[] {"DELIVERED", "b"}))[0]).isEqualTo("DELIVERED");
    assertThat(SmsDeliveries.outcome(List.of(new String[] {"DELIVERED", "a"}, new String[] {"SUBMITTED", null}))[0]).isEqualTo("SUBMITTED");
    assertThat(SmsDeliveries.outcome(List.of(new String[] {"SUBMITTED", null}, new String[] {"EXPIRED", "x"})))
        .containsExactly("EXPIRED", "x");
    assertThat(SmsDeliveries.alternativeForms("4098560")).containsExactly("3e8a00", "3E8A00");
    assertThat(SmsDeliveries.alternativeForms("3E8A00")).containsExactly("4098560");
  }
}
