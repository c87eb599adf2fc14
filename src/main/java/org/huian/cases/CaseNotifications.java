package org.huian.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.notification.NotificationOutbox;
import org.huian.security.UnitGroups;
import org.springframework.stereotype.Component;

/** Composes the Chinese notifications of the funnel and writes them to the outbox. */
@Component
public class CaseNotifications {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final NotificationOutbox outbox;
  private final Geography geography;

  CaseNotifications(NotificationOutbox outbox, Geography geography) {
    this.outbox = outbox;
    this.geography = geography;
  }

  void warned(CaseRow c) {
    outbox.enqueue(c.caseNo(), "WARNED", c.unitCode(),
        "案件临期预警：" + c.caseNo(),
        "案件「" + c.title() + "」将于 " + format(c.deadline()) + " 到达办结时限，请抓紧办理。");
  }

  void escalated(CaseRow c, String fromUnitCode, EscalationReason reason) {
    Unit from = geography.get(fromUnitCode);
    Unit to = geography.get(c.unitCode());
    String why = switch (reason) {
      case DEADLINE -> "超过办结时限未办结";
      case MANUAL -> "承办单位申请上报";
      case DISSATISFIED -> "反映人两次回访不满意";
    };
    outbox.enqueue(c.caseNo(), "ESCALATED_FROM", fromUnitCode,
        "案件已上报：" + c.caseNo(),
        "贵单位承办的案件「" + c.title() + "」因" + why + "，已上报至" + to.name() + "。");
    outbox.enqueue(c.caseNo(), "ESCALATED_TO", c.unitCode(),
        "上报案件待办：" + c.caseNo(),
        "案件「" + c.title() + "」由" + from.name() + "上报（" + why + "），请及时处置。");
  }

  void supervisionOrdered(CaseRow c) {
    outbox.enqueue(c.caseNo(), "SUPERVISION_ORDERED", UnitGroups.leadersGroup(geography.districtOf(geography.get(c.unitCode())).code()),
        "督办：" + c.caseNo() + " 已超过区级办结时限",
        "案件「" + c.title() + "」已于 " + format(c.deadline()) + " 超过区级办结时限，请下达督办意见。");
  }

  void closed(CaseRow c) {
    if (c.reporterAnonymous() || c.reporterPhone() == null) {
      return;
    }
    outbox.enqueue(c.caseNo(), "CLOSED", "sms:" + c.reporterPhone(),
        "您反映的事项已办结",
        "您反映的事项（编号 " + c.caseNo() + "）已办结。感谢您对平安建设的支持。");
  }

  public static String format(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }
}
