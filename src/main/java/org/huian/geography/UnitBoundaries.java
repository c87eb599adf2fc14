package org.huian.geography;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real boundaries of each district's units, when an administrator imported them
 * (docs/boundaries.md): imported whole or refused whole ({@link BoundaryFile}), served to the maps
 * with each unit's name, level and parent added, and the padded box of a district's features for
 * the coordinate check at intake ({@link DistrictBounds}). The boxes are held in memory and read
 * again after an import here, or within {@code huian.geography.reload-interval} of one on another
 * node.
 */
@Service
public class UnitBoundaries {

  private static final Logger log = LoggerFactory.getLogger(UnitBoundaries.class);

  /** The answer to an import: how many features of each level, how many the district had before, the box. */
  public record ImportResult(String district, int features, int districts, int streets, int communities,
      int replacedFeatures, Box bounds) {}

  /** A WGS-84 box: latitudes and longitudes in degrees. */
  public record Box(double latMin, double latMax, double lonMin, double lonMax) {
    Box padded(double degrees) {
      return new Box(latMin - degrees, latMax + degrees, lonMin - degrees, lonMax + degrees);
    }
  }

  private record Served(Instant importedAt, Object geographyVersion, String json) {}

  private final BoundaryStore store;
  private final Geography geography;
  private final TransactionTemplate transaction;
  private volatile Map<String, BoundaryStore.Summary> summaries;
  private final AtomicReference<String> seen = new AtomicReference<>();
  private final Map<String, Served> served = new ConcurrentHashMap<>();

  UnitBoundaries(BoundaryStore store, Geography geography, TransactionTemplate transaction) {
    this.store = store;
    this.geography = geography;
    this.transaction = transaction;
  }

  /** Checks a file against the district and, when it passes, replaces the district's boundaries. */
  public ImportResult importFile(byte[] bytes, Unit district, String by) {
    BoundaryFile.Checked file = BoundaryFile.check(bytes, district, geography);
    int before = transaction.execute(status -> {
      store.lock();
      return store.replace(district.code(), file, by, Instant.now());
    });
    reload();
    Map<Level, Integer> n = file.byLevel();
    ImportResult result = new ImportResult(district.code(), file.features(), n.getOrDefault(Level.DISTRICT, 0),
        n.getOrDefault(Level.STREET, 0), n.getOrDefault(Level.COMMUNITY, 0), before, file.box());
    log.info("boundaries of {} imported by {}: {} features ({} streets, {} communities), replacing {}; box {}",
        district.code(), by, result.features(), result.streets(), result.communities(), before, file.box());
    return result;
  }

  /** Removes a district's boundaries (the maps fall back to tiles, intake to the configured box). */
  public boolean delete(Unit district, String by) {
    boolean removed = Boolean.TRUE.equals(transaction.execute(status -> {
      store.lock();
      return store.delete(district.code()) > 0;
    }));
    reload();
    if (removed) {
      log.info("boundaries of {} removed by {}", district.code(), by);
    }
    return removed;
  }

  public boolean has(String districtCode) {
    return summaries().containsKey(districtCode);
  }

  public int featureCount(String districtCode) {
    BoundaryStore.Summary s = summaries().get(districtCode);
    return s == null ? 0 : s.features();
  }

  /** The padded box of the district's features, when it has boundaries. */
  public Optional<Box> box(String districtCode) {
    return Optional.ofNullable(districtCode == null ? null : summaries().get(districtCode))
        .map(s -> s.box().padded(BoundaryFile.PAD_DEGREES));
  }

  /**
   * The district's FeatureCollection for the maps: each feature's {@code properties} carry, beside
   * what was imported, the unit's {@code name} (short name, as tiles show it), {@code fullName},
   * {@code level} and {@code parentCode} as the unit tree says now.
   */
  public Optional<String> geojson(String districtCode) {
    BoundaryStore.Summary summary = summaries().get(districtCode);
    if (summary == null) {
      return Optional.empty();
    }
    Served cached = served.get(districtCode);
    if (cached != null && cached.importedAt().equals(summary.importedAt()) && cached.geographyVersion() == geography.version()) {
      return Optional.of(cached.json());
    }
    Object version = geography.version();
    Optional<String> json = store.geojson(districtCode).map(this::withUnits);
    json.ifPresent(j -> served.put(districtCode, new Served(summary.importedAt(), version, j)));
    return json;
  }

  private String withUnits(String stored) {
    try {
      JsonNode root = BoundaryFile.JSON.readTree(stored);
      for (JsonNode f : root.path("features")) {
        if (!(f.get("properties") instanceof ObjectNode p)) {
          continue;
        }
        geography.find(p.path("code").asText()).ifPresent(u -> {
          p.put("name", u.shortName());
          p.put("fullName", u.name());
          p.put("level", u.level().name());
          p.put("parentCode", u.parentCode());
          p.put("retired", u.retired());
        });
      }
      return BoundaryFile.JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored boundaries are not JSON", e);
    }
  }

  private Map<String, BoundaryStore.Summary> summaries() {
    Map<String, BoundaryStore.Summary> s = summaries;
    if (s == null) {
      reload();
      s = summaries;
    }
    return s;
  }

  /** Reads the boxes again (after an import here or on another node). */
  void reload() {
    String version = store.version();
    Map<String, BoundaryStore.Summary> map = new LinkedHashMap<>();
    store.summaries().forEach(x -> map.put(x.districtCode(), x));
    summaries = Map.copyOf(map);
    seen.set(version);
    served.keySet().retainAll(map.keySet());
  }

  @Scheduled(fixedDelayString = "${huian.geography.reload-interval:PT10S}", initialDelayString = "${huian.geography.reload-interval:PT10S}")
  void reloadIfChanged() {
    try {
      String before = seen.get();
      if (before != null && !before.equals(store.version())) {
        reload();
        log.info("unit boundaries changed on another node: reloaded");
      }
    } catch (RuntimeException e) {
      log.debug("boundary reload check failed: {}", e.toString());
    }
  }
}
