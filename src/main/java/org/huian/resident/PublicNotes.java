package org.huian.resident;

import java.util.Optional;
import org.huian.cases.CaseEvent;
import org.huian.cases.CaseStatus;
import org.huian.cases.EventType;

/**
 * What the tracking page says about a case: a fixed Chinese sentence per kind of timeline event
 * and status. Staff notes, actors, parties and free text never reach the resident; a unit is named
 * only as the organisation it is (街道综治中心, 社区), never a person. Events residents have no use
 * for (internal warnings, model migrations, refusals inside a unit) are left out.
 */
final class PublicNotes {

  private PublicNotes() {}

  /** The sentence for one event, with the unit's name where the event names one; empty: not shown. */
  static Optional<String> of(CaseEvent e, String unitName) {
    String unit = unitName == null ? "承办单位" : unitName;
    String text = switch (e.type()) {
      case RECEIVED -> "您的反映已受理";
      case ROUTED -> "已交由" + unit + "办理";
      case DISPATCHED -> "承办单位已安排专人办理";
      case ESCALATED -> "已上报至" + unit + "继续办理";
      case REFERRED -> "已转交" + unit + "办理";
      case COMPLEXITY_APPROVED -> "经审批按复杂事项办理，办理期限相应延长";
      case SUPERVISION_ORDERED -> "已启动督办";
      case RESOLVED -> "承办单位已办结，将进行回访";
      case FEEDBACK -> "已完成回访";
      case REOPENED -> "根据回访情况重新办理";
      case MEDIATION_SCHEDULED -> "已安排调解";
      case MEDIATION_HELD -> "已组织调解";
      case AGREEMENT_CONFIRMED -> "调解协议已生效";
      case AGREEMENT_FULFILLED -> "调解协议已履行完毕";
      case AGREEMENT_BREACHED -> "调解协议未按约履行，已重新办理";
      case JUDICIAL_REFERRAL -> "已引导通过司法途径解决";
      case CLOSED -> "事项已办结";
      case MARKED_DUPLICATE -> "经核实与已受理的同一事项重复，已并入该事项一并办理";
      case DUPLICATE_LINKED, WARNED, COMPLEXITY_REFUSED, SUPERVISION_INSTRUCTED, AGREEMENT_LINKS_SENT, AGREEMENT_DECLINED,
          AGREEMENT_EXPIRED, INSTALMENT_PAID, INSTALMENT_MISSED, GRID_REPORT_LINKED, MIGRATED -> null;
    };
    return Optional.ofNullable(text);
  }

  static String status(CaseStatus status) {
    return switch (status) {
      case RECEIVED -> "已受理";
      case IN_PROGRESS -> "办理中";
      case RESOLVED -> "已办结，待回访";
      case AGREED -> "已达成调解协议，履行中";
      case CLOSED -> "已办结";
      case RESOLVED_FULFILLED -> "已办结（调解协议已履行）";
      case DUPLICATE -> "已并入同一事项办理";
    };
  }

  /** Whether the event names the unit it went to (routing, escalation, referral). */
  static boolean namesUnit(EventType type) {
    return type == EventType.ROUTED || type == EventType.ESCALATED || type == EventType.REFERRED;
  }
}
