package org.huian.geography;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The WGS-84 box a district's coordinates must lie in, for refusing coordinates that cannot lie in
 * it, best first: the box of its imported boundaries padded by {@value BoundaryFile#PAD_DEGREES}°
 * ({@link UnitBoundaries}); else the generous box configured as
 * {@code huian.geography.bounds.<district code>: latMin,latMax,lonMin,lonMax}; else China's.
 */
@Component
@ConfigurationProperties("huian.geography")
public class DistrictBounds {

  /** Mainland China, Hainan and the islands of the South China Sea left out on purpose: a sanity box. */
  static final double[] CHINA = {3.8, 53.6, 73.5, 135.1};

  private final UnitBoundaries boundaries;
  private Map<String, String> bounds = new HashMap<>();

  @Autowired // a bean with a constructor: properties bind through the setter, not the constructor
  DistrictBounds(UnitBoundaries boundaries) {
    this.boundaries = boundaries;
  }

  public Map<String, String> getBounds() {
    return bounds;
  }

  public void setBounds(Map<String, String> bounds) {
    this.bounds = bounds;
  }

  public boolean latitudeIn(String districtCode, double lat) {
    double[] b = box(districtCode);
    return !Double.isNaN(lat) && lat >= b[0] && lat <= b[1];
  }

  public boolean longitudeIn(String districtCode, double lon) {
    double[] b = box(districtCode);
    return !Double.isNaN(lon) && lon >= b[2] && lon <= b[3];
  }

  private double[] box(String districtCode) {
    if (districtCode == null) {
      return CHINA;
    }
    var imported = boundaries.box(districtCode);
    if (imported.isPresent()) {
      UnitBoundaries.Box b = imported.get();
      return new double[] {b.latMin(), b.latMax(), b.lonMin(), b.lonMax()};
    }
    String value = bounds.get(districtCode);
    if (value == null) {
      return CHINA;
    }
    String[] parts = value.split(",");
    double[] b = new double[4];
    for (int i = 0; i < 4; i++) {
      b[i] = Double.parseDouble(parts[i].strip());
    }
    return b;
  }
}
