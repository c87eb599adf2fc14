package org.huian.mediation;

import org.huian.config.TextRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseNotifications;
import org.huian.cases.CaseRow;
import org.huian.cases.EventType;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.cases.StoredParty;
import org.springframework.stereotype.Component;

/** Checks and stores a scheduled session, writes the timeline and tells every party when and where. */
@Component
class RecordScheduleDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;
  private final MediationNotifications notifications;

  RecordScheduleDelegate(CaseContext context, MediationRepository repository, MediationNotifications notifications) {
    this.context = context;
    this.repository = repository;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution e) {
    List<FieldError> errors = new ArrayList<>();
    MediationMode mode = null;
    try {
      mode = MediationMode.valueOf(String.valueOf(e.getVariable("mediationMode")));
    } catch (IllegalArgumentException ex) {
      errors.add(new FieldError("mediationMode", "请选择调解方式"));
    }
    Instant at = null;
    try {
      at = OffsetDateTime.parse(String.valueOf(e.getVariable("mediationAt"))).toInstant();
      if (at.isBefore(MediationRepository.now().minusSeconds(3600))) {
        errors.add(new FieldError("mediationAt", "调解时间不能早于现在"));
      }
    } catch (RuntimeException ex) {
      errors.add(new FieldError("mediationAt", "请填写调解时间（含时区）"));
    }
    String place = text(e, "mediationPlace", 300);
    String link = text(e, "meetingLink", 500);
    if (mode == MediationMode.ON_SITE && place == null) {
      errors.add(new FieldError("mediationPlace", "现场调解须填写地点"));
    }
    if (mode == MediationMode.REMOTE_VIDEO && (link == null || !link.matches("^https://\\S+$"))) {
      errors.add(new FieldError("meetingLink", "远程视频调解须填写 https 开头的会议链接"));
    }
    String externalKind = text(e, "externalMediatorKind", 16);
    if (externalKind != null) {
      try {
        ExternalMediatorKind.valueOf(externalKind);
      } catch (IllegalArgumentException ex) {
        errors.add(new FieldError("externalMediatorKind", "特邀调解力量取值无效"));
      }
    }
    String externalName = text(e, "externalMediatorName", 50);
    String station = text(e, "courtStation", 100);
    if ("JUDGE".equals(externalKind) && station == null) {
      errors.add(new FieldError("courtStation", "法官参与调解须填写诉调对接工作站"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    CaseRow c = context.caseOf(e);
    String actor = CaseContext.actor(e);
    long id = repository.insertMediation(c.caseNo(), c.level(), c.unitCode(), mode, at, place, link,
        MediationProcess.Variables.MEDIATION_GROUP.get(e), externalKind, externalName, station,
        e.getProcessInstanceId(), actor);
    String when = CaseNotifications.format(at);
    String where = switch (mode) {
      case ON_SITE -> "地点：" + place;
      case REMOTE_VIDEO -> "视频会议链接：" + link;
      case PHONE -> "调解员将电话联系您";
    };
    MediationProcess.Variables.MEDIATION_ID.set(e, id);
    MediationProcess.Variables.MODE_NAME.set(e, mode.nameZh());
    MediationProcess.Variables.AT_TEXT.set(e, when);
    String mediator = externalKind == null ? "" : "；特邀" + ExternalMediatorKind.valueOf(externalKind).nameZh()
        + (externalName == null ? "" : externalName) + (station == null ? "" : "（" + station + "）");
    context.cases().addEvent(c.caseNo(), EventType.MEDIATION_SCHEDULED, c.level(), c.unitCode(), actor,
        mode.nameZh() + "，" + when + "，" + where + mediator);
    for (StoredParty p : context.cases().parties(c.caseNo())) {
      notifications.scheduled(c.caseNo(), p, when, where);
    }
  }

  private static String text(DelegateExecution e, String name, int max) {
    Object v = e.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    String s = v.toString().strip();
    if (s.length() > max) {
      throw new InvalidRequestException(name, "不能超过 " + max + " 字");
    }
    if (TextRules.hasControlCharacters(s)) {
      throw new InvalidRequestException(name, "含有不可见的控制字符");
    }
    return s;
  }
}
