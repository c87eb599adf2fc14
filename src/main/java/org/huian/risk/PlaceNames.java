package org.huian.risk;

import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.geography.UnitsChanged;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the cross-matching's place names (the districts served) in step with the unit tree. */
@Component
class PlaceNames implements SmartInitializingSingleton {

  private final Geography geography;

  PlaceNames(Geography geography) {
    this.geography = geography;
  }

  @Override
  public void afterSingletonsInstantiated() {
    update();
  }

  @EventListener
  void unitsChanged(UnitsChanged event) {
    update();
  }

  private void update() {
    SubjectKeys.usePlaceNames(geography.everything().values().stream()
        .filter(u -> u.level() == org.huian.geography.Level.DISTRICT).map(Unit::shortName).toList());
  }
}
