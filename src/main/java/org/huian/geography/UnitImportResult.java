package org.huian.geography;

import java.util.List;

/** What an import did: counts of units created, updated (retired ones among them) and left unchanged. */
public record UnitImportResult(int created, int updated, int retired, int unchanged, List<String> districts) {}
