package org.huian.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.huian.cases.CaseEvent;
import org.huian.cases.CaseStatus;
import org.huian.cases.EventType;
import org.huian.notification.NotificationOutbox;
import org.junit.jupiter.api.Test;

/** The resident capability's rules without an application: titles, field names, public wording, redaction. */
class ResidentRulesTest {

  @Test
  void shouldDeriveTheTitleFromTheDescriptionsFirstLineCutAtThirtyCharacters() {
    assertThat(ResidentReportService.title("  楼道堆物\n第二行")).isEqualTo("楼道堆物");
    String longLine = "一二三四五六七八九十".repeat(4);
    assertThat(ResidentReportService.title(longLine)).isEqualTo(longLine.substring(0, 30) + "…");
    assertThat(ResidentReportService.title("😀".repeat(31))).as("counted in characters, not UTF-16 units")
        .isEqualTo("😀".repeat(30) + "…");
    assertThat(ResidentReportService.title(" ")).isNull();
  }

  @Test
  void shouldNameIntakesFieldsAsTheResidentFormDoes() {
    assertThat(ResidentReportService.residentField("location")).isEqualTo("streetCode");
    assertThat(ResidentReportService.residentField("location.communityCode")).isEqualTo("communityCode");
    assertThat(ResidentReportService.residentField("reporter.phone")).isEqualTo("phone");
    assertThat(ResidentReportService.residentField("location.lat")).isEqualTo("lat");
    assertThat(ResidentReportService.residentField("category")).isEqualTo("category");
  }

  @Test
  void shouldWordPublicNotesWithoutTheStaffsNoteOrActor() {
    CaseEvent resolved = new CaseEvent(EventType.RESOLVED, Instant.now(), "STREET", "110101004000", "street-andingmen",
        "处置人王建国已上门");
    assertThat(PublicNotes.of(resolved, null)).contains("承办单位已办结，将进行回访");
    assertThat(PublicNotes.of(new CaseEvent(EventType.WARNED, Instant.now(), null, null, "system", "x"), null)).isEmpty();
    assertThat(PublicNotes.of(new CaseEvent(EventType.ROUTED, Instant.now(), null, null, "system", "x"), "安定门街道综治中心"))
        .contains("已交由安定门街道综治中心办理");
    for (EventType type : EventType.values()) {
      PublicNotes.of(new CaseEvent(type, Instant.now(), null, null, "李四", "内部备注 13800000000"), "某单位")
          .ifPresent(text -> assertThat(text).doesNotContain("李四", "内部备注", "13800000000"));
    }
    assertThat(Arrays.stream(CaseStatus.values()).map(PublicNotes::status)).doesNotContainNull();
  }

  @Test
  void shouldRedactTrackingTokensLikeConfirmationTokensOnceSent() {
    String body = "您反映的事项已受理（编号 DC1），可打开链接查看办理进度：https://h.example/track/9CIOQ891r_Ys53Qp-h27GJTP4sVCTHzt3a0QYB0uAoU";
    assertThat(NotificationOutbox.redactLinks(body)).endsWith("https://h.example/track/***").doesNotContain("9CIOQ");
    assertThat(NotificationOutbox.redactLinks("请确认：https://h.example/m/abcdefghijklmnopqrstuvwxyz")).endsWith("/m/***");
  }
}
