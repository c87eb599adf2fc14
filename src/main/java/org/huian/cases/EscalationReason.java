package org.huian.cases;

/** Why a case moved one level up. */
public enum EscalationReason {
  /** The level's deadline passed. */
  DEADLINE,
  /** The handler escalated by hand, with a reason. */
  MANUAL,
  /** The reporter was dissatisfied a second time. */
  DISSATISFIED
}
