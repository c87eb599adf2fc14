package org.huian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.huian.geography.Geography;
import org.junit.jupiter.api.Test;

/** A group's tenant is its unit's district, whatever the level and kind of group. */
class UnitGroupTenantsTest {

  final UnitGroupTenants tenants = new UnitGroupTenants(new Geography());

  @Test
  void shouldGiveTheDistrictOfEveryKindOfUnitGroup() {
    for (String group : List.of("110101000000", "110101000000-mediation", "110101000000-leaders", "110101004000",
        "110101004000-legal", "110101004000-leaders", "110101004001", "110101004001-leaders", "110101004001-01")) {
      assertThat(tenants.tenantsOf(List.of(group))).as(group).containsExactly("110101000000");
    }
  }

  @Test
  void shouldGiveNoTenantForGroupsOfNoKnownUnit() {
    assertThat(tenants.tenantsOf(Arrays.asList("camunda-admin", "110101004000-kitchen", "110102000000", "", null))).isEmpty();
    assertThat(tenants.tenantsOf(List.of())).isEmpty();
    assertThat(tenants.tenantsOf(List.of("camunda-admin", "110101004000-legal", "110101001000"))).containsExactly("110101000000");
  }
}
