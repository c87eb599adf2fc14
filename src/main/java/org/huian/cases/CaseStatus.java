package org.huian.cases;

public enum CaseStatus {
  /** Accepted at the window, not yet routed (only inside the intake transaction). */
  RECEIVED,
  /** Being handled at its current level. */
  IN_PROGRESS,
  /** The handler resolved it; the return visit is pending. */
  RESOLVED,
  /** Closed after feedback (or straight away for anonymous reports). */
  CLOSED
}
