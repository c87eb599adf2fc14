package org.huian.geography;

import org.huian.problem.RowError;
import org.huian.problem.FileRejectedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The checks of a boundary file, without a database: what passes, and the row and field of what does not. */
class BoundaryFileTest {

  static final String ANDINGMEN = "110101004000";
  static final String DONGHUAMEN = "110101001000";

  final Geography geography = new Geography();
  final Unit dongcheng = geography.get("110101000000");

  /** A synthetic square (not a real boundary), closed, anticlockwise. */
  static String square(double lon, double lat) {
    return "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(lon, lat, lon + 0.01, lat, lon + 0.01, lat + 0.01, lon, lat + 0.01, lon, lat);
  }

  static String feature(String code, String type, String coordinates) {
    return "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\"},\"geometry\":{\"type\":\"%s\",\"coordinates\":%s}}"
        .formatted(code, type, coordinates);
  }

  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  BoundaryFile.Checked check(String json) {
    return BoundaryFile.check(json.getBytes(StandardCharsets.UTF_8), dongcheng, geography);
  }

  RowError refused(String json) {
    FileRejectedException e = catchThrowableOfType(FileRejectedException.class, () -> check(json));
    assertThat(e).as("refused: %s", json).isNotNull();
    assertThat(e.errors()).hasSize(1);
    return e.errors().get(0);
  }

  @Test
  void shouldAcceptPolygonsAndMultiPolygonsAndTakeTheirBox() {
    BoundaryFile.Checked c = check(collection(
        feature(ANDINGMEN, "Polygon", square(116.40, 39.94)),
        feature(DONGHUAMEN, "MultiPolygon", "[" + square(116.39, 39.91) + "," + square(116.41, 39.90) + "]"),
        feature("110101004001", "Polygon", square(116.40, 39.945)),
        feature("110101000000", "Polygon", square(116.38, 39.89))));
    assertThat(c.features()).isEqualTo(4);
    assertThat(c.byLevel()).containsEntry(Level.STREET, 2).containsEntry(Level.COMMUNITY, 1).containsEntry(Level.DISTRICT, 1);
    assertThat(c.box().lonMin()).isEqualTo(116.38);
    assertThat(c.box().lonMax()).isEqualTo(116.42);
    assertThat(c.box().latMin()).isEqualTo(39.89);
    assertThat(c.box().latMax()).isEqualTo(39.955);
    assertThat(c.geojson()).startsWith("{\"type\":\"FeatureCollection\",\"features\":[").contains(ANDINGMEN);
  }

  @Test
  void shouldRefuseWhatIsNotAFeatureCollection() {
    assertThat(refused(feature(ANDINGMEN, "Polygon", square(116.40, 39.94)))).isEqualTo(new RowError(0, "type",
        "type 须为 FeatureCollection（单个 Feature 或几何请放入 features 数组）"));
    assertThat(refused("{\"type\":\"FeatureCollection\"}").field()).isEqualTo("features");
    assertThat(refused(collection()).field()).isEqualTo("features");
    assertThat(refused("[]").field()).isEqualTo("type");
    assertThat(refused("{\"type\":\"FeatureCollection\",").message()).startsWith("不是有效的 JSON");
    assertThat(refused("{\"type\":\"FeatureCollection\",\"type\":\"x\",\"features\":[]}").message()).startsWith("同一对象中有重复的键");
  }

  @Test
  void shouldNameTheFeatureOfEachBadCode() {
    String good = feature(ANDINGMEN, "Polygon", square(116.40, 39.94));
    assertThat(refused(collection(good, feature("", "Polygon", square(116.40, 39.94)))))
        .isEqualTo(new RowError(2, "features[1].properties.code", "缺少单位代码（properties.code）"));
    assertThat(refused(collection(good, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square(116.40, 39.94) + "}}")).field())
        .isEqualTo("features[1].properties.code");
    assertThat(refused(collection(good, feature("110102001000", "Polygon", square(116.40, 39.94)))))
        .isEqualTo(new RowError(2, "features[1].properties.code", "单位代码 110102001000 不是东城区的单位"));
    assertThat(refused(collection(good, good, feature(DONGHUAMEN, "Polygon", square(116.40, 39.94)))))
        .isEqualTo(new RowError(2, "features[1].properties.code", "单位代码 110101004000 重复（第 1 个要素已有）"));
    assertThat(refused(collection(feature("110101004001-01", "Polygon", square(116.40, 39.94)))).message()).contains("不接受网格");
    assertThat(refused(collection("{\"type\":\"Feature\",\"properties\":{\"code\":110101004000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square(116.40, 39.94) + "}}")).field())
        .isEqualTo("features[0].properties.code");
  }

  @Test
  void shouldNameTheFirstFaultOfEachBadGeometry() {
    assertThat(refused(collection(feature(ANDINGMEN, "Point", "[116.4,39.94]"))))
        .isEqualTo(new RowError(1, "features[0].geometry.type", "几何类型须为 Polygon 或 MultiPolygon，不能是 Point"));
    assertThat(refused(collection(feature(ANDINGMEN, "Polygon", "[[[116.4,39.94],[116.41,95],[116.41,39.95],[116.4,39.94]]]"))))
        .extracting(RowError::row, RowError::field).containsExactly(1, "features[0].geometry.coordinates[0][1]");
    assertThat(refused(collection(feature(ANDINGMEN, "Polygon", "[[[39.94,116.4],[39.94,116.41],[39.95,116.41],[39.94,116.4]]]"))).message())
        .contains("经纬度写反");
    assertThat(refused(collection(feature(ANDINGMEN, "Polygon", "[[[116.4,39.94],[116.41,39.94],[116.4,39.94]]]"))))
        .isEqualTo(new RowError(1, "features[0].geometry.coordinates[0]", "线环至少须有 4 个坐标（首尾相同），实有 3 个"));
    assertThat(refused(collection(feature(ANDINGMEN, "Polygon", "[[[116.4,39.94],[116.41,39.94],[116.41,39.95],[116.4,39.95]]]"))))
        .isEqualTo(new RowError(1, "features[0].geometry.coordinates[0]", "线环未闭合：最后一个坐标须与第一个相同"));
    assertThat(refused(collection(feature(ANDINGMEN, "MultiPolygon", "[" + square(116.4, 39.94) + ",[[[116.4,39.94],[116.41,\"39.94\"],[116.41,39.95],[116.4,39.94]]]]"))))
        .isEqualTo(new RowError(1, "features[0].geometry.coordinates[1][0][1]", "坐标须为 [经度, 纬度] 数值数组"));
    assertThat(refused(collection(feature(ANDINGMEN, "Polygon", "[]"))).field()).isEqualTo("features[0].geometry.coordinates");
  }

  @Test
  void shouldListEveryBadFeatureOfAFile() {
    FileRejectedException e = catchThrowableOfType(FileRejectedException.class, () -> check(collection(
        feature(ANDINGMEN, "Polygon", square(116.40, 39.94)),
        feature("999999999999", "Polygon", square(116.40, 39.94)),
        feature(DONGHUAMEN, "LineString", "[[116.4,39.94],[116.41,39.94]]"))));
    assertThat(e.errors()).extracting(RowError::row).containsExactly(2, 3);
    assertThat(e.getMessage()).isEqualTo("边界文件有 2 处错误，未导入任何内容");
  }
}
