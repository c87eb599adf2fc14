package org.huian.geography;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A generous WGS-84 box around each district, for refusing coordinates that cannot lie in it:
 * {@code huian.geography.bounds.<district code>: latMin,latMax,lonMin,lonMax}. A district without
 * a box is checked against China's.
 */
@Component
@ConfigurationProperties("huian.geography")
public class DistrictBounds {

  /** Mainland China, Hainan and the islands of the South China Sea left out on purpose: a sanity box. */
  static final double[] CHINA = {3.8, 53.6, 73.5, 135.1};

  private Map<String, String> bounds = new HashMap<>();

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
    String value = districtCode == null ? null : bounds.get(districtCode);
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
