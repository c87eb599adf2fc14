package org.huian.dialogue;

import org.huian.geography.Geography;
import org.huian.security.CurrentUser;
import org.huian.security.ScopeResolver;
import org.huian.security.UnitGroups;

/**
 * Who does what in the dialogue cycle. The district political-legal committee (区委政法委) acts
 * through the district centre's leaders group {@code 110101000000-leaders}: it triages problems
 * into tasks, coordinates hard and overdue tasks, reviews, assesses and calls units in. A task's
 * responsible unit works it through the unit's own group (a street centre's code, or the district
 * centre's). The roster is kept by any district group.
 */
public final class DialogueGroups {

  public static final String COMMITTEE = UnitGroups.leadersGroup(Geography.DISTRICT_CODE);

  private DialogueGroups() {}

  public static boolean isCommittee(CurrentUser user) {
    return user.groups().contains(COMMITTEE) || user.groups().contains(ScopeResolver.CAMUNDA_ADMIN);
  }

  public static boolean isDistrict(CurrentUser user) {
    return user.scope().all();
  }
}
