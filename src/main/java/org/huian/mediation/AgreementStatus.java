package org.huian.mediation;

public enum AgreementStatus {
  /** Waiting for the parties of a remote session to confirm through their links. */
  PENDING_CONFIRMATION,
  /** A party declined through its link; back to the mediator. */
  DECLINED,
  /** The links expired before every party confirmed; back to the mediator. */
  EXPIRED,
  /** In force; fulfilment is being tracked (the case is AGREED). */
  EFFECTIVE,
  /** Every obligation carried out. */
  FULFILLED,
  /** An instalment or action was still missed after the grace period. */
  BREACHED
}
