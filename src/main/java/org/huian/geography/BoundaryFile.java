package org.huian.geography;

import org.huian.problem.RowError;
import org.huian.problem.FileRejectedException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A boundary file (GeoJSON {@code FeatureCollection}, WGS-84 lon/lat) checked whole against one
 * district: every feature names a unit of that district (the district, a street or a community)
 * in {@code properties.code}, once, with a {@code Polygon} or {@code MultiPolygon} whose rings are
 * closed, have at least four positions and lie in China. Any fault refuses the whole file with
 * every feature's reason ({@link RowError#row()} = feature index + 1). No GIS library: the checks
 * are the structural ones GeoJSON (RFC 7946) asks for, not topology (self-intersection, holes
 * outside their shell, overlaps between units are not looked for).
 */
final class BoundaryFile {

  /** Degrees added on every side of the features' box for the intake check (about 500 m). */
  static final double PAD_DEGREES = 0.005;

  /** Past this many errors the list stops: a file with a systematic fault says so in a few rows. */
  static final int MAX_ERRORS = 200;

  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /** A file that passed: the collection to store (features as given), its counts and its box (unpadded). */
  record Checked(String geojson, int features, Map<Level, Integer> byLevel, UnitBoundaries.Box box) {}

  private BoundaryFile() {}

  static Checked check(byte[] bytes, Unit district, Geography geography) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonParseException e) {
      var at = e.getLocation();
      String where = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
      String message = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
          ? "同一对象中有重复的键" + where : "不是有效的 JSON" + where;
      throw fileError("file", message);
    } catch (IOException e) {
      throw fileError("file", "不是有效的 JSON");
    }
    if (root == null || !root.isObject()) {
      throw fileError("type", "须为 GeoJSON FeatureCollection 对象");
    }
    if (!"FeatureCollection".equals(root.path("type").asText(null))) {
      throw fileError("type", "type 须为 FeatureCollection（单个 Feature 或几何请放入 features 数组）");
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw fileError("features", "缺少 features 数组");
    }
    if (features.isEmpty()) {
      throw fileError("features", "features 为空：至少须有一个单位的边界");
    }

    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> firstRow = new HashMap<>();
    Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
    double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    ArrayNode kept = JSON.createArrayNode();
    for (int i = 0; i < features.size() && errors.size() < MAX_ERRORS; i++) {
      JsonNode f = features.get(i);
      int row = i + 1;
      String at = "features[" + i + "]";
      if (!f.isObject() || !"Feature".equals(f.path("type").asText(null))) {
        errors.add(new RowError(row, at + ".type", "须为 type 为 Feature 的对象"));
        continue;
      }
      Unit unit = unit(f, row, at, district, geography, firstRow, errors);
      if (unit != null) {
        byLevel.merge(unit.level(), 1, Integer::sum);
      }
      geometry(f.get("geometry"), row, at + ".geometry", box, errors);
      kept.add(f);
    }
    if (!errors.isEmpty()) {
      String more = errors.size() >= MAX_ERRORS ? "（只列出前 " + MAX_ERRORS + " 处）" : "";
      throw new FileRejectedException("边界文件有 " + errors.size() + " 处错误" + more + "，未导入任何内容", errors);
    }
    ObjectNode collection = JSON.createObjectNode();
    collection.put("type", "FeatureCollection");
    collection.set("features", kept);
    try {
      return new Checked(JSON.writeValueAsString(collection), kept.size(), byLevel, new UnitBoundaries.Box(box[0], box[1], box[2], box[3]));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Unit unit(JsonNode feature, int row, String at, Unit district, Geography geography,
      Map<String, Integer> firstRow, List<RowError> errors) {
    String field = at + ".properties.code";
    JsonNode code = feature.path("properties").path("code");
    if (code.isMissingNode() || code.isNull() || code.isTextual() && code.asText().isBlank()) {
      errors.add(new RowError(row, field, "缺少单位代码（properties.code）"));
      return null;
    }
    if (!code.isTextual()) {
      errors.add(new RowError(row, field, "单位代码须为字符串，如 \"" + district.code() + "\""));
      return null;
    }
    String c = code.asText().strip();
    String shown = c.length() > 20 ? c.substring(0, 20) + "…" : c;
    Integer earlier = firstRow.putIfAbsent(c, row);
    if (earlier != null) {
      errors.add(new RowError(row, field, "单位代码 " + shown + " 重复（第 " + earlier + " 个要素已有）"));
      return null;
    }
    Unit unit = geography.find(c).orElse(null);
    if (unit == null || !unit.districtCode().equals(district.code())) {
      errors.add(new RowError(row, field, "单位代码 " + shown + " 不是" + district.shortName() + "的单位"));
      return null;
    }
    if (unit.retired()) {
      errors.add(new RowError(row, field, unit.name() + "已撤销，不能导入边界"));
      return null;
    }
    if (unit.level() == Level.GRID) {
      errors.add(new RowError(row, field, "只接受区、街道（乡镇）、社区（村）的边界，不接受网格：" + shown));
      return null;
    }
    return unit;
  }

  /** Adds the first fault of a geometry to the errors; a sound geometry's positions widen the box. */
  private static void geometry(JsonNode g, int row, String at, double[] box, List<RowError> errors) {
    if (g == null || g.isNull() || !g.isObject()) {
      errors.add(new RowError(row, at, "缺少几何（geometry）"));
      return;
    }
    String type = g.path("type").asText("");
    JsonNode coordinates = g.get("coordinates");
    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
      String shown = type.isEmpty() ? "空" : type.length() > 30 ? type.substring(0, 30) + "…" : type;
      errors.add(new RowError(row, at + ".type", "几何类型须为 Polygon 或 MultiPolygon，不能是 " + shown));
      return;
    }
    if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
      errors.add(new RowError(row, at + ".coordinates", "缺少坐标数组"));
      return;
    }
    double[] local = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    String fault = type.equals("Polygon") ? polygon(coordinates, at + ".coordinates", local)
        : multiPolygon(coordinates, at + ".coordinates", local);
    if (fault != null) {
      int cut = fault.indexOf('\t');
      errors.add(new RowError(row, fault.substring(0, cut), fault.substring(cut + 1)));
      return;
    }
    box[0] = Math.min(box[0], local[0]);
    box[1] = Math.max(box[1], local[1]);
    box[2] = Math.min(box[2], local[2]);
    box[3] = Math.max(box[3], local[3]);
  }

  // The checks below answer "field<TAB>message" for the first fault, or null.

  private static String multiPolygon(JsonNode polygons, String at, double[] box) {
    for (int p = 0; p < polygons.size(); p++) {
      JsonNode polygon = polygons.get(p);
      if (!polygon.isArray() || polygon.isEmpty()) {
        return at + "[" + p + "]\t多边形须为线环数组";
      }
      String fault = polygon(polygon, at + "[" + p + "]", box);
      if (fault != null) {
        return fault;
      }
    }
    return null;
  }

  private static String polygon(JsonNode rings, String at, double[] box) {
    for (int r = 0; r < rings.size(); r++) {
      JsonNode ring = rings.get(r);
      String ringAt = at + "[" + r + "]";
      if (!ring.isArray()) {
        return ringAt + "\t线环须为坐标数组";
      }
      if (ring.size() < 4) {
        return ringAt + "\t线环至少须有 4 个坐标（首尾相同），实有 " + ring.size() + " 个";
      }
      for (int k = 0; k < ring.size(); k++) {
        String fault = position(ring.get(k), ringAt + "[" + k + "]", box);
        if (fault != null) {
          return fault;
        }
      }
      JsonNode first = ring.get(0);
      JsonNode last = ring.get(ring.size() - 1);
      if (first.get(0).asDouble() != last.get(0).asDouble() || first.get(1).asDouble() != last.get(1).asDouble()) {
        return ringAt + "\t线环未闭合：最后一个坐标须与第一个相同";
      }
    }
    return null;
  }

  private static String position(JsonNode p, String at, double[] box) {
    if (!p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()
        || p.size() == 3 && !p.get(2).isNumber()) {
      return at + "\t坐标须为 [经度, 纬度] 数值数组";
    }
    double lon = p.get(0).asDouble();
    double lat = p.get(1).asDouble();
    if (!inChina(lat, lon) && inChina(lon, lat)) {
      return at + "\t经纬度写反了：GeoJSON 的坐标顺序为 [经度, 纬度]（WGS-84）";
    }
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return at + "\t坐标超出范围：经度须在 −180 至 180、纬度须在 −90 至 90 之间（顺序为 [经度, 纬度]）";
    }
    if (!inChina(lat, lon)) {
      return at + "\t坐标不在中国范围内（纬度 3.8–53.6、经度 73.5–135.1）：须为 WGS-84 经纬度，不是投影坐标";
    }
    box[0] = Math.min(box[0], lat);
    box[1] = Math.max(box[1], lat);
    box[2] = Math.min(box[2], lon);
    box[3] = Math.max(box[3], lon);
    return null;
  }

  private static boolean inChina(double lat, double lon) {
    double[] china = DistrictBounds.CHINA;
    return lat >= china[0] && lat <= china[1] && lon >= china[2] && lon <= china[3];
  }

  private static FileRejectedException fileError(String field, String message) {
    return new FileRejectedException("边界文件未导入：" + message, List.of(new RowError(0, field, message)));
  }
}
