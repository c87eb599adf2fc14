package org.huian.cases;

import java.time.Instant;

/**
 * One evaluation of a deployed decision for a case: which version of the rule decided (its
 * definition id, version, version tag and tenant, the district's own table or the shared one) and
 * what it answered.
 */
public record CaseDecision(String decisionKey, String definitionId, int version, String versionTag,
    String tenantId, String activityId, String level, String result, Instant evaluatedAt) {

  /** {@code case-deadlines 第 3 版（huian-0.2.0）}, or {@code …（余杭区自有）} for a district's table. */
  public String describeZh() {
    return decisionKey + " 第 " + version + " 版"
        + (versionTag != null || tenantId != null
            ? "（" + (versionTag == null ? "" : versionTag) + (versionTag != null && tenantId != null ? "，" : "")
                + (tenantId == null ? "" : "本区自有 " + tenantId) + "）"
            : "");
  }
}
