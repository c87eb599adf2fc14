package org.huian.geography;

/** The four levels of the funnel, lowest first. */
public enum Level {
  GRID("网格"),
  COMMUNITY("社区"),
  STREET("街道"),
  DISTRICT("区");

  private final String nameZh;

  Level(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }

  /** The level one step up, or {@code null} at the district. */
  public Level up() {
    return this == DISTRICT ? null : values()[ordinal() + 1];
  }
}
