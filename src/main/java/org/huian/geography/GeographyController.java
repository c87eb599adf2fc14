package org.huian.geography;

import java.util.Arrays;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huian.cases.Category;
import org.huian.security.UnitGroups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/units}: the unit tree; {@code GET /api/categories}: the case catalogue. */
@RestController
@RequestMapping("/api")
@Tag(name = "单位与目录")
class GeographyController {

  record UnitNode(String code, String name, Level level, String levelName, List<String> groups, List<UnitNode> children) {}

  record CategoryEntry(String code, String name) {}

  private final Geography geography;
  private final UnitNode tree;

  GeographyController(Geography geography) {
    this.geography = geography;
    this.tree = node(geography.district());
  }

  @Operation(summary = "单位树", description = "区综治中心 → 17 个街道 → 169 个社区 → 1971 个网格，含各单位对应的 Camunda 用户组。")
  @GetMapping("/units")
  UnitNode units() {
    return tree;
  }

  @Operation(summary = "纠纷类别目录")
  @GetMapping("/categories")
  List<CategoryEntry> categories() {
    return Arrays.stream(Category.values()).map(c -> new CategoryEntry(c.name(), c.nameZh())).toList();
  }

  private UnitNode node(Unit unit) {
    List<String> groups = new java.util.ArrayList<>();
    groups.add(unit.code());
    UnitGroups.areas(unit.level()).forEach(a -> groups.add(UnitGroups.areaGroup(unit.code(), a)));
    if (unit.level() != Level.GRID) {
      groups.add(UnitGroups.leadersGroup(unit.code()));
    }
    return new UnitNode(unit.code(), unit.name(), unit.level(), unit.level().nameZh(), groups,
        geography.children(unit.code()).stream().map(this::node).toList());
  }
}
