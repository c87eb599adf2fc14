package org.huian.mediation;

public enum TokenPurpose {
  /** A party confirms or declines the agreement of a remote session. */
  AGREEMENT,
  /** The beneficiary confirms that an instalment or action was carried out. */
  FULFILMENT
}
