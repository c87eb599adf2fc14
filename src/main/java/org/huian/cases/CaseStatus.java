package org.huian.cases;

public enum CaseStatus {
  /** Accepted at the window, not yet routed (only inside the intake transaction). */
  RECEIVED,
  /** Being handled at its current level. */
  IN_PROGRESS,
  /** The handler resolved it; the return visit is pending. */
  RESOLVED,
  /** A mediated agreement took effect; its fulfilment is being tracked. */
  AGREED,
  /** Closed after feedback (or straight away for anonymous reports), or referred to the courts. */
  CLOSED,
  /** Closed because every obligation of the agreement was carried out. */
  RESOLVED_FULFILLED,
  /** Closed as a duplicate of another case (case_links names it); the original carries the matter. */
  DUPLICATE;

  /** The statuses in which a case is over (nothing more happens to it). */
  public static final java.util.Set<CaseStatus> FINAL = java.util.Collections.unmodifiableSet(
      java.util.EnumSet.of(CLOSED, RESOLVED_FULFILLED, DUPLICATE));

  /** Whether the case is over: closed, closed with its agreement fulfilled, or closed as a duplicate. */
  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
