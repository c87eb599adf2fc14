package org.huian.cases;

import org.huian.geography.Unit;

/** A location checked against Dongcheng's units: the street is always known. */
public record ResolvedLocation(Unit street, Unit community, Unit grid) {

  /** The most specific unit the location names. */
  public Unit mostSpecific() {
    return grid != null ? grid : community != null ? community : street;
  }
}
