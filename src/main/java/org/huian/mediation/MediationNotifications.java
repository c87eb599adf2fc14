package org.huian.mediation;

import org.huian.cases.StoredParty;
import org.huian.notification.NotificationOutbox;
import org.springframework.stereotype.Component;

/** Messages to the parties of a mediation (by SMS through the outbox). */
@Component
class MediationNotifications {

  private final NotificationOutbox outbox;

  MediationNotifications(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  void scheduled(String caseNo, StoredParty p, String when, String where) {
    sms(caseNo, "MEDIATION_SCHEDULED", p, "调解通知",
        p.name() + "：您好，您涉及的纠纷（编号 " + caseNo + "）定于 " + when + " 调解，" + where + "。");
  }

  void confirmAgreement(String caseNo, StoredParty p, String link, String deadline) {
    sms(caseNo, "AGREEMENT_LINK", p, "请确认调解协议",
        p.name() + "：请于 " + deadline + " 前打开链接阅读并确认调解协议：" + link);
  }

  void confirmFulfilment(String caseNo, StoredParty p, String what, String link) {
    sms(caseNo, "FULFILMENT_LINK", p, "请确认履行情况",
        p.name() + "：调解协议约定的" + what + "已到期，如已收到请点击确认：" + link);
  }

  void remind(String caseNo, StoredParty obligor, String what, String graceUntil) {
    sms(caseNo, "FULFILMENT_REMINDER", obligor, "履行提醒",
        obligor.name() + "：调解协议约定的" + what + "尚未履行，请于 " + graceUntil + " 前履行，逾期将视为违约并依法处理。");
  }

  private void sms(String caseNo, String kind, StoredParty p, String subject, String body) {
    if (p.phone() != null && !p.phone().isBlank()) {
      outbox.enqueue(caseNo, kind, "sms:" + p.phone(), subject, body);
    }
  }
}
