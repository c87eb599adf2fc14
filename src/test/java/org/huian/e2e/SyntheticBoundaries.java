package org.huian.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * SYNTHETIC boundaries for the tests, NOT real ones: the repository holds no licensed boundary
 * data. Each street is a rectangle placed by its tile of the schematic layout
 * ({@code GET /api/risk/street-tiles}: tile row → north to south, column → west to east), each
 * community a vertical strip of its street's rectangle, and the district the MultiPolygon of its
 * streets' rectangles. The rectangles cover roughly where Dongcheng lies, so the configured
 * Dongcheng box (39.80–40.02 N, 116.33–116.50 E) is much wider than their box.
 */
final class SyntheticBoundaries {

  static final double WEST = 116.38;
  static final double NORTH = 39.97;
  static final double COLUMN = 0.02;
  static final double ROW = 0.017;

  private SyntheticBoundaries() {}

  /**
   * @param tiles the answer of {@code /api/risk/street-tiles}
   * @param tree the answer of {@code /api/units} (district → streets → communities)
   */
  static ObjectNode of(JsonNode tiles, JsonNode tree) {
    ObjectNode collection = HuianClient.JSON.createObjectNode();
    collection.put("type", "FeatureCollection");
    ArrayNode features = collection.putArray("features");
    List<double[]> streets = new ArrayList<>();
    for (JsonNode t : tiles) {
      streets.add(rectangle(t));
    }
    ArrayNode polygons = geometry(features, tree.path("code").asText(), "MultiPolygon").putArray("coordinates");
    streets.forEach(r -> polygons.add(polygon(r)));
    for (JsonNode t : tiles) {
      double[] r = rectangle(t);
      geometry(features, t.path("streetCode").asText(), "Polygon").set("coordinates", polygon(r));
      JsonNode communities = street(tree, t.path("streetCode").asText()).path("children");
      double width = (r[1] - r[0]) / Math.max(1, communities.size());
      for (int i = 0; i < communities.size(); i++) {
        double[] strip = {r[0] + i * width, r[0] + (i + 1) * width, r[2], r[3]};
        geometry(features, communities.get(i).path("code").asText(), "Polygon").set("coordinates", polygon(strip));
      }
    }
    return collection;
  }

  /** Only the district and its streets (no communities): drill-down then falls back to tiles. */
  static ObjectNode streetsOnly(ObjectNode full) {
    ObjectNode copy = full.deepCopy();
    ArrayNode kept = HuianClient.JSON.createArrayNode();
    copy.path("features").forEach(f -> {
      if (f.path("properties").path("code").asText().endsWith("000")) {
        kept.add(f);
      }
    });
    copy.set("features", kept);
    return copy;
  }

  /** {lat, lon} of the middle of a street's rectangle. */
  static double[] centre(JsonNode tiles, String streetCode) {
    for (JsonNode t : tiles) {
      if (t.path("streetCode").asText().equals(streetCode)) {
        double[] r = rectangle(t);
        return new double[] {(r[2] + r[3]) / 2, (r[0] + r[1]) / 2};
      }
    }
    throw new IllegalArgumentException(streetCode);
  }

  /** {lonMin, lonMax, latMin, latMax} of a tile's rectangle. */
  static double[] rectangle(JsonNode tile) {
    int row = tile.path("row").asInt();
    int col = tile.path("col").asInt();
    return new double[] {round(WEST + col * COLUMN), round(WEST + (col + 1) * COLUMN), round(NORTH - (row + 1) * ROW), round(NORTH - row * ROW)};
  }

  /** A closed anticlockwise ring (RFC 7946's exterior winding) as Polygon coordinates. */
  static ArrayNode polygon(double[] r) {
    ArrayNode rings = HuianClient.JSON.createArrayNode();
    ArrayNode ring = rings.addArray();
    double[][] corners = {{r[0], r[2]}, {r[1], r[2]}, {r[1], r[3]}, {r[0], r[3]}, {r[0], r[2]}};
    for (double[] c : corners) {
      ring.addArray().add(c[0]).add(c[1]);
    }
    return rings;
  }

  /** Adds a feature for the unit and answers its (still empty) geometry. */
  private static ObjectNode geometry(ArrayNode features, String code, String type) {
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    f.putObject("properties").put("code", code).put("source", "synthetic test rectangle, not a real boundary");
    return f.putObject("geometry").put("type", type);
  }

  private static JsonNode street(JsonNode tree, String code) {
    for (JsonNode s : tree.path("children")) {
      if (s.path("code").asText().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException(code);
  }

  private static double round(double v) {
    return Math.round(v * 1_000_000) / 1_000_000.0;
  }
}
