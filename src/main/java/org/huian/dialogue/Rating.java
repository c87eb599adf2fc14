package org.huian.dialogue;

/** The annual review's verdict on a task (成效清单). Points feed the unit's assessment score. */
public enum Rating {
  SOLVED("已解决", 60),
  PARTLY("部分解决", 30),
  NOT_SOLVED("未解决", 0);

  private final String nameZh;
  private final int points;

  Rating(String nameZh, int points) {
    this.nameZh = nameZh;
    this.points = points;
  }

  public String nameZh() {
    return nameZh;
  }

  public int points() {
    return points;
  }
}
