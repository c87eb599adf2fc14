package org.huian.cases;

/** Kinds of timeline entries of a case. */
public enum EventType {
  RECEIVED,
  ROUTED,
  DISPATCHED,
  WARNED,
  ESCALATED,
  REFERRED,
  COMPLEXITY_APPROVED,
  COMPLEXITY_REFUSED,
  RESOLVED,
  FEEDBACK,
  REOPENED,
  CLOSED,
  SUPERVISION_ORDERED,
  SUPERVISION_INSTRUCTED,
  MEDIATION_SCHEDULED,
  MEDIATION_HELD,
  AGREEMENT_LINKS_SENT,
  AGREEMENT_CONFIRMED,
  AGREEMENT_DECLINED,
  AGREEMENT_EXPIRED,
  INSTALMENT_PAID,
  INSTALMENT_MISSED,
  AGREEMENT_FULFILLED,
  AGREEMENT_BREACHED,
  JUDICIAL_REFERRAL,
  /** The case came from a grid report (the note names it). */
  GRID_REPORT_LINKED,
  /** A process of the case was moved to another version of its model (the note names both). */
  MIGRATED,
  /** Closed as a duplicate of another case (the note names it). */
  MARKED_DUPLICATE,
  /** Another case was closed as a duplicate of this one (the note names it). */
  DUPLICATE_LINKED
}
