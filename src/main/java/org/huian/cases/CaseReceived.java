package org.huian.cases;

/**
 * Published inside the intake transaction once a case and its parties are stored, so that other
 * areas (risk monitoring's cross-matching) can record what they need atomically with the case,
 * without reading it back.
 */
public record CaseReceived(CaseRow row, java.util.List<StoredParty> parties) {}
