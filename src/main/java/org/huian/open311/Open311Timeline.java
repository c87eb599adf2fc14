package org.huian.open311;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.huian.cases.EventType;

/**
 * What the public reads of a case's timeline: a fixed Chinese phrase per kind of entry, with the
 * unit's name where the entry has one. The free-text notes caseworkers write (which may name
 * people) never leave Huian; model migrations are internal and not shown at all.
 */
final class Open311Timeline {

  /** Entries after which a request is {@code closed}. */
  static final Set<EventType> CLOSING = EnumSet.of(EventType.CLOSED, EventType.AGREEMENT_FULFILLED);

  private static final Map<EventType, String> PHRASES = new EnumMap<>(EventType.class);

  static {
    PHRASES.put(EventType.RECEIVED, "已受理");
    PHRASES.put(EventType.ROUTED, "已分拨至%s");
    PHRASES.put(EventType.DISPATCHED, "已交%s办理");
    PHRASES.put(EventType.WARNED, "临近办结时限，已提醒%s");
    PHRASES.put(EventType.ESCALATED, "已上报%s");
    PHRASES.put(EventType.REFERRED, "已转%s办理");
    PHRASES.put(EventType.COMPLEXITY_APPROVED, "经审批按复杂事项办理");
    PHRASES.put(EventType.COMPLEXITY_REFUSED, "按一般事项办理");
    PHRASES.put(EventType.RESOLVED, "%s已处置，待回访");
    PHRASES.put(EventType.FEEDBACK, "已回访");
    PHRASES.put(EventType.REOPENED, "重新办理");
    PHRASES.put(EventType.CLOSED, "已办结");
    PHRASES.put(EventType.SUPERVISION_ORDERED, "超期，已启动督办");
    PHRASES.put(EventType.SUPERVISION_INSTRUCTED, "督办意见已下达");
    PHRASES.put(EventType.MEDIATION_SCHEDULED, "已安排调解");
    PHRASES.put(EventType.MEDIATION_HELD, "已组织调解");
    PHRASES.put(EventType.AGREEMENT_LINKS_SENT, "调解协议待当事人确认");
    PHRASES.put(EventType.AGREEMENT_CONFIRMED, "调解协议已生效，跟踪履行");
    PHRASES.put(EventType.AGREEMENT_DECLINED, "调解协议未获确认");
    PHRASES.put(EventType.AGREEMENT_EXPIRED, "调解协议确认期限已过");
    PHRASES.put(EventType.INSTALMENT_PAID, "调解协议履行中");
    PHRASES.put(EventType.INSTALMENT_MISSED, "调解协议有一项未按期履行");
    PHRASES.put(EventType.AGREEMENT_FULFILLED, "调解协议已全部履行，已办结");
    PHRASES.put(EventType.AGREEMENT_BREACHED, "调解协议未履行，重新办理");
    PHRASES.put(EventType.JUDICIAL_REFERRAL, "已引导司法确认或诉讼");
    PHRASES.put(EventType.GRID_REPORT_LINKED, "由网格员上报转为案件");
  }

  private Open311Timeline() {}

  /** The kinds the public sees (every kind but {@code MIGRATED}). */
  static Set<EventType> shown() {
    return PHRASES.keySet();
  }

  static boolean shown(EventType type) {
    return PHRASES.containsKey(type);
  }

  /** The phrase of an entry, with the unit's name (or 承办单位 when the entry names none). */
  static String phrase(EventType type, String unitName) {
    String phrase = PHRASES.get(type);
    return phrase == null ? null : phrase.replace("%s", unitName == null ? "承办单位" : unitName);
  }

  static String status(EventType type) {
    return CLOSING.contains(type) ? "closed" : "open";
  }
}
