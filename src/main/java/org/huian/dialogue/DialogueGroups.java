package org.huian.dialogue;

import org.huian.security.CurrentUser;
import org.huian.security.ScopeResolver;
import org.huian.security.UnitGroups;

/**
 * Who does what in the dialogue cycle. The district political-legal committee (区委政法委) acts
 * through its district centre's leaders group ({@code <district code>-leaders}): it triages problems
 * into tasks, coordinates hard and overdue tasks, reviews, assesses and calls units in. A task's
 * responsible unit works it through the unit's own group (a street centre's code, or the district
 * centre's). The roster is kept by any district group.
 */
public final class DialogueGroups {

  private DialogueGroups() {}

  /** The committee of a district: its centre's leaders. */
  public static String committee(String districtCode) {
    return UnitGroups.leadersGroup(districtCode);
  }

  /**
   * A member of a district centre's leaders (the committee of that district; what they may act on
   * is limited to their district by their scope) or an administrator.
   */
  public static boolean isCommittee(CurrentUser user) {
    return user.groups().contains(ScopeResolver.CAMUNDA_ADMIN)
        || user.scope().districts().stream().anyMatch(d -> user.groups().contains(committee(d)));
  }

  public static boolean isDistrict(CurrentUser user) {
    return user.scope().wholeDistrict();
  }
}
