package org.huian.mediation;

public enum MediationOutcome {
  AGREEMENT,
  PARTIAL,
  NO_AGREEMENT
}
