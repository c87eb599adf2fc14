package org.huian.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.TableFile;
import org.huian.geography.Unit;
import org.huian.geography.UnitBoundaries;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.huian.security.Districts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST|DELETE /api/admin/units/boundaries?district=}: a district's real boundaries
 * (GeoJSON, docs/boundaries.md), imported whole or refused whole; only camunda-admin and
 * unit-admin reach it (the API filter checks the path). {@code GET /api/units/boundaries}: the
 * caller's district's boundaries for the maps.
 */
@RestController
@Tag(name = "单位边界")
class BoundaryController {

  static final String GEO_JSON = "application/geo+json";

  /** A district's boundaries at a few metres' precision are a few MB; 20 MB leaves room. */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  private final UnitBoundaries boundaries;
  private final Geography geography;
  private final Districts districts;

  BoundaryController(UnitBoundaries boundaries, Geography geography, Districts districts) {
    this.boundaries = boundaries;
    this.geography = geography;
    this.districts = districts;
  }

  @Operation(summary = "导入一个区的单位边界（GeoJSON）",
      description = "请求体为 GeoJSON FeatureCollection（WGS-84 经纬度，最大 20 MB），每个要素的 properties.code 为该区的区、街道（乡镇）"
          + "或社区（村）代码，几何为 Polygon 或 MultiPolygon。整份文件通过校验才导入并替换该区原有边界，否则 400 并逐个要素列出错误"
          + "（row = 要素序号 + 1），不做任何更改。导入后地图按真实边界绘制，事发地点坐标按边界外包矩形校验。格式见 docs/boundaries.md。")
  @PostMapping(value = "/api/admin/units/boundaries", consumes = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  UnitBoundaries.ImportResult importBoundaries(@RequestParam String district, HttpServletRequest request,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) throws IOException {
    Unit d = district(district);
    return boundaries.importFile(TableFile.body(request.getInputStream(), MAX_BYTES, "请上传 GeoJSON FeatureCollection"), d, user.id());
  }

  @Operation(summary = "删除一个区的单位边界", description = "删除后地图回到示意方块图，坐标按配置的范围校验。该区没有边界时 404。")
  @DeleteMapping("/api/admin/units/boundaries")
  ResponseEntity<Void> deleteBoundaries(@RequestParam String district,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    Unit d = district(district);
    if (!boundaries.delete(d, user.id())) {
      throw new NotFoundException("该区尚未导入边界：" + d.name());
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "单位边界（GeoJSON）",
      description = "一个区已导入的边界，FeatureCollection；每个要素的 properties 另含 name（简称）、fullName、level、parentCode、retired。"
          + "district 缺省为调用者所在的区；该区没有导入边界时 404。")
  @GetMapping(value = "/api/units/boundaries")
  ResponseEntity<String> boundaries(@RequestParam(required = false) String district,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    Unit d = districts.resolve(user, district);
    String json = boundaries.geojson(d.code()).orElseThrow(() -> new NotFoundException("该区尚未导入边界：" + d.name()));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEO_JSON)).body(json);
  }

  private Unit district(String code) {
    return geography.findActive(code, Level.DISTRICT).orElseThrow(() -> new InvalidRequestException("district",
        "区代码未登记：" + (code.length() > 20 ? code.substring(0, 20) : code)));
  }
}
