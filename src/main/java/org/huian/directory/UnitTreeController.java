package org.huian.directory;

import java.util.ArrayList;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.geography.UnitBoundaries;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.huian.security.Districts;
import org.huian.security.UnitGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/districts}: the districts the caller sees; {@code GET /api/units}: one district's
 * unit tree with its Camunda groups. Here rather than in {@code geography}, because it needs the
 * caller and the group names (security), and geography depends on nothing above it.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "单位与目录")
class UnitTreeController {

  record UnitNode(String code, String name, String shortName, Level level, String levelName, boolean retired,
      List<String> groups, List<UnitNode> children) {}

  /** {@code boundaries}: how many unit boundaries the district has imported (0: the maps draw tiles). */
  record DistrictEntry(String code, String name, String shortName, String casePrefix, int streets, int communities, int grids,
      int boundaries) {}

  private final Geography geography;
  private final Districts districts;
  private final UnitBoundaries boundaries;

  UnitTreeController(Geography geography, Districts districts, UnitBoundaries boundaries) {
    this.geography = geography;
    this.districts = districts;
    this.boundaries = boundaries;
  }

  @Operation(summary = "可见的区", description = "调用者可以查看的区（区综治中心），含案件编号前缀、各级单位数和已导入的边界数（boundaries，0 表示地图用示意方块图）。")
  @GetMapping("/districts")
  List<DistrictEntry> districts(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return districts.visible(user).stream().map(d -> new DistrictEntry(d.code(), d.name(), d.shortName(),
        geography.casePrefix(d.code()), geography.all(Level.STREET, d.code()).size(),
        geography.all(Level.COMMUNITY, d.code()).size(), geography.all(Level.GRID, d.code()).size(),
        boundaries.featureCount(d.code()))).toList();
  }

  @Operation(summary = "单位树", description = "一个区的区综治中心 → 街道（乡镇）→ 社区（村）→ 网格，含各单位对应的 Camunda 用户组。"
      + "district 缺省为调用者所在的区。")
  @GetMapping("/units")
  UnitNode units(@RequestParam(required = false) String district,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return node(districts.resolve(user, district));
  }

  private UnitNode node(Unit unit) {
    List<String> groups = new ArrayList<>();
    groups.add(unit.code());
    UnitGroups.areas(unit.level()).forEach(a -> groups.add(UnitGroups.areaGroup(unit.code(), a)));
    if (unit.level() != Level.GRID) {
      groups.add(UnitGroups.leadersGroup(unit.code()));
    }
    return new UnitNode(unit.code(), unit.name(), unit.shortName(), unit.level(), unit.level().nameZh(), unit.retired(), groups,
        geography.children(unit.code()).stream().map(this::node).toList());
  }
}
