package org.huian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huian.geography.Geography;
import org.junit.jupiter.api.Test;

class UnitGroupsTest {

  final Geography geography = new Geography();
  final ScopeResolver resolver = new ScopeResolver(null, geography);

  @Test
  void shouldMapAreaAndLeadersGroupsToTheirUnit() {
    assertThat(UnitGroups.unitOf(geography, "110101004000-mediation")).map(u -> u.code()).contains("110101004000");
    assertThat(UnitGroups.unitOf(geography, "110101004001-leaders")).map(u -> u.code()).contains("110101004001");
    assertThat(UnitGroups.unitOf(geography, "110101004001-01")).map(u -> u.code()).contains("110101004001-01");
    assertThat(UnitGroups.unitOf(geography, "110101004000-kitchen")).isEmpty();
    assertThat(UnitGroups.supervisorGroup(geography, geography.get("110101004001-01"))).isEqualTo("110101004001-leaders");
  }

  @Test
  void shouldScopeAStreetUserToTheirStreetAndTheDistrictToItsWholeDistrict() {
    Scope street = resolver.scopeOf(List.of("110101004000", "110101004000-legal"));
    assertThat(street.all()).isFalse();
    assertThat(street.streets()).containsExactly("110101004000");
    // a district centre sees its own district whole (every street), not every district of the installation
    Scope district = resolver.scopeOf(List.of("110101000000-mediation"));
    assertThat(district.all()).isFalse();
    assertThat(district.districts()).containsExactly("110101000000");
    assertThat(district.streets()).hasSize(17).contains("110101004000");
    assertThat(district.coversDistrict("110101000000")).isTrue();
    assertThat(district.coversDistrict("330110000000")).isFalse();
    assertThat(resolver.scopeOf(List.of("city-centre")).all()).isTrue();
    assertThat(resolver.scopeOf(List.of("camunda-admin")).all()).isTrue();
    assertThat(resolver.scopeOf(List.of("somebody-else")).units()).isEmpty();
  }
}
