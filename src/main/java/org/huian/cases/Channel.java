package org.huian.cases;

/** How a matter reached the one window. */
public enum Channel {
  WINDOW("窗口受理"),
  GRID_APP("网格员上报"),
  HOTLINE("热线电话"),
  ONLINE("网上反映"),
  LETTER("来信"),
  /** Another system through Open311 GeoReport v2 ({@code /open311/v2}, docs/open311.md). */
  OPEN311("Open311 接口");

  private final String nameZh;

  Channel(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
