package org.huian.process;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;

/**
 * Who may see and start one process in Tasklist, as the capability that owns the process declares
 * it: each capability registers its grants as Spring beans of this type beside its descriptors, and
 * {@code security.IdentitySetup} grants every bean it finds. Security thus learns the process keys
 * and groups to grant without importing a capability.
 *
 * @param processKey the process definition key (the descriptor's {@code KEY})
 * @param starters who gets the permissions
 * @param permissions {@code ProcessDefinitionPermissions} on the definition, e.g. READ and CREATE_INSTANCE
 */
public record StartGrant(String processKey, Starters starters, List<Permission> permissions) {

  public enum Starters {
    /** Every user (a global authorization). */
    EVERYONE,
    /** The groups of every district centre (the centre, its functional areas and its leaders). */
    DISTRICT_CENTRES
  }

  public StartGrant {
    permissions = List.copyOf(permissions);
  }

  public static StartGrant everyone(String processKey, Permission... permissions) {
    return new StartGrant(processKey, Starters.EVERYONE, List.of(permissions));
  }

  public static StartGrant districtCentres(String processKey, Permission... permissions) {
    return new StartGrant(processKey, Starters.DISTRICT_CENTRES, List.of(permissions));
  }
}
