package org.huian.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.geography.UnitBoundaries;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Turns an Open311 location into the street and community intake needs: {@code lat}/{@code long}
 * by the district's imported boundaries ({@link UnitBoundaries}, point in polygon, the community
 * before its street), else {@code address_string} by the unit names it contains (the longest
 * community name, checked against a street it also names). Intake then checks the result as any
 * other (the coordinates against the district's box too). Nothing found is a 400 that says why.
 */
@Component
class Open311Locations {

  /** The street is always known; the community when the location names one. */
  record Resolved(Unit street, Unit community) {}

  private record Shape(Unit unit, List<double[][]> rings) {}

  private record Shapes(String source, List<Shape> shapes) {}

  private final Geography geography;
  private final UnitBoundaries boundaries;
  private final ObjectMapper json;
  private final java.util.Map<String, AtomicReference<Shapes>> cache = new java.util.concurrent.ConcurrentHashMap<>();

  Open311Locations(Geography geography, UnitBoundaries boundaries, ObjectMapper json) {
    this.geography = geography;
    this.boundaries = boundaries;
    this.json = json;
  }

  Resolved resolve(Unit district, Double lat, Double lon, String address) {
    boolean coordinates = lat != null && lon != null;
    boolean named = address != null && !address.isBlank();
    if (!coordinates && !named) {
      throw invalid("lat", "须提供位置：lat 和 long，或 address_string");
    }
    String why = null;
    if (coordinates) {
      if (!boundaries.has(district.code())) {
        why = district.shortName() + "尚未导入街道和社区边界，无法按经纬度确定所在街道或社区";
      } else {
        Optional<Unit> hit = containing(district, lat, lon);
        if (hit.isPresent()) {
          Unit u = hit.get();
          return u.level() == Level.COMMUNITY ? new Resolved(geography.parent(u), u) : new Resolved(u, null);
        }
        why = "坐标（" + lat + ", " + lon + "）不在" + district.shortName() + "任何街道或社区的边界内";
      }
    }
    if (named) {
      return byName(district, address.strip(), why);
    }
    throw invalid("lat", why + "；请提供 address_string（含街道或社区名称）");
  }

  private Resolved byName(Unit district, String address, String why) {
    String text = address.replaceAll("\\s+", "");
    List<Unit> streets = geography.all(Level.STREET, district.code()).stream()
        .filter(s -> text.contains(s.shortName()) || text.contains(s.name())).toList();
    Unit street = streets.size() == 1 ? streets.get(0) : null;
    List<Unit> communities = new ArrayList<>();
    int best = 0;
    for (Unit c : geography.all(Level.COMMUNITY, district.code())) {
      if (street != null && !street.code().equals(c.parentCode())) {
        continue;
      }
      int length = matched(text, c);
      if (length > best) {
        best = length;
        communities.clear();
      }
      if (length > 0 && length == best) {
        communities.add(c);
      }
    }
    String prefix = why == null ? "" : why + "；";
    if (communities.size() == 1) {
      Unit community = communities.get(0);
      return new Resolved(geography.parent(community), community);
    }
    if (communities.size() > 1) {
      throw invalid("address_string", prefix + "address_string 中的“" + address(text)
          + "”对应多个社区，请写明所在街道：" + String.join("、", communities.stream().map(c -> geography.parent(c).shortName()
          + c.name()).sorted().toList()));
    }
    if (street != null) {
      return new Resolved(street, null);
    }
    if (streets.size() > 1) {
      throw invalid("address_string", prefix + "address_string 同时提到了多个街道："
          + String.join("、", streets.stream().map(Unit::shortName).toList()));
    }
    throw invalid("address_string", prefix + "address_string 中没有" + district.shortName()
        + "的街道或社区名称（例如“" + example(district) + "”），无法确定事发地点");
  }

  /** How many characters of the community's name the text contains: its full name, else its name without 社区/村. */
  private static int matched(String text, Unit community) {
    String name = community.name();
    if (text.contains(name)) {
      return name.length() + 1;
    }
    String base = name.replaceAll("(社区居委会|居委会|社区|村委会|村)$", "");
    return base.length() >= 2 && !base.equals(name) && text.contains(base) ? base.length() : 0;
  }

  private String example(Unit district) {
    List<Unit> communities = geography.all(Level.COMMUNITY, district.code());
    return communities.isEmpty() ? district.shortName() : geography.parent(communities.get(0)).shortName() + "街道"
        + communities.get(0).name();
  }

  private static String address(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private Optional<Unit> containing(Unit district, double lat, double lon) {
    List<Shape> shapes = shapes(district.code());
    return shapes.stream()
        .filter(s -> s.unit().level() == Level.COMMUNITY || s.unit().level() == Level.STREET)
        .filter(s -> inside(s.rings(), lon, lat))
        .min(Comparator.comparingInt(s -> s.unit().level() == Level.COMMUNITY ? 0 : 1))
        .map(Shape::unit);
  }

  /** The district's features as rings of [lon, lat], parsed once per imported version. */
  private List<Shape> shapes(String district) {
    String source = boundaries.geojson(district).orElse(null);
    if (source == null) {
      return List.of();
    }
    AtomicReference<Shapes> ref = cache.computeIfAbsent(district, d -> new AtomicReference<>());
    Shapes held = ref.get();
    if (held != null && held.source() == source) {
      return held.shapes();
    }
    List<Shape> parsed = new ArrayList<>();
    try {
      for (JsonNode f : json.readTree(source).path("features")) {
        Optional<Unit> unit = geography.find(f.path("properties").path("code").asText(null));
        if (unit.isEmpty() || unit.get().retired()) {
          continue;
        }
        JsonNode g = f.path("geometry");
        List<double[][]> rings = new ArrayList<>();
        if ("Polygon".equals(g.path("type").asText())) {
          rings(g.path("coordinates"), rings);
        } else if ("MultiPolygon".equals(g.path("type").asText())) {
          for (JsonNode polygon : g.path("coordinates")) {
            rings(polygon, rings);
          }
        }
        parsed.add(new Shape(unit.get(), rings));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored boundaries are not JSON", e);
    }
    ref.set(new Shapes(source, List.copyOf(parsed)));
    return parsed;
  }

  /** Every ring of a polygon (the outer one and its holes) as [lon, lat] points. */
  private static void rings(JsonNode polygon, List<double[][]> into) {
    for (JsonNode ring : polygon) {
      double[][] points = new double[ring.size()][];
      for (int i = 0; i < ring.size(); i++) {
        points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
      }
      into.add(points);
    }
  }

  /** Even-odd rule over every ring of a feature: inside an outer ring and not inside one of its holes. */
  static boolean inside(List<double[][]> rings, double x, double y) {
    boolean in = false;
    for (double[][] ring : rings) {
      for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        double xi = ring[i][0];
        double yi = ring[i][1];
        double xj = ring[j][0];
        double yj = ring[j][1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
          in = !in;
        }
      }
    }
    return in;
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new FieldError(field, message)));
  }
}
