package org.huian.mediation;

public enum ObligationKind {
  /** Payment of a total amount in instalments with due dates. */
  INSTALMENTS,
  /** Something to do by a due date (apologise, repair, hand over). */
  ACTION
}
