package org.huian.mediation;

/** State of one instalment or action. */
public enum ItemStatus {
  PENDING,
  FULFILLED,
  /** Missed at its due date; in the grace period. */
  MISSED,
  /** Still missed when the grace period ended. */
  BREACHED
}
