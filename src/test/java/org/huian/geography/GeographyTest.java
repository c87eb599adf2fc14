package org.huian.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeographyTest {

  final Geography geography = new Geography();

  @Test
  void shouldLoadSeventeenStreetsAndOneHundredSixtyNineCommunities() {
    assertThat(geography.all(Level.DISTRICT)).hasSize(1);
    assertThat(geography.all(Level.STREET)).hasSize(17);
    assertThat(geography.all(Level.COMMUNITY)).hasSize(169);
    assertThat(geography.get("110101004000").name()).isEqualTo("安定门街道综治中心");
    assertThat(org.huian.security.DemoUsers.streetPinyin("110101004000")).isEqualTo("andingmen");
  }

  @Test
  void shouldGenerateExactly1971GridsByTheDocumentedRule() {
    List<Unit> grids = geography.all(Level.GRID);
    assertThat(grids).hasSize(1971);
    assertThat(grids).allSatisfy(g -> assertThat(g.code()).matches(g.parentCode() + "-\\d{2}"));
    List<Unit> communities = geography.all(Level.COMMUNITY).stream()
        .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    for (int i = 0; i < communities.size(); i++) {
      int expected = i < 112 ? 12 : 11;
      assertThat(geography.children(communities.get(i).code())).as(communities.get(i).code()).hasSize(expected);
    }
    assertThat(geography.find("110101004001-01")).isPresent();
    assertThat(geography.find("110101004001-13")).isEmpty();
    Set<String> ids = grids.stream().map(Unit::code).collect(Collectors.toSet());
    assertThat(ids).hasSize(1971);
  }

  @Test
  void shouldGiveEachUnitItsLineageUpToTheDistrict() {
    Unit grid = geography.get("110101004001-03");
    assertThat(geography.lineage(grid)).extracting(Unit::level)
        .containsExactly(Level.GRID, Level.COMMUNITY, Level.STREET, Level.DISTRICT);
    assertThat(geography.ancestorAt(grid, Level.STREET)).map(Unit::code).contains("110101004000");
    assertThat(Level.GRID.up()).isEqualTo(Level.COMMUNITY);
    assertThat(Level.DISTRICT.up()).isNull();
  }
}
